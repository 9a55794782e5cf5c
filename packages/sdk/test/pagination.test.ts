import { afterAll, beforeAll, describe, expect, expectTypeOf, test } from 'vitest';
import { createClient, paginate, paginateNodes, ProjectsDocument, type ProjectSummaryFragment, type ProjectsQueryVariables, type ZonegraphClient } from '../src/index.ts';
import { startApi, type RunningApi } from '@zonegraph/api/testing';

let api: RunningApi;
let client: ZonegraphClient;
let requests = 0;

beforeAll(async () => {
  api = await startApi();
  client = createClient({
    url: api.url,
    fetch: (input, init) => {
      requests += 1;
      return fetch(input, init);
    },
  });
});

afterAll(async () => {
  await api?.close();
});

describe('paging through a connection', () => {
  test('every page in order, one request each, the same projects as one big page', async () => {
    const { projects: all } = await client.projects({ first: 100, orderBy: { field: 'CODE' } });
    requests = 0;
    const sizes: number[] = [];
    const codes: string[] = [];
    for await (const page of client.paginate(client.projects, { first: 5, orderBy: { field: 'CODE' } }, (data) => data.projects)) {
      expectTypeOf(page.nodes).toEqualTypeOf<ProjectSummaryFragment[]>();
      sizes.push(page.nodes.length);
      codes.push(...page.nodes.map((p) => p.code));
    }
    expect(codes).toEqual(all.nodes.map((p) => p.code));
    expect(sizes.length).toBe(Math.ceil(all.totalCount / 5));
    expect(sizes.slice(0, -1).every((size) => size === 5)).toBe(true);
    expect(requests).toBe(sizes.length);
  });

  test('every node, flattened; breaking out fetches nothing more', async () => {
    requests = 0;
    const seen: string[] = [];
    for await (const project of paginateNodes(client.projects, { first: 3, orderBy: { field: 'CODE' } }, (data) => data.projects)) {
      seen.push(project.code);
      if (seen.length === 4) break;
    }
    expect(seen).toHaveLength(4);
    expect(requests).toBe(2);
  });

  test('a filter and a custom document page too', async () => {
    const filter = { targetStage: ['OPERATING' as const] };
    const codes: string[] = [];
    for await (const page of paginate((variables: ProjectsQueryVariables) => client.request(ProjectsDocument, variables), { first: 2, filter }, (data) => data.projects)) {
      codes.push(...page.nodes.map((p) => p.code));
    }
    const { projects } = await client.projects({ first: 100, filter });
    expect(codes.sort()).toEqual(projects.nodes.map((p) => p.code).sort());
    expect(codes.length).toBe(projects.totalCount);
  });

  test('a connection that is null (nothing to page) yields nothing', async () => {
    const pages: unknown[] = [];
    for await (const page of client.paginate(client.campaign, { code: 'GZK-2020-NONE' }, (data) => data.campaign?.projects)) pages.push(page);
    expect(pages).toEqual([]);
  });
});
