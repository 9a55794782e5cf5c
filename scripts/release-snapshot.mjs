// The last step of `pnpm release:version`, after `changeset version` gave the
// SDK its new version: stores what the clients of this release rely on, so
// that later changes are judged against it —
//   packages/graph/releases/<version>.graphql  the schema (the breaking-change gate diffs against it)
//   packages/sdk/releases/<version>.json       the published documents (the API keeps trusting their hashes)
// and empties the list of intended breaking changes, which were this release's.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}packages/sdk/package.json`, 'utf8'));
const stored = [
  [`${root}packages/graph/schema.graphql`, `${root}packages/graph/releases/${version}.graphql`],
  [`${root}packages/sdk/src/gql/persisted-documents.json`, `${root}packages/sdk/releases/${version}.json`],
];
// Compared by content: JSON by value, whatever its formatting.
const content = (file) => (file.endsWith('.json') ? JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))) : readFileSync(file, 'utf8'));
for (const [from, to] of stored) {
  if (existsSync(to) && content(to) !== content(from)) {
    console.error(`${to} already holds release ${version}, and differs: was the version not bumped? (pnpm changeset, then pnpm release:version)`);
    process.exit(1);
  }
}
for (const [from, to] of stored) copyFileSync(from, to);
writeFileSync(`${root}packages/graph/releases/intended-breaking-changes.json`, '[]\n');
console.log(`Stored the schema and published documents of release ${version}.`);
