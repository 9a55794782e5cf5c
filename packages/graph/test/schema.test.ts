import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/index.ts';
import { printSchemaSDL } from '../src/print.ts';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `pnpm generate` after changing the schema)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', 'schema.graphql'), 'utf8');
    expect(printSchemaSDL()).toBe(committed);
  });

  it('exposes the root fields partners and analysts rely on', () => {
    const fields = Object.keys(schema.getQueryType()!.getFields());
    for (const name of [
      'programme', 'campaigns', 'campaign', 'platforms', 'industryClusters', 'sectors', 'parks',
      'organisations', 'projects', 'project', 'obstacles', 'inspectionFindings', 'node', 'nodes',
    ]) {
      expect(fields).toContain(name);
    }
  });
});
