import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId, headersFor, mutate, type Headers } from './mutation-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

const AUDIT = /* GraphQL */ `
  query ($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id occurredAt holder role action recordType recordId recordCode before after requestId }
    }
  }`;

interface AuditNode {
  id: string;
  occurredAt: string;
  holder: string;
  role: string | null;
  action: string;
  recordType: string;
  recordId: string;
  recordCode: string | null;
  before: Record<string, any> | null;
  after: Record<string, any> | null;
  requestId: string | null;
}

describe('the audit trail', () => {
  let api: TestApi;
  let planning: Headers;
  let statistics: Headers;
  let admin: Headers;
  let others: [string, Headers][];
  let projects: { id: string; code: string }[];

  async function audit(filter: Record<string, unknown> | null, headers: Headers = planning, page: { first?: number; after?: string } = {}) {
    const result = await api.execute<{ auditEvents: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: AuditNode[] } }>(
      AUDIT,
      { filter, ...page },
      headers,
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.auditEvents;
  }

  /** Renames a project through the API, as `headers`' holder; returns the response's request id. */
  async function rename(project: { id: string }, nameEn: string, headers: Headers) {
    const { version } = await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } });
    const response = await api.execute(
      `mutation ($input: UpdateProjectInput!) { updateProject(input: $input) { __typename ... on UpdateProjectSuccess { project { id } } } }`,
      { input: { id: globalId('Project', project.id), version, nameEn } },
      headers,
    );
    expect(response.data?.updateProject, JSON.stringify(response)).toMatchObject({ __typename: 'UpdateProjectSuccess' });
    return response.headers.get('x-request-id');
  }

  beforeAll(async () => {
    api = await startTestApi();
    planning = await headersFor(api, 'EDITOR', 'planning office');
    statistics = await headersFor(api, 'EDITOR', 'statistics bureau');
    admin = await headersFor(api, 'ADMIN', 'key office');
    others = [
      ['analyst', await headersFor(api, 'ANALYST')],
      ['partner', await headersFor(api, 'PARTNER')],
      ['anonymous', {}],
    ];
    projects = await api.db.prisma.project.findMany({ orderBy: { code: 'asc' }, take: 3, select: { id: true, code: true } });
  });
  afterAll(() => api.close());

  it('records who changed which record, with the fields before and after, and the request', async () => {
    const project = projects[0]!;
    const before = await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } });
    const requestId = await rename(project, 'Renamed by planning', planning);

    const { nodes } = await audit({ record: globalId('Project', project.id) }, planning, { first: 1 });
    expect(nodes[0]).toMatchObject({
      holder: 'planning office',
      role: 'EDITOR',
      action: 'update',
      recordType: 'Project',
      recordId: globalId('Project', project.id),
      recordCode: project.code,
      requestId,
      before: { nameEn: before.nameEn, version: before.version },
      after: { nameEn: 'Renamed by planning', version: before.version + 1 },
    });
    expect(Date.now() - Date.parse(nodes[0]!.occurredAt)).toBeLessThan(60_000);

    // recordId leads back to the record.
    const node = await api.execute(`query ($id: ID!) { node(id: $id) { ... on Project { code } } }`, { id: nodes[0]!.recordId }, planning);
    expect(node.data).toEqual({ node: { code: project.code } });
  });

  it('filters by record and by holder, newest first', async () => {
    const [a, b] = [projects[1]!, projects[2]!];
    await rename(a, 'A one', planning);
    await rename(b, 'B one', statistics);
    await rename(a, 'A two', statistics);

    const ofA = await audit({ record: globalId('Project', a.id) });
    expect(ofA.totalCount).toBe(2);
    expect(ofA.nodes.map((e) => [e.holder, e.after?.nameEn])).toEqual([
      ['statistics bureau', 'A two'],
      ['planning office', 'A one'],
    ]);

    const byStatistics = await audit({ holder: 'statistics bureau' });
    expect(byStatistics.nodes.map((e) => e.after?.nameEn)).toEqual(['A two', 'B one']);
    const both = await audit({ holder: 'statistics bureau', record: globalId('Project', b.id) });
    expect(both.nodes.map((e) => e.after?.nameEn)).toEqual(['B one']);

    expect((await audit({ holder: 'nobody at all' })).totalCount).toBe(0);
    expect((await audit({ recordType: 'Project', action: 'update', holder: 'statistics bureau' })).totalCount).toBe(2);
    expect((await audit({ recordType: 'Campaign', holder: 'statistics bureau' })).totalCount).toBe(0);
  });

  it('filters by time range: from inclusive, to exclusive', async () => {
    const holder = `clock ${randomUUID()}`;
    const recordId = randomUUID();
    const at = (iso: string) => new Date(iso);
    for (const [occurredAt, action] of [
      ['2021-03-01T00:00:00Z', 'march'],
      ['2021-04-01T00:00:00Z', 'april'],
      ['2021-04-15T12:00:00Z', 'mid-april'],
      ['2021-05-01T00:00:00Z', 'may'],
    ] as const) {
      await api.db.prisma.auditEvent.create({
        data: { occurredAt: at(occurredAt), holder, role: 'EDITOR', action, recordType: 'Project', recordId, recordCode: 'GZK-TIME' },
      });
    }
    const actions = async (filter: Record<string, unknown>) => (await audit({ holder, ...filter })).nodes.map((e) => e.action);
    expect(await actions({})).toEqual(['may', 'mid-april', 'april', 'march']);
    expect(await actions({ from: '2021-04-01T00:00:00Z', to: '2021-05-01T00:00:00Z' })).toEqual(['mid-april', 'april']);
    expect(await actions({ from: '2021-04-01T00:00:01Z' })).toEqual(['may', 'mid-april']);
    expect(await actions({ to: '2021-04-01T00:00:00Z' })).toEqual(['march']);
    expect(await actions({ from: '2021-06-01T00:00:00Z' })).toEqual([]);
  });

  it('pages newest first without overlap', async () => {
    const all = await audit(null, planning, { first: 100 });
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await audit(null, planning, { first: 2, after });
      seen.push(...page.nodes.map((e) => e.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.nodes.map((e) => e.id));
    const times = all.nodes.map((e) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });

  it('records key administration without the key or its hash', async () => {
    const created = await mutate<{ key: string; apiKey: { id: string } }>(api, admin, 'createApiKey', 'CreateApiKeyInput', { holder: 'audited partner', role: 'PARTNER' }, '... on CreateApiKeySuccess { key apiKey { id } }');
    const key = created.key;
    const { nodes } = await audit({ record: created.apiKey.id }, admin);
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({ action: 'create', recordType: 'ApiKey', holder: 'key office', role: 'ADMIN', after: { holder: 'audited partner', role: 'PARTNER' } });
    const row = await api.db.prisma.apiKey.findFirstOrThrow({ where: { holder: 'audited partner' } });
    expect(JSON.stringify(nodes)).not.toContain(key);
    expect(JSON.stringify(nodes)).not.toContain(row.keyHash);
    expect(nodes[0]!.after).not.toHaveProperty('keyHash');
  });

  it('is for editors and administrators only: anyone else gets FORBIDDEN', async () => {
    expect((await audit(null, admin)).totalCount).toBeGreaterThan(0);
    const { nodes } = await audit(null, planning, { first: 1 });
    for (const [who, headers] of others) {
      const result = await api.execute(AUDIT, { filter: null }, headers);
      expect(result.data ?? null, who).toBeNull(); // refused before execution: no data at all
      expect(result.errors?.map((e) => e.extensions?.code), who).toEqual(['FORBIDDEN']);

      // Not by ID either.
      const node = await api.execute(`query ($id: ID!) { node(id: $id) { ... on AuditEvent { holder } } }`, { id: nodes[0]!.id }, headers);
      expect(node.data?.node ?? null, who).toBeNull();
    }
    const asEditor = await api.execute(`query ($id: ID!) { node(id: $id) { ... on AuditEvent { holder } } }`, { id: nodes[0]!.id }, planning);
    expect(asEditor.data).toEqual({ node: { holder: nodes[0]!.holder } });
  });

  it('a record filter with an ID this API did not issue is refused', async () => {
    const result = await api.execute(AUDIT, { filter: { record: 'not-an-id' } }, planning);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
