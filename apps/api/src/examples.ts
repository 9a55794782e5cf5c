import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, 'examples');

/** The example operations GraphiQL opens with, one tab each, in file-name order. */
export const exampleOperations: { name: string; query: string }[] = readdirSync(dir)
  .filter((file) => file.endsWith('.graphql'))
  .sort()
  .map((file) => ({ name: file, query: readFileSync(join(dir, file), 'utf8') }));
