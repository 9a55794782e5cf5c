// The breaking-change gate, for a person (`pnpm schema:gate`): the committed
// schema.graphql against the latest release's, every change with its verdict;
// exit 1 when a breaking change is not listed as intended or a deprecation
// lacks its reason or removal date. CI runs the same check as a test
// (test/schema-evolution.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gate, readIntended, readReleases } from './evolution.ts';

const sdl = readFileSync(join(import.meta.dirname, '..', 'schema.graphql'), 'utf8');
const result = await gate(sdl, readReleases(), readIntended());
console.log(`schema.graphql against release ${result.previous}: ${result.changes.length} change(s)`);
for (const { change, verdict, note } of result.changes) console.log(`  [${verdict}] ${change.message}${note ? ` (${note})` : ''}`);
if (result.failures.length > 0) {
  console.error('\nThe gate fails:');
  for (const failure of result.failures) console.error(`  - ${failure}`);
  console.error('\nDeprecate first (docs/partner-guide.md, "Versioning and deprecation"), or list the change in packages/graph/releases/intended-breaking-changes.json with a reason.');
  process.exit(1);
}
console.log('No unintended breaking change.');
