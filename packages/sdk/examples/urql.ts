// The SDK's generated documents with another client: urql here (Apollo
// Client takes the same documents, see the README). Each `…Document` is a
// TypedDocumentNode, so urql types the result and the variables from it.
//   pnpm --filter @zonegraph/sdk exec tsx examples/urql.ts GZK-2020-C4
import { Client, fetchExchange } from '@urql/core';
import { CLIENT_HEADER, CLIENT_NAME, ProjectsDocument } from '@zonegraph/sdk';

const apiKey = process.env['ZONEGRAPH_API_KEY'];
const client = new Client({
  url: process.env['ZONEGRAPH_URL'] ?? 'http://localhost:4000/graphql',
  exchanges: [fetchExchange],
  fetchOptions: {
    headers: {
      // The API's CSRF protection wants this header on a GET; send it always.
      [CLIENT_HEADER]: `${CLIENT_NAME}+urql`,
      ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
    },
  },
});

const result = await client.query(ProjectsDocument, { filter: { campaign: process.argv[2] ?? 'GZK-2020-C4' }, first: 5 }).toPromise();
if (result.error) {
  console.error(result.error.message);
  process.exit(1);
}
// result.data is ProjectsQuery: the compiler knows every field.
const projects = result.data!.projects;
console.log(`${projects.totalCount} projects in the campaign; the first ${projects.nodes.length}:`);
for (const p of projects.nodes) console.log(`  ${p.code} ${p.nameZh} ${p.stage}`);
