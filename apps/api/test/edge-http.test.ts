import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { createApiKey } from '@zonegraph/db';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { loadConfig } from '../src/config.ts';
import { isDatabaseUnavailable, maskError } from '../src/plugins/error-masking.ts';
import { createApp } from '../src/yoga.ts';
import { loadTrustedDocuments } from '../src/plugins/trusted-documents.ts';
import { json, send } from './edge-kit.ts';
import { subscribe } from './sse.ts';
import { startTestApi, type TestApi } from './testkit.ts';

const CAMPAIGNS = 'query TwoCampaigns { campaigns(first: 2) { nodes { code } } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

describe('trusted documents', () => {
  let api: TestApi;
  let partner: string;
  const documents = new Map([[sha256(CAMPAIGNS), CAMPAIGNS]]);
  beforeAll(async () => {
    api = await startTestApi({ app: { trustedDocuments: documents, settings: { TRUSTED_DOCUMENTS_REQUIRED_FOR: ['partner'] } } });
    partner = (await createApiKey(api.db.prisma, { holder: 'partner system', role: 'PARTNER' })).key;
  });
  afterAll(() => api.close());

  it('runs a published document by its hash over POST and over GET', async () => {
    const headers = { authorization: `Bearer ${partner}` };
    const byPost = await send(api, json({ extensions: persisted(sha256(CAMPAIGNS)) }, headers));
    expect(byPost.status).toBe(200);
    expect(byPost.body.data.campaigns.nodes).toHaveLength(2);
    const query = new URLSearchParams({ extensions: JSON.stringify(persisted(sha256(CAMPAIGNS))) });
    const byGet = await send(api, { path: `/graphql?${query}`, headers: { ...headers, 'x-zonegraph-client': 'zonegraph-sdk' } });
    expect(byGet.status).toBe(200);
    expect(byGet.body.data).toEqual(byPost.body.data);
  });

  it('refuses other documents from the roles configured to need published ones, and only from them', async () => {
    api.statements.length = 0;
    const own = await send(api, json({ query: CAMPAIGNS }, { authorization: `Bearer ${partner}` }));
    expect(own.status).toBe(403);
    expect(own.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_REQUIRED');
    expect(api.statements.filter((sql) => !/ApiKey/.test(sql))).toEqual([]);
    const anonymous = await send(api, json({ query: CAMPAIGNS }));
    expect(anonymous.status).toBe(200);
  });

  it('says clearly when a hash is unknown', async () => {
    const unknown = await send(api, json({ extensions: persisted(sha256('{ nothing }')) }, { authorization: `Bearer ${partner}` }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    expect(unknown.body.errors[0].message).toMatch(/published/);
  });
});

describe('browsers: CSRF, CORS, GraphiQL and introspection', () => {
  let api: TestApi;
  let closed: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ seeded: false });
    closed = await startTestApi({ seeded: false, app: { graphiql: false, settings: { INTROSPECTION: false, CORS_ORIGINS: ['https://partner.example'] } } });
  });
  afterAll(async () => {
    await api.close();
    await closed.close();
  });

  it('refuses a GET or a simple POST without the CSRF header, which a foreign page cannot add', async () => {
    const get = await send(api, { path: '/graphql?query=%7B__typename%7D' });
    expect(get.status).toBe(403);
    expect(get.body.errors[0].extensions.code).toBe('CSRF_HEADER_REQUIRED');
    const form = await send(api, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' });
    expect(form.status).toBe(403);
    const withHeader = await send(api, { path: '/graphql?query=%7B__typename%7D', headers: { 'x-zonegraph-client': 'zonegraph-sdk' } });
    expect(withHeader.status).toBe(200);
  });

  it('allows no foreign origin by default, and exactly the configured ones otherwise', async () => {
    const preflight = (target: TestApi, origin: string) =>
      target.app.fetch('http://zonegraph.test/graphql', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
    expect((await preflight(api, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await preflight(closed, 'https://partner.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    expect(allowed.headers.get('access-control-allow-credentials')).not.toBe('true');
    const other = (await preflight(closed, 'https://evil.example')).headers.get('access-control-allow-origin');
    expect(other === null || other === 'null' || other === 'https://partner.example').toBe(true);
    expect(other).not.toBe('https://evil.example');
    expect(other).not.toBe('*');
  });

  it('closes introspection when configured, and stops suggesting field names with it', async () => {
    const open = await api.execute('{ campaignz(first: 1) { totalCount } }');
    expect(open.errors?.[0]?.message).toMatch(/Did you mean/);
    const introspection = await closed.execute('{ __schema { types { name } } }');
    expect(introspection.status).toBe(400);
    expect(introspection.data ?? null).toBeNull();
    const typo = await closed.execute('{ campaignz(first: 1) { totalCount } }');
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean|campaigns/);
    const page = await closed.app.fetch('http://zonegraph.test/graphql', { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('graphiql');
  });

  it('closes GraphiQL and introspection in production unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ GRAPHIQL: false, INTROSPECTION: false });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHIQL: 'true', INTROSPECTION: 'true' })).toMatchObject({ GRAPHIQL: true, INTROSPECTION: true });
    expect(loadConfig({})).toMatchObject({ GRAPHIQL: true, INTROSPECTION: true, CORS_ORIGINS: [], TRUSTED_DOCUMENTS_REQUIRED_FOR: [] });
    expect(loadConfig({ RATE_LIMITS: 'partner:500,anonymous:off' }).RATE_LIMITS).toEqual({ partner: 500 });
    expect(() => loadConfig({ RATE_LIMITS: 'partners:5' })).toThrow(/RATE_LIMITS/);
    expect(() => loadConfig({ CORS_ORIGINS: 'partner.example/path' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ TRUSTED_DOCUMENTS_REQUIRED_FOR: 'partner,guest' })).toThrow(/TRUSTED_DOCUMENTS_REQUIRED_FOR/);
  });
});

describe('unexpected errors', () => {
  it('reach the client as a generic message with the request id; the log holds the detail', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    const api = await startTestApi({ seeded: false, app: { logger } });
    try {
      // A fault no caller caused, whose message holds what must never leave the server.
      const fault = () => {
        throw new Error('relation failed: SELECT "keyHash" FROM "ApiKey" at /work/main/packages/db/src/client.ts:42');
      };
      // Every way a read reaches the database fails: model operations, raw statements, and the prepared statements of compiled reads.
      const broken = api.db.prisma.$extends({ query: { $allOperations: fault } }) as unknown as typeof api.db.prisma;
      const app = createApp({ db: { ...api.db, prisma: broken, preparedReads: api.db.preparedReads && { query: fault } }, logger });
      const response = await app.fetch('http://zonegraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'partner-req-0001' },
        body: JSON.stringify({ query: '{ campaigns(first: 1) { totalCount } }' }),
      });
      const sent = await response.text();
      const result = JSON.parse(sent);
      expect(result.data?.campaigns ?? null).toBeNull();
      expect(result.errors[0]).toMatchObject({ message: expect.stringMatching(/^Unexpected error/), extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'partner-req-0001' } });
      expect(sent).not.toMatch(/SELECT|keyHash|ApiKey|\/work\/|\.ts:\d|relation failed|stack/i);
      const logged = lines.join('');
      expect(logged).toContain('partner-req-0001');
      expect(logged).toContain('relation failed');
    } finally {
      await api.close();
    }
  });

  it('name the database being away as 503 SERVICE_UNAVAILABLE, with a time to retry', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const masked = maskError(new GraphQLError('wrapped', { originalError: refused }), 'Unexpected error.');
    expect(masked).toBeInstanceOf(GraphQLError);
    expect((masked as GraphQLError).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'retry-after': '5' } } });
    expect(masked.message).not.toContain('127.0.0.1');
    expect(isDatabaseUnavailable(new Error('terminating connection due to administrator command'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('duplicate key value violates unique constraint'))).toBe(false);
  });
});

describe('one caller cannot occupy the server', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ app: { settings: { MAX_CONCURRENT_REQUESTS_PER_KEY: 2, EXECUTION_TIMEOUT_MS: 400 } } });
  });
  afterAll(() => api.close());

  /** Holds a lock that every campaign read waits for, as a slow database would. */
  const holdCampaigns = (ms: number) =>
    api.db.prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe('LOCK TABLE "Campaign" IN ACCESS EXCLUSIVE MODE');
        await new Promise((resolve) => setTimeout(resolve, ms));
      },
      { timeout: ms + 5_000 },
    );

  it('limits the operations one caller has in flight, and times out a slow one', async () => {
    const lock = holdCampaigns(1_500);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const query = '{ campaigns(first: 1) { totalCount } }';
    const results = await Promise.all([api.execute(query), api.execute(query), api.execute(query)]);
    const statuses = results.map((r) => r.status).sort();
    const refused = results.find((r) => r.status === 429)!;
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_CONCURRENT_REQUESTS', limit: 2 });
    expect(refused.headers.get('retry-after')).toBe('1');
    // The two admitted ones waited on the lock past the deadline.
    const timedOut = results.filter((r) => r.status === 503);
    expect(statuses).toEqual([429, 503, 503]);
    for (const r of timedOut) expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'EXECUTION_TIMEOUT', limit: 400 });
    await lock;
    // Once the abandoned executions finish, their slots are free again.
    for (let i = 0; i < 50; i++) {
      const next = await api.execute(query);
      if (next.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the caller never got its slots back');
  });

  // On PostgreSQL: there the key is looked up on its own connection before the mutation waits on the
  // lock; PGlite's one connection would make the lookup itself wait, before any deadline runs.
  it.runIf(Boolean(process.env.DATABASE_URL))('lets a mutation answer what really happened, however long it waits, rather than a timeout while it may commit', async () => {
    const { key } = await createApiKey(api.db.prisma, { holder: 'slow desk', role: 'EDITOR' });
    const campaign = await api.db.prisma.campaign.findFirstOrThrow({ orderBy: { code: 'asc' } });
    const lock = holdCampaigns(1_200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const result = await api.execute(
      'mutation ($input: UpdateCampaignInput!) { updateCampaign(input: $input) { __typename ... on UpdateCampaignSuccess { campaign { nameEn version } } } }',
      { input: { id: Buffer.from(`Campaign:${campaign.id}`).toString('base64'), version: campaign.version, nameEn: 'Waited for the lock' } },
      { authorization: `Bearer ${key}` },
    );
    await lock;
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ updateCampaign: { __typename: 'UpdateCampaignSuccess', campaign: { nameEn: 'Waited for the lock', version: campaign.version + 1 } } });
  });
});

describe('one caller cannot hold open streams without end', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ app: { settings: { MAX_SUBSCRIPTIONS_PER_KEY: 2 } } });
  });
  afterAll(() => api.close());

  const STREAM = 'subscription { projectStageChanged { id } }';

  it('refuses a subscription beyond the limit with 429 TOO_MANY_SUBSCRIPTIONS, and admits one again once a stream closes', async () => {
    const { key } = await createApiKey(api.db.prisma, { holder: 'stream hoarder', role: 'PARTNER' });
    const headers = { authorization: `Bearer ${key}` };
    const first = await subscribe(api.app, STREAM, {}, headers);
    const second = await subscribe(api.app, STREAM, {}, headers);
    expect([first.status, second.status]).toEqual([200, 200]);

    const third = await subscribe(api.app, STREAM, {}, headers);
    const refused = await third.next();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_SUBSCRIPTIONS', limit: 2 });
    await third.completed();

    // Another caller has streams of its own.
    const other = await subscribe(api.app, STREAM, {});
    expect(other.status).toBe(200);
    await other.close();

    await first.close();
    for (let attempt = 0; ; attempt++) {
      const again = await subscribe(api.app, STREAM, {}, headers);
      // A refused stream ends at once; an admitted one stays open.
      const refusedAgain = await again.completed(500).then(
        () => true,
        () => false,
      );
      await again.close();
      if (!refusedAgain) break;
      if (attempt > 40) throw new Error('a closed stream never gave its place back');
    }
    await second.close();
  });
});

describe("the SDK's published documents", () => {
  const file = loadConfig({}).TRUSTED_DOCUMENTS_FILE;
  let api: TestApi;
  let admin: string;
  beforeAll(async () => {
    // Loaded from the SDK's generated manifest, as `pnpm start` does (turbo generates it before these tests).
    api = await startTestApi({ app: { settings: { TRUSTED_DOCUMENTS_REQUIRED_FOR: ['admin'] } } });
    admin = (await createApiKey(api.db.prisma, { holder: 'manifest check', role: 'ADMIN' })).key;
  });
  afterAll(() => api.close());

  it('all run by hash within every default limit', async () => {
    const manifest = loadTrustedDocuments(file);
    expect(manifest.size, `no documents in ${file}: run pnpm generate`).toBeGreaterThan(10);
    const refusedCodes = new Set(['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_REQUIRED', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);
    for (const [hash, document] of manifest) {
      if (/^\s*subscription\b/m.test(document)) continue;
      const response = await send(api, json({ extensions: persisted(hash) }, { authorization: `Bearer ${admin}` }));
      const codes: string[] = (response.body.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
      const limitCodes = codes.filter((c) => refusedCodes.has(c) || /^(QUERY_TOO|TOO_MANY|DOCUMENT_TOO|LIST_TOO|PAGE_SIZE)/.test(c));
      expect(limitCodes, `${document.slice(0, 120)}: ${JSON.stringify(response.body.errors)}`).toEqual([]);
      expect(response.status).toBeLessThan(500);
    }
  });
});
