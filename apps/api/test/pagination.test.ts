import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './testkit.ts';

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { code: string } }[];
}

const PROJECTS = /* GraphQL */ `
  query ($first: Int, $after: String, $last: Int, $before: String) {
    projects(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { code } }
    }
  }`;

const CAMPAIGN_PROJECTS = /* GraphQL */ `
  query ($code: String!, $first: Int, $after: String, $last: Int, $before: String) {
    campaign(code: $code) {
      projects(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { code } }
      }
    }
  }`;

describe('connections', () => {
  let api: TestApi;
  let allCodes: string[];
  let busiestCampaign: string;

  beforeAll(async () => {
    api = await startTestApi();
    allCodes = (await api.db.prisma.project.findMany({ orderBy: { code: 'asc' }, select: { code: true } })).map((p) => p.code);
    const byCampaign = await api.db.prisma.campaign.findMany({ include: { _count: { select: { projects: true } } } });
    busiestCampaign = byCampaign.sort((a, b) => b._count.projects - a._count.projects)[0]!.code;
  });
  afterAll(() => api.close());

  const projects = async (variables: Record<string, unknown>) => (await api.data<{ projects: Page }>(PROJECTS, variables)).projects;
  const nested = async (variables: Record<string, unknown>) =>
    (await api.data<{ campaign: { projects: Page } }>(CAMPAIGN_PROJECTS, { code: busiestCampaign, ...variables })).campaign.projects;

  it('has enough seeded projects to page through', () => {
    expect(allCodes.length).toBeGreaterThan(10);
  });

  it('pages forward with first/after through every project exactly once, in order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const page: Page = await projects({ first: 4, after });
      expect(page.totalCount).toBe(allCodes.length);
      seen.push(...page.edges.map((e) => e.node.code));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(allCodes);
  });

  it('pages backward with last/before', async () => {
    const tail = await projects({ last: 3 });
    expect(tail.edges.map((e) => e.node.code)).toEqual(allCodes.slice(-3));
    expect(tail.pageInfo.hasPreviousPage).toBe(true);
    const before = await projects({ last: 3, before: tail.pageInfo.startCursor });
    expect(before.edges.map((e) => e.node.code)).toEqual(allCodes.slice(-6, -3));
  });

  it('returns an empty page, not an error, past the end and for first: 0', async () => {
    const last = await projects({ last: 1 });
    const past = await projects({ first: 5, after: last.pageInfo.endCursor });
    expect(past.edges).toEqual([]);
    expect(past.pageInfo.hasNextPage).toBe(false);
    const none = await projects({ first: 0 });
    expect(none.edges).toEqual([]);
    expect(none.totalCount).toBe(allCodes.length);
  });

  it('pages a nested connection with first/after (Prisma driver adapters once broke this)', async () => {
    const everything = await nested({ first: 100 });
    expect(everything.totalCount).toBeGreaterThan(3);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const page: Page = await nested({ first: 2, after });
      expect(page.totalCount).toBe(everything.totalCount);
      seen.push(...page.edges.map((e) => e.node.code));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(everything.edges.map((e) => e.node.code));
    const tail = await nested({ last: 2 });
    expect(tail.edges.map((e) => e.node.code)).toEqual(everything.edges.slice(-2).map((e) => e.node.code));
  });

  it('rejects a malformed cursor with a clear BAD_USER_INPUT error', async () => {
    for (const variables of [{ first: 5, after: 'garbage' }, { first: 5, after: Buffer.from('GPC:S:nope').toString('base64') }]) {
      const result = await api.execute(PROJECTS, variables);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/cursor/i);
    }
    const nestedResult = await api.execute(CAMPAIGN_PROJECTS, { code: busiestCampaign, first: 2, after: 'garbage' });
    expect(nestedResult.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects contradictory arguments', async () => {
    const page = await projects({ first: 2 });
    const both = await api.execute(PROJECTS, { first: 2, after: page.pageInfo.endCursor, before: page.pageInfo.startCursor });
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const negative = await api.execute(PROJECTS, { first: -1 });
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses pages larger than 100, at the root and nested, saying by how much', async () => {
    const root = await api.execute(PROJECTS, { first: 101 });
    expect(root.errors?.[0]?.extensions).toMatchObject({ code: 'PAGE_SIZE_TOO_LARGE', max: 100, requested: 101 });
    const inner = await api.execute(CAMPAIGN_PROJECTS, { code: busiestCampaign, last: 1000 });
    expect(inner.errors?.[0]?.extensions).toMatchObject({ code: 'PAGE_SIZE_TOO_LARGE', requested: 1000 });
    expect(inner.errors?.[0]?.message).toContain('900 too many');
  });

  it('gives a page of 20 when no size is asked for', async () => {
    const page = await projects({});
    expect(page.edges.length).toBe(Math.min(20, allCodes.length));
  });
});
