// Prints the schema to schema.graphql, the contract the SDK is generated from,
// and the schema's CHANGELOG.md from the diff against the stored releases.
// With --check, or under CI, it fails instead when a committed file differs
// from what the code gives: CI must test the contract that was committed, not
// rewrite it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchemaSDL } from '../src/print.ts';
import { changelogFile, readIntended, readReleases, renderChangelog } from './evolution.ts';

const file = join(import.meta.dirname, '..', 'schema.graphql');
const printed = printSchemaSDL();
const changelog = await renderChangelog(printed, readReleases(), readIntended());

const ci = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

if (process.argv.includes('--check') || ci) {
  if (read(file) !== printed) {
    console.error('packages/graph/schema.graphql does not match the code. Run `pnpm generate` and commit the result.');
    process.exit(1);
  }
  if (read(changelogFile) !== changelog) {
    console.error('packages/graph/CHANGELOG.md does not match the schema\'s changes since the last release. Run `pnpm generate` and commit the result.');
    process.exit(1);
  }
  console.log('schema.graphql and CHANGELOG.md match the code');
} else {
  writeFileSync(file, printed);
  writeFileSync(changelogFile, changelog);
}
