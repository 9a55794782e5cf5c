import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient, ProjectsDocument, type ZonegraphClient } from '../src/index.ts';
import { startApi, type RunningApi } from '@zonegraph/api/testing';
import { createApiKey } from '@zonegraph/db';

let api: RunningApi;
let client: ZonegraphClient;

beforeAll(async () => {
  api = await startApi();
  client = createClient({ url: api.url });
});

afterAll(async () => {
  await api?.close();
});

describe('typed data from the real API', () => {
  test('the programme at a glance has its six campaigns, in order, with their counts', async () => {
    const { programme } = await client.programme();
    expect(programme?.code).toBe('GZK-2020');
    expect(programme?.zone?.nameZh).toMatch(/古镇口/);
    expect(programme?.campaigns.totalCount).toBe(6);
    const campaigns = programme?.campaigns.nodes ?? [];
    expect(campaigns.map((c) => c.position)).toEqual([1, 2, 3, 4, 5, 6]);
    // The counts are real: together the campaigns hold every project.
    const inCampaigns = campaigns.reduce((sum, c) => sum + c.projects.totalCount, 0);
    const { projects } = await client.projects({ first: 1 });
    expect(inCampaigns).toBe(projects.totalCount);
    expect(programme?.cadenceRules.nodes.map((r) => r.period).sort()).toEqual(['DAY', 'MONTH', 'QUARTER', 'WEEK']);
    expect(programme?.indicators.totalCount).toBeGreaterThan(0);
    // Decimals arrive as exact strings, never as floating-point numbers.
    expect(programme?.indicators.nodes[0]?.target).toMatch(/^-?\d+(\.\d+)?$/);
  });

  test('the campaign list matches the programme, and one campaign comes with its key tasks and projects', async () => {
    const { campaigns } = await client.campaigns();
    expect(campaigns.totalCount).toBe(6);
    expect(campaigns.nodes.map((c) => c.code)).toEqual([
      'GZK-2020-C1',
      'GZK-2020-C2',
      'GZK-2020-C3',
      'GZK-2020-C4',
      'GZK-2020-C5',
      'GZK-2020-C6',
    ]);

    const { campaign } = await client.campaign({ code: 'GZK-2020-C4' });
    expect(campaign?.nameZh).toBe('产业项目发展攻坚战');
    expect(campaign?.keyTasks.totalCount).toBeGreaterThan(0);
    expect(campaign?.keyTasks.nodes.map((t) => t.position)).toEqual(campaign?.keyTasks.nodes.map((_, i) => i + 1));
    const projects = campaign?.projects.nodes ?? [];
    expect(projects.length).toBeGreaterThan(0);
    expect(projects.length).toBe(campaign?.projects.totalCount);
    expect(projects.every((p) => p.campaign?.code === 'GZK-2020-C4')).toBe(true);
  });

  test('a project found by its code, with its Chinese name and the organisations behind it', async () => {
    const { project } = await client.project({ code: 'GZK-2020-P01' });
    expect(project?.code).toBe('GZK-2020-P01');
    expect(project?.nameZh).toBe('军地医院');
    expect(project?.nameEn).toBe('Military–Civilian Hospital');
    expect(project?.targetStage).toBe('OPERATING');
    expect(project?.campaign?.code).toBe('GZK-2020-C1');

    const { project: withPartners } = await client.project({ code: 'GZK-2020-P09' });
    const organisations = withPartners?.organisations.nodes ?? [];
    expect(organisations.length).toBeGreaterThan(0);
    expect(organisations.length).toBe(withPartners?.organisations.totalCount);
    expect(organisations.every((o) => o.code !== '' && o.nameZh !== '')).toBe(true);
  });

  test('an unknown code is null, not an error', async () => {
    const { project } = await client.project({ code: 'GZK-2020-P999' });
    expect(project).toBeNull();
  });

  test('a filter narrows the project list', async () => {
    const all = await client.projects({ first: 100 });
    expect(all.projects.totalCount).toBeGreaterThan(10);

    const operating = await client.projects({ filter: { targetStage: ['OPERATING'] }, first: 100 });
    expect(operating.projects.nodes.length).toBeGreaterThan(0);
    expect(operating.projects.totalCount).toBeLessThan(all.projects.totalCount);
    expect(operating.projects.nodes.every((p) => p.targetStage === 'OPERATING')).toBe(true);

    const found = await client.projects({ filter: { search: '军地医院' } });
    expect(found.projects.nodes.map((p) => p.code)).toEqual(['GZK-2020-P01']);
  });

  test('cursors page through the projects without overlap', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { projects } = await client.projects({ first: 7, after, orderBy: { field: 'CODE' } });
      seen.push(...projects.nodes.map((p) => p.code));
      if (!projects.pageInfo.hasNextPage) {
        expect(seen.length).toBe(projects.totalCount);
        break;
      }
      after = projects.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
  });

  test('the other shipped operations answer with seeded data', async () => {
    const [platforms, sectors, clusters, parks, organisations, obstacles, findings] = await Promise.all([
      client.platforms({ first: 100 }),
      client.sectors(),
      client.industryClusters(),
      client.parks(),
      client.organisations({ filter: { originGroup: ['CAS'] } }),
      client.obstacles(),
      client.inspectionFindings(),
    ]);
    expect(platforms.platforms.totalCount).toBeGreaterThan(0);
    expect(sectors.sectors.nodes.length).toBeGreaterThan(0);
    expect(clusters.industryClusters.nodes.length).toBeGreaterThan(0);
    expect(parks.parks.totalCount).toBe(parks.parks.nodes.length);
    expect(organisations.organisations.nodes.length).toBeGreaterThan(0);
    expect(organisations.organisations.nodes.every((o) => o.originGroup === 'CAS')).toBe(true);
    expect(obstacles.obstacles.totalCount).toBe(obstacles.obstacles.nodes.length);
    expect(findings.inspectionFindings.totalCount).toBe(findings.inspectionFindings.nodes.length);
  });

  test('request() runs any typed document', async () => {
    const data = await client.request(ProjectsDocument, { filter: { campaign: 'GZK-2020-C1' } });
    expect(data.projects.nodes.length).toBeGreaterThan(0);
    expect(data.projects.nodes.every((p) => p.campaign?.code === 'GZK-2020-C1')).toBe(true);
  });
});

describe('what goes over the wire', () => {
  test('the API key and the GraphQL media types are sent; the operation is named', async () => {
    const sent: { headers: Headers; body: unknown }[] = [];
    // A real key: the API refuses keys it did not issue.
    const { key } = await createApiKey(api.db.prisma, { holder: 'sdk test', role: 'ANALYST' });
    const recording = createClient({
      url: api.url,
      apiKey: key,
      headers: { 'x-request-id': 'sdk-test-request-0001' },
      // Records the request, then sends it to the real API unchanged.
      fetch: async (input, init) => {
        sent.push({ headers: new Headers(init?.headers), body: JSON.parse(String(init?.body)) });
        return fetch(input, init);
      },
    });
    const { campaigns } = await recording.campaigns({ first: 1 });
    expect(campaigns.totalCount).toBe(6);
    const [request] = sent;
    expect(request?.headers.get('authorization')).toBe(`Bearer ${key}`);
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(request?.headers.get('accept')).toBe('application/graphql-response+json, application/json');
    expect(request?.headers.get('x-request-id')).toBe('sdk-test-request-0001');
    expect(request?.body).toMatchObject({ operationName: 'Campaigns', variables: { first: 1 } });
  });

  test('without an API key no Authorization header is sent', async () => {
    let authorization: string | null = 'unset';
    const anonymous = createClient({
      url: api.url,
      fetch: async (input, init) => {
        authorization = new Headers(init?.headers).get('authorization');
        return fetch(input, init);
      },
    });
    await anonymous.sectors();
    expect(authorization).toBeNull();
  });
});
