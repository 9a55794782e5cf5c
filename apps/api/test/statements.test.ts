import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './testkit.ts';

const NESTED = /* GraphQL */ `
  query ($size: Int!) {
    campaigns(first: 10) {
      totalCount
      nodes {
        nameZh
        projects(first: $size) {
          totalCount
          nodes {
            nameZh
            stage
            cluster { nameZh sector { nameZh } }
            organisations(first: 10) { totalCount nodes { nameZh originGroup } }
            platforms(first: 10) { totalCount nodes { nameZh kind } }
          }
        }
      }
    }
  }`;

describe('SQL statements per request', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  async function countStatements(size: number) {
    api.statements.length = 0;
    const data = await api.data<{ campaigns: { nodes: { projects: { nodes: unknown[] } }[] } }>(NESTED, { size });
    const projectsRead = data.campaigns.nodes.reduce((n, c) => n + c.projects.nodes.length, 0);
    return { statements: api.statements.length, projectsRead };
  }

  it('reads campaigns → projects → cluster, organisations, platforms in a bounded number of statements, whatever the page size', async () => {
    const small = await countStatements(2);
    const large = await countStatements(50);
    expect(large.projectsRead).toBeGreaterThan(small.projectsRead);
    // No N+1: the count depends on the shape of the query, not on how many rows it reads.
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(12);
    console.info(`nested read: ${large.statements} SQL statements for ${large.projectsRead} projects (${small.statements} for ${small.projectsRead})`);
  });
});
