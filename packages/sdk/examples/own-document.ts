// A query of your own, typed: any TypedDocumentNode runs through
// client.request, its result and variables checked by the compiler. Generate
// documents with graphql-codegen from packages/graph/schema.graphql, or, for
// a one-off, type the parsed document yourself as here.
//   pnpm --filter @zonegraph/sdk exec tsx examples/own-document.ts
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createClient, type ProjectStage } from '@zonegraph/sdk';
import { parse } from 'graphql';

interface KeyProjects {
  projects: { totalCount: number; nodes: { code: string; nameZh: string; stage: ProjectStage }[] };
}
const KeyProjectsDocument: TypedDocumentNode<KeyProjects, { campaign: string }> = parse(`
  query KeyProjects($campaign: String!) {
    projects(filter: { campaign: $campaign, isKeyProject: true }, first: 100) {
      totalCount
      nodes { code nameZh stage }
    }
  }
`);

const client = createClient({
  url: process.env['ZONEGRAPH_URL'] ?? 'http://localhost:4000/graphql',
  apiKey: process.env['ZONEGRAPH_API_KEY'],
});
const { projects } = await client.request(KeyProjectsDocument, { campaign: process.argv[2] ?? 'GZK-2020-C4' });
console.log(`${projects.totalCount} key projects`);
for (const p of projects.nodes) console.log(`  ${p.code} ${p.nameZh} ${p.stage}`);
