// Prints the schema to schema.graphql, the contract the SDK is generated from.
// With --check, or under CI, it fails instead when the committed file differs
// from the code: CI must test the contract that was committed, not rewrite it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchemaSDL } from '../src/print.ts';

const file = join(import.meta.dirname, '..', 'schema.graphql');
const printed = printSchemaSDL();

const ci = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

if (process.argv.includes('--check') || ci) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {}
  if (committed !== printed) {
    console.error('packages/graph/schema.graphql does not match the code. Run `pnpm generate` and commit the result.');
    process.exit(1);
  }
  console.log('schema.graphql matches the code');
} else {
  writeFileSync(file, printed);
}
