import { createApiKey } from '@zonegraph/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './testkit.ts';
import { expectRefused, expectStillServing, json, send } from './edge-kit.ts';

const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');

describe('hostile requests get a fast 4xx with a code, and the server keeps serving', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ app: { settings: { MAX_DEPTH: 15, MAX_ALIASES: 30, MAX_DIRECTIVES: 50, MAX_TOKENS: 5000, MAX_LIST_LENGTH: 100 } } });
  });
  afterAll(() => api.close());

  const post = (query: string, variables?: unknown, headers?: Record<string, string>) => () => send(api, json({ query, variables }, headers));

  it('alias overloading', async () => {
    const query = `{ ${repeat(31, (i) => `a${i}: campaigns(first: 1) { totalCount }`)} }`;
    const { body } = await expectRefused(api, post(query), 400, 'TOO_MANY_ALIASES');
    expect(body.errors[0].extensions).toMatchObject({ limit: 30, found: 31 });
    expect(body.errors[0].message).toContain('by 1');
  });

  it('deep nesting', async () => {
    let inner = 'code';
    for (let i = 0; i < 8; i++) inner = `campaign { projects(first: 1) { nodes { ${inner} } } }`;
    const { body } = await expectRefused(api, post(`{ projects(first: 1) { nodes { ${inner} } } }`), 400, 'QUERY_TOO_DEEP');
    expect(body.errors[0].extensions.limit).toBe(15);
    expect(body.errors[0].extensions.found).toBeGreaterThan(15);
  });

  it('circular fragments', async () => {
    const query = 'query { ...A } fragment A on Query { campaigns(first: 1) { totalCount } ...B } fragment B on Query { ...A }';
    await expectRefused(api, post(query), 400, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('field duplication', async () => {
    const query = `{ campaigns(first: 1) { ${repeat(6000, () => 'totalCount')} } }`;
    const { body } = await expectRefused(api, post(query), 400, 'TOO_MANY_TOKENS');
    expect(body.errors[0].extensions.limit).toBe(5000);
  });

  it('directive overloading', async () => {
    const query = `{ campaigns(first: 1) { totalCount ${repeat(51, () => '@include(if: true)')} } }`;
    const { body } = await expectRefused(api, post(query), 400, 'TOO_MANY_DIRECTIVES');
    expect(body.errors[0].extensions).toMatchObject({ limit: 50, found: 51 });
  });

  it('huge page sizes, at the root and nested, by literal and by variable', async () => {
    const root = await expectRefused(api, post('{ projects(first: 100000) { nodes { code } } }'), 400, 'PAGE_SIZE_TOO_LARGE');
    expect(root.body.errors[0].extensions).toMatchObject({ max: 100, requested: 100000 });
    const nested = await expectRefused(
      api,
      post('query ($n: Int) { campaigns(first: 1) { nodes { projects(last: $n) { nodes { code } } } } }', { n: 1000 }),
      400,
      'PAGE_SIZE_TOO_LARGE',
    );
    expect(nested.body.errors[0].message).toContain('900 too many');
  });

  it('many pages within the size limit that multiply past the cost limit', async () => {
    const query = '{ campaigns(first: 100) { nodes { projects(first: 100) { nodes { campaign { projects(first: 100) { nodes { code } } } } } } } }';
    const { body } = await expectRefused(api, post(query), 400, 'QUERY_TOO_COSTLY');
    expect(body.errors[0].extensions.limit).toBeGreaterThan(0);
    expect(body.errors[0].extensions.found).toBeGreaterThan(body.errors[0].extensions.limit);
    expect(body.extensions.cost).toMatchObject({ requested: body.errors[0].extensions.found, actual: 0 });
  });

  it('huge lists of ids, and long list filters', async () => {
    const ids = Array.from({ length: 5000 }, (_, i) => Buffer.from(`Project:00000000-0000-7000-8000-${String(i).padStart(12, '0')}`).toString('base64'));
    const { body } = await expectRefused(api, post('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }), 400, 'LIST_TOO_LONG');
    expect(body.errors[0].extensions).toMatchObject({ limit: 100, found: 5000, argument: 'nodes.ids' });
    const stages = Array.from({ length: 101 }, () => 'NEGOTIATING');
    const filter = await expectRefused(api, post('query ($s: [ProjectStage!]) { projects(first: 1, filter: { stage: $s }) { totalCount } }', { s: stages }), 400, 'LIST_TOO_LONG');
    expect(filter.body.errors[0].extensions).toMatchObject({ found: 101, argument: 'projects.filter.stage' });
  });

  it('subscriptions are held to the same limits when they start', async () => {
    const subscribe = (query: string, variables?: unknown) => () =>
      send(api, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ query, variables }) });
    const pages = await subscribe('subscription { projectStageChanged { project { campaign { projects(first: 5000) { totalCount } } } } }')();
    expect(pages.text).toContain('PAGE_SIZE_TOO_LARGE');
    expect(pages.status).toBe(400);
    const stages = Array.from({ length: 101 }, () => 'NEGOTIATING');
    const list = await subscribe('subscription ($s: [ProjectStage!]) { projectStageChanged(filter: { toStage: $s }) { id } }', { s: stages })();
    expect(list.text).toContain('LIST_TOO_LONG');
    expect(list.status).toBe(400);
    await expectStillServing(api);
  });

  it('batched arrays of operations', async () => {
    const batch = Array.from({ length: 50 }, () => ({ query: '{ campaigns(first: 1) { totalCount } }' }));
    const response = await send(api, json(batch));
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toMatch(/\w/);
    await expectRefused(api, () => send(api, json(batch)), 400, 'BAD_REQUEST');
  });

  it('very large documents and variables', async () => {
    const big = `{ campaigns(first: 1) { totalCount } } ${'#'.repeat(200_000)}`;
    const doc = await expectRefused(api, post(big), 400, 'DOCUMENT_TOO_LARGE');
    expect(doc.body.errors[0].extensions).toMatchObject({ limit: 100_000 });
    const hugeVariables = { search: 'x'.repeat(2_000_000) };
    const vars = await expectRefused(api, post('query ($search: String) { projects(filter: { search: $search }) { totalCount } }', hugeVariables), 413, 'REQUEST_TOO_LARGE');
    expect(vars.body.errors[0].extensions.limit).toBe(1_048_576);
    // A chunked body declares no length; it is cut off while being read.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(64 * 1024)));
        controller.close();
      },
    });
    await expectRefused(
      api,
      () => send(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit),
      413,
      'REQUEST_TOO_LARGE',
    );
  });

  it('deeply nested input objects', async () => {
    let nested: unknown = 'PUBLIC';
    for (let i = 0; i < 1000; i++) nested = { search: nested };
    await expectRefused(api, post('query ($f: ProjectFilter) { projects(first: 1, filter: $f) { totalCount } }', { f: nested }), 400, 'BAD_USER_INPUT');
    const deepJson = `{"query":"{ __typename }","variables":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const raw = await send(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deepJson });
    expect(raw.status).toBeGreaterThanOrEqual(400);
    expect(raw.status).toBeLessThan(500);
  });

  it('invalid JSON', async () => {
    await expectRefused(api, () => send(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ __typename }"' }), 400, 'BAD_REQUEST');
  });

  it('wrong content types', async () => {
    await expectRefused(api, () => send(api, { method: 'POST', headers: { 'content-type': 'application/xml', 'x-zonegraph-client': 'test' }, body: '<query/>' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('invalid UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('{"query":"{ projects(filter: { search: \\"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('\\" }) { totalCount } }"}')]);
    const response = await send(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bytes });
    expect(response.status).toBeLessThan(500);
    // Undecodable bytes become U+FFFD: the search is then simply for a name nobody has.
    if (response.status === 200) expect(response.body.data.projects.totalCount).toBe(0);
    else expect(response.body.errors[0].extensions.code).toBeTruthy();
  });

  it('mutations over GET', async () => {
    const query = encodeURIComponent('mutation { archiveCampaign(input: { id: "x", version: 1 }) { __typename } }');
    await expectRefused(api, () => send(api, { path: `/graphql?query=${query}`, headers: { accept: 'application/graphql-response+json', 'x-zonegraph-client': 't' } }), 405, 'BAD_REQUEST');
  });

  it('unknown persisted hashes, over POST and GET', async () => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } };
    await expectRefused(api, () => send(api, json({ extensions })), 400, 'PERSISTED_QUERY_NOT_FOUND');
    await expectRefused(
      api,
      () => send(api, { path: `/graphql?extensions=${encodeURIComponent(JSON.stringify(extensions))}`, headers: { 'x-zonegraph-client': 't' } }),
      400,
      'PERSISTED_QUERY_NOT_FOUND',
    );
  });

  it('expired and revoked keys', async () => {
    const { key: expired } = await createApiKey(api.db.prisma, { holder: 'old script', role: 'PARTNER', expiresAt: new Date(Date.now() - 1000) });
    const { key: revoked, record } = await createApiKey(api.db.prisma, { holder: 'former partner', role: 'PARTNER' });
    await api.db.prisma.apiKey.update({ where: { id: record.id }, data: { revokedAt: new Date() } });
    for (const key of [expired, revoked, 'zg_not_a_key_at_all']) {
      await expectRefused(api, post('{ campaigns(first: 1) { totalCount } }', undefined, { authorization: `Bearer ${key}` }), 401, 'UNAUTHENTICATED', { touchesDatabase: true });
    }
  });

  it('a partner asking for restricted fields', async () => {
    const { key } = await createApiKey(api.db.prisma, { holder: 'nosy partner', role: 'PARTNER' });
    const { body } = await expectRefused(
      api,
      post('{ campaigns(first: 1) { totalCount } apiKeys(first: 5) { nodes { holder } } auditEvents(first: 5) { nodes { action } } }', undefined, {
        authorization: `Bearer ${key}`,
      }),
      403,
      'FORBIDDEN',
      { touchesDatabase: true },
    );
    expect(body.errors[0].extensions.fields).toEqual(['Query.apiKeys', 'Query.auditEvents']);
    expect(body.data ?? null).toBeNull();
  });
});
