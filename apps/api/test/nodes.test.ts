import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './testkit.ts';

describe('global IDs', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('fetches every kind of record back through node(id:) and nodes(ids:)', async () => {
    const data = await api.data<Record<string, { nodes: { id: string; __typename: string }[] }>>(`{
      campaigns(first: 1) { nodes { id __typename } }
      projects(first: 1) { nodes { id __typename } }
      platforms(first: 1) { nodes { id __typename } }
      sectors(first: 1) { nodes { id __typename } }
      industryClusters(first: 1) { nodes { id __typename } }
      parks(first: 1) { nodes { id __typename } }
      organisations(first: 1) { nodes { id __typename } }
      programmes(first: 1) { nodes { id __typename } }
    }`);
    const ids = Object.values(data).map((c) => c.nodes[0]!);
    expect(ids).toHaveLength(8);
    for (const { id, __typename } of ids) {
      const { node } = await api.data<{ node: { id: string; __typename: string } }>(`query ($id: ID!) { node(id: $id) { id __typename } }`, { id });
      expect(node).toEqual({ id, __typename });
    }
    const { nodes } = await api.data<{ nodes: { id: string }[] }>(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: ids.map((n) => n.id).reverse(),
    });
    expect(nodes.map((n) => n.id)).toEqual(ids.map((n) => n.id).reverse());
  });

  it('answers null for an ID of nothing, and a clear error for a malformed ID', async () => {
    const { projects } = await api.data<{ projects: { nodes: { id: string }[] } }>(`{ projects(first: 1) { nodes { id } } }`);
    const [type] = Buffer.from(projects.nodes[0]!.id, 'base64').toString().split(':');
    const missing = Buffer.from(`${type}:00000000-0000-7000-8000-000000000000`).toString('base64');
    expect((await api.data(`query ($id: ID!) { node(id: $id) { id } }`, { id: missing })).node).toBeNull();

    for (const bad of ['not-an-id', Buffer.from('Project:not-a-uuid').toString('base64'), Buffer.from('Nope:1').toString('base64')]) {
      const result = await api.execute(`query ($id: ID!) { node(id: $id) { id } }`, { id: bad });
      expect(result.errors?.[0]?.extensions?.code, bad).toBe('BAD_USER_INPUT');
    }
  });

  it('finds records by code, and answers null for an unknown code', async () => {
    const { project } = await api.data<{ project: { nameZh: string } }>(`{ project(code: "nope") { nameZh } }`);
    expect(project).toBeNull();
    const hospital = await api.db.prisma.project.findFirstOrThrow({ where: { nameZh: '军地医院' } });
    const found = await api.data<{ project: { nameZh: string; campaign: { position: number } } }>(
      `query ($code: String!) { project(code: $code) { nameZh campaign { position } } }`,
      { code: hospital.code },
    );
    expect(found.project).toEqual({ nameZh: '军地医院', campaign: { position: 1 } });
  });
});
