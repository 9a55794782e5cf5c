import { loadDemoYear } from '@zonegraph/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { createApp, type App } from '../src/yoga.ts';
import { globalId, headersFor, type Headers } from './mutation-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

// The compiled read path must answer exactly as the resolvers do — same data, same key
// order, same cost — for every caller. Two servers over one database: the test kit's (compiled
// reads on, the default) and one with COMPILED_READS off.

const PROJECT_FIELDS = /* GraphQL */ `
  id __typename code nameZh nameEn summaryEn stage targetStage targetDate stageChangedAt
  plannedInvestment completedInvestment investmentVisibility isKeyProject inFiveYearPlan
  visibility version archivedAt createdAt updatedAt
`;

const documents: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  { name: 'a page of projects with every column', query: `{ projects(first: 30) { totalCount nodes { ${PROJECT_FIELDS} } } }` },
  {
    name: 'projects with their parents and organisations (the benchmark shape)',
    query: `{ projects(first: 50, orderBy: { field: CODE, direction: ASC }) { nodes { code nameEn stage plannedInvestment
      campaign { code nameEn } cluster { code nameEn sector { code nameEn } } park { code nameZh }
      organisations(first: 10) { totalCount nodes { code nameEn } } } } }`,
  },
  {
    name: 'campaigns, each with a page of its projects',
    query: `{ campaigns(first: 10) { totalCount pageInfo { hasNextPage hasPreviousPage } nodes { code nameEn
      projects(first: 3) { totalCount pageInfo { hasNextPage } nodes { code nameEn stage cluster { code nameEn } } }
      listedProjects(first: 5) { nodes { code } } counted: projects { totalCount } typed: projects { __typename } } } }`,
  },
  {
    name: 'sorted by figures a caller may not see, descending and ascending',
    query: `query ($d: OrderDirection!) { projects(first: 25, orderBy: { field: PLANNED_INVESTMENT, direction: $d }) { nodes { code plannedInvestment completedInvestment } } }`,
    variables: { d: 'DESC' },
  },
  {
    name: 'sorted by completed investment',
    query: `{ projects(first: 25, orderBy: { field: COMPLETED_INVESTMENT, direction: ASC }) { nodes { code completedInvestment } } }`,
  },
  {
    name: 'filtered, searched and ordered, with totalCount',
    query: `{ projects(first: 5, filter: { campaign: "GZK-2020-C4", stage: [SIGNED, UNDER_CONSTRUCTION, OPERATING] }, orderBy: { field: CODE, direction: DESC }) {
      totalCount nodes { code stage } } }`,
  },
  { name: 'a search', query: `{ projects(filter: { search: "医院" }) { totalCount nodes { code nameZh } } }` },
  {
    name: 'searches in English any case, by code, and with characters LIKE would read as wildcards',
    query: `query ($a: String!, $b: String!, $c: String!) { a: projects(filter: { search: $a }) { totalCount nodes { code } }
      b: projects(filter: { search: $b }) { totalCount nodes { code } } c: projects(filter: { search: $c, stage: [SIGNED] }) { totalCount nodes { code } } }`,
    variables: { a: 'HOSPITAL', b: 'gzk-2020-p01', c: '_%\\' },
  },
  {
    name: 'one project with its history, investments, platforms and engagements',
    query: `query ($code: String!) { project(code: $code) { code
      stageHistory(first: 20) { totalCount nodes { id fromStage toStage occurredOn note recordedAt } }
      investments(first: 6) { totalCount pageInfo { hasNextPage } nodes { month amount updatedAt } }
      platforms(first: 5) { nodes { code nameEn } }
      campaigns(first: 5) { nodes { code } } } }`,
    variables: { code: 'GZK-2020-P01' },
  },
  { name: 'a project that does not exist', query: `{ project(code: "GZK-NONE") { code } }` },
  {
    name: 'aliases, fragments, edges and __typename',
    query: `query Aliased { __typename first: projects(first: 2) { __typename edges { __typename node { ...P } } pageInfo { __typename hasNextPage } }
      second: projects(first: 3, orderBy: { field: NAME_EN }) { nodes { ... on Project { label: nameEn code } } } }
      fragment P on Project { id code c: campaign { __typename code } }`,
  },
  { name: 'a campaign by code with its projects', query: `{ campaign(code: "GZK-2020-C1") { id code nameZh projects(first: 100) { nodes { code } } } }` },
  { name: 'totalCount alone', query: `{ projects { totalCount } campaigns { totalCount } }` },
  { name: 'an empty page', query: `{ projects(first: 0) { totalCount pageInfo { hasNextPage } nodes { code } } }` },
];

describe('compiled reads answer as the resolvers do', () => {
  let api: TestApi;
  let resolvers: App;
  let callers: Record<string, Headers>;

  beforeAll(async () => {
    api = await startTestApi();
    await loadDemoYear(api.db.prisma);
    // Records and figures some callers may not see, and a parent hidden behind a visible child.
    await api.db.prisma.project.updateMany({ where: { code: { in: ['GZK-2020-P01', 'GZK-2020-P03'] } }, data: { investmentVisibility: 'RESTRICTED' } });
    await api.db.prisma.project.updateMany({ where: { code: 'GZK-2020-P02' }, data: { investmentVisibility: 'PUBLIC' } });
    await api.db.prisma.project.updateMany({ where: { code: 'GZK-2020-P05' }, data: { visibility: 'INTERNAL' } });
    await api.db.prisma.campaign.updateMany({ where: { code: 'GZK-2020-C2' }, data: { visibility: 'RESTRICTED' } });
    await api.db.prisma.industryCluster.updateMany({ where: {}, data: { visibility: 'INTERNAL' } });
    resolvers = createApp({ db: api.db, logger: createLogger('silent'), settings: { RESPONSE_CACHE: false, COMPILED_READS: false } });
    callers = {
      anonymous: {},
      analyst: await headersFor(api, 'ANALYST'),
      admin: await headersFor(api, 'ADMIN'),
    };
  });
  afterAll(() => api.close());

  async function ask(app: App, headers: Headers, query: string, variables?: Record<string, unknown>) {
    const response = await app.fetch('http://zonegraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: unknown; extensions?: { cost?: unknown } } };
  }

  for (const { name, query, variables } of documents) {
    it(name, async () => {
      for (const [who, headers] of Object.entries(callers)) {
        api.statements.length = 0;
        const compiled = await ask(api.app, headers, query, variables);
        const compiledStatements = api.statements.filter((sql) => sql.includes('json_build_object'));
        const expected = await ask(resolvers, headers, query, variables);
        expect(expected.body.errors, `${who}: ${JSON.stringify(expected.body.errors)}`).toBeUndefined();
        // Same bytes: the same records, values written the same way, keys in the same order.
        expect(JSON.stringify(compiled.body.data), who).toBe(JSON.stringify(expected.body.data));
        expect(compiled.body.extensions?.cost, who).toEqual(expected.body.extensions?.cost);
        expect(compiled.status, who).toBe(expected.status);
        // And it was the compiled path that answered (unless nothing needed a statement).
        if (!/totalCount } campaigns|GZK-NONE|first: 0/.test(query)) expect(compiledStatements.length, who).toBeGreaterThan(0);
      }
    });
  }

  it('node(id:) of every kind of record the compiler reads, and of a hidden one', async () => {
    const project = await api.db.prisma.project.findUniqueOrThrow({ where: { code: 'GZK-2020-P05' }, select: { id: true } });
    const campaign = await api.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'GZK-2020-C2' }, select: { id: true } });
    const change = await api.db.prisma.projectStageChange.findFirstOrThrow({ select: { id: true } });
    const query = `query ($id: ID!) { node(id: $id) { __typename id ... on Project { code plannedInvestment cluster { code } }
      ... on Campaign { code projects(first: 2) { nodes { code } } } ... on ProjectStageChange { toStage occurredOn project { code } } } }`;
    for (const [type, id] of [['Project', project.id], ['Campaign', campaign.id], ['ProjectStageChange', change.id]] as const) {
      for (const [who, headers] of Object.entries(callers)) {
        const variables = { id: globalId(type, id) };
        const compiled = await ask(api.app, headers, query, variables);
        const expected = await ask(resolvers, headers, query, variables);
        expect(JSON.stringify(compiled.body.data), `${type} as ${who}`).toBe(JSON.stringify(expected.body.data));
      }
    }
  });

  it('answers a page root whose filter and order it can write — keys, count and records — in one statement', async () => {
    for (const query of [
      '{ projects(first: 5, filter: { stage: [SIGNED, UNDER_CONSTRUCTION], isKeyProject: true }, orderBy: { field: PLANNED_INVESTMENT, direction: DESC }) { totalCount pageInfo { hasNextPage } nodes { code } } }',
      '{ campaigns(first: 10) { totalCount nodes { code projects(first: 3) { nodes { code cluster { code } } } } } }',
      '{ projects(first: 5, filter: { search: "Park", stage: [SIGNED, OPERATING] }) { totalCount nodes { code nameEn } } }',
    ]) {
      api.statements.length = 0;
      const compiled = await ask(api.app, {}, query);
      expect(api.statements, query).toHaveLength(1);
      expect(JSON.stringify(compiled.body.data)).toBe(JSON.stringify((await ask(resolvers, {}, query)).body.data));
    }
  });

  it('what the compiler does not know still runs through the resolvers, unchanged', async () => {
    // A cursor, a directive, a field with its own resolver, a mutation-free role-scoped field.
    const first = await api.data<{ projects: { pageInfo: { endCursor: string } } }>('{ projects(first: 2) { pageInfo { endCursor } } }');
    for (const [query, variables] of [
      ['query ($after: String) { projects(first: 2, after: $after) { nodes { code } } }', { after: first.projects.pageInfo.endCursor }],
      ['query ($all: Boolean!) { projects(first: 2) { nodes { code plannedInvestment @include(if: $all) } } }', { all: false }],
      ['{ programme { code } projects(first: 1) { nodes { code } } }', undefined],
    ] as const) {
      const compiled = await ask(api.app, callers.admin!, query, variables);
      const expected = await ask(resolvers, callers.admin!, query, variables);
      expect(compiled.body.errors).toBeUndefined();
      expect(JSON.stringify(compiled.body.data)).toBe(JSON.stringify(expected.body.data));
    }
  });
});
