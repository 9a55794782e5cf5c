import { randomUUID } from 'node:crypto';
import { createApiKey, type Visibility } from '@zonegraph/db';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createRedisEvents, type SharedEvents } from '../src/events.ts';
import { createLogger } from '../src/logger.ts';
import { createApp, type App, type AppOptions } from '../src/yoga.ts';
import { dayIn, globalId, headersFor, mutate, type Headers } from './mutation-kit.ts';
import { startTestApi, type GraphQLResponse, type TestApi } from './testkit.ts';

/** The test kit leaves the response cache off; here it is what is tested. */
const startCachedApi = (options: Parameters<typeof startTestApi>[0] = {}) => startTestApi({ responseCache: true, ...options });

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

type CacheMeta = { hit: boolean; didCache?: boolean; ttl?: number };
const cacheOf = (response: GraphQLResponse): CacheMeta | undefined => response.extensions?.['responseCache'] as CacheMeta | undefined;

const bearer = (key: string): Headers => ({ authorization: `Bearer ${key}` });

/** The same request, through another instance of the API (its own plugins, caches and connections). */
async function executeOn(app: App, query: string, variables: Record<string, unknown> = {}, headers: Headers = {}): Promise<GraphQLResponse> {
  const response = await app.fetch('http://zonegraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
}

async function makeProjects(api: TestApi, projects: { code: string; nameEn: string; visibility?: Visibility; stage?: 'NEGOTIATING' | 'SIGNED' }[]) {
  const programme = await api.db.prisma.programme.findFirstOrThrow({ orderBy: { periodStart: 'desc' } });
  const campaign = await api.db.prisma.campaign.findFirstOrThrow({ orderBy: { code: 'asc' } });
  const made = [];
  for (const p of projects) {
    const record = await api.db.prisma.project.create({
      data: { programmeId: programme.id, campaignId: campaign.id, code: p.code, nameZh: p.code, nameEn: p.nameEn, visibility: p.visibility ?? 'PUBLIC', stage: p.stage ?? 'NEGOTIATING' },
    });
    made.push({ ...record, gid: globalId('Project', record.id) });
  }
  return { made, timeZone: programme.timeZone, campaign: campaign.code };
}

const moveTo = (api: TestApi, editor: Headers, id: string, toStage: string, timeZone: string) =>
  mutate(api, editor, 'recordProjectStageChange', 'RecordProjectStageChangeInput', { id, toStage, occurredOn: dayIn(timeZone) }, '... on RecordProjectStageChangeSuccess { project { code stage } }');

describe('response cache', () => {
  let api: TestApi;
  let editor: Headers;
  let timeZone: string;
  let campaign: string;
  let projects: Awaited<ReturnType<typeof makeProjects>>['made'];

  beforeAll(async () => {
    api = await startCachedApi();
    editor = await headersFor(api, 'EDITOR', 'planning office');
    ({ made: projects, timeZone, campaign } = await makeProjects(api, [
      { code: 'CACHE-A', nameEn: 'Cachetest A' },
      { code: 'CACHE-B', nameEn: 'Cachetest B' },
      { code: 'CACHE-C', nameEn: 'Cachetest C', stage: 'SIGNED' },
    ]));
  });
  afterAll(() => api.close());

  it('answers a repeated read from the cache, without a statement, until a mutation changes what it shows', async () => {
    // A filtered list the moved project is not in yet: invalidating by the entities of the
    // cached answer alone would miss it. A report aggregates over every project.
    const SIGNED = /* GraphQL */ `{ projects(filter: { search: "Cachetest", stage: [SIGNED] }) { totalCount nodes { code stage } } }`;
    const PIPELINE = /* GraphQL */ `{ pipelineReport { groups(by: [STAGE]) { stage figures { projects } } } }`;
    const signedProjects = (r: GraphQLResponse) => (r.data!['pipelineReport'].groups as { stage: string; figures: { projects: number } }[]).find((g) => g.stage === 'SIGNED')!.figures.projects;

    const first = await api.execute(SIGNED);
    expect(cacheOf(first)).toMatchObject({ hit: false, didCache: true });
    expect(first.data!['projects']).toEqual({ totalCount: 1, nodes: [{ code: 'CACHE-C', stage: 'SIGNED' }] });
    const report = await api.execute(PIPELINE);
    expect(cacheOf(report)).toMatchObject({ hit: false, didCache: true });

    api.statements.length = 0;
    const again = await api.execute(SIGNED);
    const reportAgain = await api.execute(PIPELINE);
    expect(cacheOf(again)).toEqual({ hit: true });
    expect(cacheOf(reportAgain)).toEqual({ hit: true });
    expect(again.data).toEqual(first.data);
    expect(reportAgain.data).toEqual(report.data);
    expect(api.statements).toEqual([]);

    const moved = await moveTo(api, editor, projects[0]!.gid, 'SIGNED', timeZone);
    expect(moved.__typename).toBe('RecordProjectStageChangeSuccess');

    const after = await api.execute(SIGNED);
    expect(cacheOf(after)).toMatchObject({ hit: false });
    expect(after.data!['projects']).toEqual({ totalCount: 2, nodes: expect.arrayContaining([{ code: 'CACHE-A', stage: 'SIGNED' }, { code: 'CACHE-C', stage: 'SIGNED' }]) });
    const reportAfter = await api.execute(PIPELINE);
    expect(cacheOf(reportAfter)).toMatchObject({ hit: false });
    expect(signedProjects(reportAfter)).toBe(signedProjects(report) + 1);
    expect(cacheOf(await api.execute(SIGNED))).toEqual({ hit: true });
  });

  it('a created record appears in the next read of a cached list', async () => {
    const LIST = /* GraphQL */ `{ projects(filter: { search: "Cachetest" }) { totalCount nodes { code } } }`;
    const before = await api.execute(LIST, {}, editor);
    expect(cacheOf(await api.execute(LIST, {}, editor))).toEqual({ hit: true });
    const created = await mutate(api, editor, 'createProject', 'CreateProjectInput', { code: 'CACHE-NEW', nameZh: '缓存测试', nameEn: 'Cachetest new', campaign }, '... on CreateProjectSuccess { project { code } }');
    expect(created.__typename).toBe('CreateProjectSuccess');
    const after = await api.execute(LIST, {}, editor);
    expect(cacheOf(after)).toMatchObject({ hit: false });
    expect(after.data!['projects'].totalCount).toBe(before.data!['projects'].totalCount + 1);
    expect(after.data!['projects'].nodes).toContainEqual({ code: 'CACHE-NEW' });
  });

  it('a mutation that changes nothing (an error as its payload) keeps the cached answers', async () => {
    const LIST = /* GraphQL */ `{ projects(filter: { search: "Cachetest" }, first: 3) { nodes { code } } }`;
    await api.execute(LIST);
    const refused = await moveTo(api, editor, projects[1]!.gid, 'NEGOTIATING', timeZone);
    expect(refused.__typename).not.toBe('RecordProjectStageChangeSuccess');
    expect(cacheOf(await api.execute(LIST))).toEqual({ hit: true });
  });

  it('never answers a mutation from the cache', async () => {
    const input = { id: projects[1]!.gid, toStage: 'SIGNED', occurredOn: dayIn(timeZone) };
    const MOVE = /* GraphQL */ `mutation ($input: RecordProjectStageChangeInput!) { recordProjectStageChange(input: $input) { __typename } }`;
    const first = await api.execute(MOVE, { input }, editor);
    const second = await api.execute(MOVE, { input }, editor);
    expect(first.data!['recordProjectStageChange'].__typename).toBe('RecordProjectStageChangeSuccess');
    // The same move again is refused by the domain: it ran.
    expect(second.data!['recordProjectStageChange'].__typename).not.toBe('RecordProjectStageChangeSuccess');
    expect(cacheOf(second)?.hit).not.toBe(true);
  });

  it('never keeps an answer with errors', async () => {
    const BAD_CURSOR = /* GraphQL */ `{ projects(after: "not-a-cursor") { nodes { code } } }`;
    for (let i = 0; i < 2; i++) {
      const result = await api.execute(BAD_CURSOR);
      expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      // Refused at the edge or in execution: never served from, nor kept in, the cache.
      expect(cacheOf(result)?.hit ?? false).toBe(false);
      expect(cacheOf(result)?.didCache ?? false).toBe(false);
    }
  });

  it('a hit is admitted and charged like the answer it replays', async () => {
    const budgeted = await startCachedApi({ app: { settings: { RATE_LIMITS: { anonymous: 10_000, partner: 10 }, MAX_CONCURRENT_REQUESTS_PER_KEY: 2 } } });
    try {
      const QUERY = /* GraphQL */ `{ campaigns(first: 5) { nodes { code projects(first: 5) { nodes { code } } } } }`;
      const miss = await budgeted.execute(QUERY);
      const hit = await budgeted.execute(QUERY);
      expect(cacheOf(hit)).toEqual({ hit: true });
      const cost = miss.extensions!['cost'] as { requested: number; actual: number };
      expect(cost.actual).toBeGreaterThan(5);
      expect(hit.extensions!['cost']).toEqual(cost);
      const remaining = (r: GraphQLResponse) => (r.extensions!['rateLimit'] as { remaining: number }).remaining;
      expect(remaining(hit)).toBe(remaining(miss) - cost.actual);
      // Each hit takes one of the caller's two concurrency slots and gives it back.
      for (let i = 0; i < 4; i++) expect((await budgeted.execute(QUERY)).status).toBe(200);

      // A hit that does not fit what is left of the budget is refused like any request:
      // 6 requested of 10, 6 spent, then 6 requested of the 4 left.
      const partner = await headersFor(budgeted, 'PARTNER');
      const SMALL = /* GraphQL */ `{ campaigns(first: 5) { nodes { code } } }`;
      const first = await budgeted.execute(SMALL, {}, partner);
      expect(first.status).toBe(200);
      expect(first.extensions!['cost']).toMatchObject({ requested: 6, actual: 6 });
      const refused = await budgeted.execute(SMALL, {}, partner);
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    } finally {
      await budgeted.close();
    }
  });
});

describe('response cache and visibility', () => {
  let api: TestApi;
  const as: Record<string, Headers> = {};
  const LIST = /* GraphQL */ `{ projects(filter: { search: "Cachevis" }, orderBy: { field: CODE, direction: ASC }) { totalCount nodes { code } } }`;
  const NODE = /* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Project { code visibility } } }`;
  let restricted: string;

  beforeAll(async () => {
    api = await startCachedApi();
    for (const role of ['ADMIN', 'EDITOR', 'ANALYST', 'PARTNER'] as const) as[role.toLowerCase()] = await headersFor(api, role);
    as['partner2'] = await headersFor(api, 'PARTNER', 'another partner');
    as['anonymous'] = {};
    const { made } = await makeProjects(api, [
      { code: 'VIS-P', nameEn: 'Cachevis public', visibility: 'PUBLIC' },
      { code: 'VIS-I', nameEn: 'Cachevis internal', visibility: 'INTERNAL' },
      { code: 'VIS-R', nameEn: 'Cachevis restricted', visibility: 'RESTRICTED' },
    ]);
    restricted = made[2]!.gid;
  });
  afterAll(() => api.close());

  it('each visibility gets its own answer; callers who see the same records share one', async () => {
    const codes = (r: GraphQLResponse) => (r.data!['projects'].nodes as { code: string }[]).map((n) => n.code);
    const seen: Record<string, { hit: boolean; codes: string[] }> = {};
    // The widest view first, so that a leak would be served to everyone after it.
    for (const who of ['editor', 'analyst', 'partner', 'anonymous', 'partner2', 'admin']) {
      const result = await api.execute(LIST, {}, as[who]);
      expect(result.errors, who).toBeUndefined();
      seen[who] = { hit: cacheOf(result)!.hit, codes: codes(result) };
    }
    expect(seen).toEqual({
      editor: { hit: false, codes: ['VIS-I', 'VIS-P', 'VIS-R'] },
      analyst: { hit: false, codes: ['VIS-I', 'VIS-P'] },
      partner: { hit: false, codes: ['VIS-P'] },
      anonymous: { hit: true, codes: ['VIS-P'] },
      partner2: { hit: true, codes: ['VIS-P'] },
      admin: { hit: true, codes: ['VIS-I', 'VIS-P', 'VIS-R'] },
    });
  });

  it('a restricted record read by an editor is not served to an analyst or a partner', async () => {
    const editor = await api.execute(NODE, { id: restricted }, as['editor']);
    expect(editor.data!['node']).toEqual({ code: 'VIS-R', visibility: 'RESTRICTED' });
    expect(cacheOf(await api.execute(NODE, { id: restricted }, as['editor']))).toEqual({ hit: true });
    const hits: Record<string, boolean | undefined> = {};
    for (const who of ['analyst', 'partner', 'anonymous']) {
      const result = await api.execute(NODE, { id: restricted }, as[who]);
      expect(result.data!['node'], who).toBeNull();
      hits[who] = cacheOf(result)?.hit;
    }
    // The anonymous caller shares the partner's answer (null), never the editor's.
    expect(hits).toEqual({ analyst: false, partner: false, anonymous: true });
  });

  it('never keeps what depends on the caller itself: who it is, and API keys', async () => {
    const VIEWER = /* GraphQL */ `{ viewer { holder role } }`;
    const viewers = [];
    for (const who of ['editor', 'admin', 'partner', 'partner2']) {
      const result = await api.execute(VIEWER, {}, as[who]);
      expect(cacheOf(result), who).toEqual({ hit: false, didCache: false });
      viewers.push(result.data!['viewer'].holder);
    }
    expect(new Set(viewers).size).toBe(4);

    // Editors share the administrators' visibility, but API keys are for administrators only.
    const key = await api.db.prisma.apiKey.findFirstOrThrow({ where: { role: 'PARTNER' } });
    const KEY = /* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on ApiKey { holder } } }`;
    const admin = await api.execute(KEY, { id: globalId('ApiKey', key.id) }, as['admin']);
    expect(admin.data!['node']).toEqual({ holder: key.holder });
    expect(cacheOf(admin)).toEqual({ hit: false, didCache: false });
    const editor = await api.execute(KEY, { id: globalId('ApiKey', key.id) }, as['editor']);
    expect(editor.data?.['node'] ?? null).toBeNull();
    expect(editor.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

describe('response cache settings', () => {
  it('RESPONSE_CACHE=off serves every read fresh', async () => {
    const api = await startCachedApi({ seeded: false, app: { settings: { RESPONSE_CACHE: false } } });
    try {
      const QUERY = /* GraphQL */ `{ campaigns(first: 3) { totalCount } }`;
      await api.execute(QUERY);
      api.statements.length = 0;
      const second = await api.execute(QUERY);
      expect(second.extensions).not.toHaveProperty('responseCache');
      expect(api.statements.length).toBeGreaterThan(0);
    } finally {
      await api.close();
    }
  });

  it('reads its settings from the environment, refusing bad values', () => {
    expect(loadConfig({})).toMatchObject({ RESPONSE_CACHE: true, RESPONSE_CACHE_TTL_SECONDS: 60, RESPONSE_CACHE_MAX_ENTRIES: 1000, KEY_CACHE_TTL_SECONDS: 30 });
    expect(loadConfig({ RESPONSE_CACHE: 'off', RESPONSE_CACHE_TTL_SECONDS: '5', KEY_CACHE_TTL_SECONDS: '0' })).toMatchObject({
      RESPONSE_CACHE: false,
      RESPONSE_CACHE_TTL_SECONDS: 5,
      KEY_CACHE_TTL_SECONDS: 0,
    });
    expect(() => loadConfig({ RESPONSE_CACHE: 'sometimes' })).toThrow(/RESPONSE_CACHE: must be on or off/);
    expect(() => loadConfig({ RESPONSE_CACHE_TTL_SECONDS: '0' })).toThrow(/RESPONSE_CACHE_TTL_SECONDS: must be at least 1/);
    expect(() => loadConfig({ KEY_CACHE_TTL_SECONDS: '-1' })).toThrow(/KEY_CACHE_TTL_SECONDS/);
  });

  it('answers fresh when its Redis cannot be reached', async () => {
    // Port 1: nothing listens. Commands fail at once rather than queue.
    const unreachable = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    unreachable.on('error', () => {});
    const api = await startCachedApi({ seeded: false, app: { redis: unreachable, responseCachePrefix: `zonegraph-test-${randomUUID()}:cache` } });
    try {
      const QUERY = /* GraphQL */ `{ campaigns(first: 3) { totalCount } }`;
      for (let i = 0; i < 2; i++) {
        const result = await api.execute(QUERY);
        expect(result.status).toBe(200);
        expect(result.data).toEqual({ campaigns: { totalCount: 0 } });
        expect(cacheOf(result)?.hit).toBe(false);
      }
    } finally {
      unreachable.disconnect();
      await api.close();
    }
  });

  it('answers expire after their TTL', async () => {
    const api = await startCachedApi({ seeded: false, app: { settings: { RESPONSE_CACHE_TTL_SECONDS: 1 } } });
    try {
      const QUERY = /* GraphQL */ `{ campaigns(first: 3) { totalCount } }`;
      expect(cacheOf(await api.execute(QUERY))).toMatchObject({ hit: false, didCache: true, ttl: 1000 });
      expect(cacheOf(await api.execute(QUERY))).toEqual({ hit: true });
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(cacheOf(await api.execute(QUERY))).toMatchObject({ hit: false });
    } finally {
      await api.close();
    }
  });
});

/** Reads of API keys; not the write recording a key's last use, which may land during the next request. */
const keyStatements = (statements: string[]) => statements.filter((sql) => /^\s*SELECT\b/i.test(sql) && /"ApiKey"/.test(sql));
const VIEWER = /* GraphQL */ `{ viewer { holder } }`;
const REVOKE = /* GraphQL */ `mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { __typename } }`;

describe('key checks kept briefly', () => {
  let api: TestApi;
  let admin: Headers;
  beforeAll(async () => {
    api = await startCachedApi({ seeded: false });
    admin = await headersFor(api, 'ADMIN', 'key office');
  });
  afterAll(() => api.close());

  it('reads a key from the database once, then answers from memory', async () => {
    const { key } = await createApiKey(api.db.prisma, { holder: 'memory test', role: 'PARTNER' });
    api.statements.length = 0;
    expect((await api.execute(VIEWER, {}, bearer(key))).data).toEqual({ viewer: { holder: 'memory test' } });
    expect(keyStatements(api.statements).length).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) {
      api.statements.length = 0;
      expect((await api.execute(VIEWER, {}, bearer(key))).data).toEqual({ viewer: { holder: 'memory test' } });
      expect(keyStatements(api.statements)).toEqual([]);
    }
  });

  it('KEY_CACHE_TTL_SECONDS=0 reads the key on every request', async () => {
    const uncached = await startCachedApi({ seeded: false, app: { settings: { KEY_CACHE_TTL_SECONDS: 0 } } });
    try {
      const { key } = await createApiKey(uncached.db.prisma, { holder: 'no memory', role: 'PARTNER' });
      await uncached.execute(VIEWER, {}, bearer(key));
      uncached.statements.length = 0;
      await uncached.execute(VIEWER, {}, bearer(key));
      expect(keyStatements(uncached.statements)).toHaveLength(1);
    } finally {
      await uncached.close();
    }
  });

  it('refuses a revoked key on the very next request', async () => {
    const { key, record } = await createApiKey(api.db.prisma, { holder: 'to revoke', role: 'ANALYST' });
    expect((await api.execute(VIEWER, {}, bearer(key))).status).toBe(200);
    expect((await api.execute(VIEWER, {}, bearer(key))).status).toBe(200);
    const revoked = await api.execute(REVOKE, { input: { id: globalId('ApiKey', record.id) } }, admin);
    expect(revoked.data!['revokeApiKey'].__typename).toBe('RevokeApiKeySuccess');
    const refused = await api.execute(VIEWER, {}, bearer(key));
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.message).toMatch(/has been revoked/);
  });

  it('refuses an expired key from memory, at its expiry', async () => {
    const expiresAt = new Date(Date.now() + 1_500);
    const { key } = await createApiKey(api.db.prisma, { holder: 'short-lived', role: 'PARTNER', expiresAt });
    expect((await api.execute(VIEWER, {}, bearer(key))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() - Date.now() + 50));
    api.statements.length = 0;
    const refused = await api.execute(VIEWER, {}, bearer(key));
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.message).toMatch(/has expired/);
    // Known from the kept record: the database was not asked.
    expect(keyStatements(api.statements)).toEqual([]);
  });
});

describe('two instances on one Redis', () => {
  const run = randomUUID();
  const channelPrefix = `zonegraph-test-${run}:`;
  const cachePrefix = `zonegraph-test-${run}:cache`;
  let api: TestApi;
  let other: App;
  let events: [SharedEvents, SharedEvents];
  let redis: [Redis, Redis];
  let editor: Headers;
  let admin: Headers;

  beforeAll(async () => {
    const logger = createLogger('silent');
    events = [await createRedisEvents({ url: REDIS_URL, channelPrefix, logger }), await createRedisEvents({ url: REDIS_URL, channelPrefix, logger })];
    redis = [new Redis(REDIS_URL, { maxRetriesPerRequest: 1 }), new Redis(REDIS_URL, { maxRetriesPerRequest: 1 })];
    const shared = (i: 0 | 1): Partial<AppOptions> => ({ pubsub: events[i].pubsub, redis: redis[i], redisKeyPrefix: `${channelPrefix}budget`, responseCachePrefix: cachePrefix });
    api = await startCachedApi({ app: shared(0) });
    other = createApp({ db: api.db, logger, ...shared(1) });
    editor = await headersFor(api, 'EDITOR', 'planning office');
    admin = await headersFor(api, 'ADMIN', 'key office');
  });
  afterAll(async () => {
    const keys = await redis?.[0].keys(`zonegraph-test-${run}:*`);
    if (keys?.length) await redis[0].del(...keys);
    redis?.forEach((r) => r.disconnect());
    await Promise.all(events?.map((e) => e.close()) ?? []);
    await api?.close();
  });

  it('share cached answers, and a mutation on one ends them on the other', async () => {
    const { made, timeZone } = await makeProjects(api, [{ code: 'REDIS-CACHE-1', nameEn: 'Rediscache one' }]);
    const QUERY = /* GraphQL */ `{ projects(filter: { search: "Rediscache" }) { nodes { code stage } } }`;
    expect(cacheOf(await api.execute(QUERY))).toMatchObject({ hit: false, didCache: true });
    api.statements.length = 0;
    const fromOther = await executeOn(other, QUERY);
    expect(cacheOf(fromOther)).toEqual({ hit: true });
    expect(api.statements).toEqual([]);
    expect(await redis[0].keys(`${cachePrefix}:answer:*`)).not.toEqual([]);

    const moved = await moveTo(api, editor, made[0]!.gid, 'SIGNED', timeZone);
    expect(moved.__typename).toBe('RecordProjectStageChangeSuccess');
    const after = await executeOn(other, QUERY);
    expect(cacheOf(after)).toMatchObject({ hit: false });
    expect(after.data!['projects'].nodes).toEqual([{ code: 'REDIS-CACHE-1', stage: 'SIGNED' }]);
  });

  it('a key revoked on one instance is refused by the other as soon as the revocation arrives', async () => {
    const { key, record } = await createApiKey(api.db.prisma, { holder: 'revoked elsewhere', role: 'PARTNER' });
    expect((await executeOn(other, VIEWER, {}, bearer(key))).status).toBe(200);
    api.statements.length = 0;
    expect((await executeOn(other, VIEWER, {}, bearer(key))).status).toBe(200);
    // Kept in the other instance's memory: no statement read it.
    expect(keyStatements(api.statements)).toEqual([]);

    const revoked = await api.execute(REVOKE, { input: { id: globalId('ApiKey', record.id) } }, admin);
    expect(revoked.data!['revokeApiKey'].__typename).toBe('RevokeApiKeySuccess');
    // The announcement crosses Redis in about a millisecond; no request is served from
    // the stale memory after it lands, and it must land within a second.
    const deadline = Date.now() + 1_000;
    let status = 200;
    let served = 0;
    while (Date.now() < deadline) {
      status = (await executeOn(other, VIEWER, {}, bearer(key))).status;
      if (status !== 200) break;
      served += 1;
    }
    expect(status).toBe(401);
    console.info(`revocation reached the other instance after ${served} request(s) served from its memory`);
  });
});
