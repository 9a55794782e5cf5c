// Lists the projects due to start construction this period, with the
// organisations behind each. Run it against a running API:
//   pnpm --filter @zonegraph/sdk exec tsx examples/projects-due.ts
import { createClient, GraphQLResponseError, TransportError } from '@zonegraph/sdk';

const client = createClient({
  url: process.env['ZONEGRAPH_URL'] ?? 'http://localhost:4000/graphql',
  apiKey: process.env['ZONEGRAPH_API_KEY'],
});

try {
  const { projects } = await client.projects({
    filter: { targetStage: ['UNDER_CONSTRUCTION'] },
    orderBy: { field: 'CODE' },
    first: 50,
  });
  console.log(`${projects.totalCount} projects are due to start construction:`);
  for (const project of projects.nodes) {
    const { project: detail } = await client.project({ code: project.code });
    const behind = detail?.organisations.nodes.map((o) => o.nameZh).join('、') || '—';
    console.log(`  ${project.code}  ${project.nameZh} (${project.nameEn}), now ${project.stage}; ${behind}`);
  }
} catch (error) {
  if (error instanceof GraphQLResponseError) console.error(`The API refused: ${error.codes.join(', ')}: ${error.message}`);
  else if (error instanceof TransportError) console.error(`No answer from the API: ${error.message}`);
  else throw error;
  process.exitCode = 1;
}
