import { randomUUID } from 'node:crypto';
import { createApiKey } from '@zonegraph/db';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { createApp } from '../src/yoga.ts';
import { subscribe } from './sse.ts';
import { startTestApi, type TestApi } from './testkit.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

// Six campaigns are seeded, so a page of three is always full: actual cost = requested cost.
const THREE_CAMPAIGNS = '{ campaigns(first: 3) { nodes { code } } }';

describe('query cost in every response', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('reports the requested cost, with connections multiplying, and the actual cost of what came back', async () => {
    const result = await api.execute<{ campaigns: { nodes: { projects: { nodes: unknown[] } }[] } }>(
      '{ campaigns(first: 3) { nodes { code projects(first: 2) { nodes { code } } } } }',
    );
    expect(result.errors).toBeUndefined();
    // campaigns 1 + 3 campaigns + 3 project connections + 3 × 2 projects.
    const cost = result.extensions?.cost as { requested: number; actual: number; maximum: number };
    expect(cost.requested).toBe(1 + 3 + 3 + 6);
    const projects = result.data!.campaigns.nodes.reduce((n, c) => n + c.projects.nodes.length, 0);
    expect(cost.actual).toBe(1 + 3 + 3 + projects);
    expect(cost.maximum).toBe(25_000);
  });

  it('charges a mutation field for its write, nothing for scalars, and introspection for its objects', async () => {
    const scalars = await api.execute('{ __typename }');
    expect(scalars.extensions?.cost).toMatchObject({ requested: 0, actual: 0 });
    // Issue 11: introspection is not free because its fields start with `__` (the schema and its query type: 2 objects).
    const introspection = await api.execute('{ __typename __schema { queryType { name } } }');
    expect(introspection.extensions?.cost).toMatchObject({ requested: 2, actual: 2 });
    const mutation = await api.execute('mutation { archiveCampaign(input: { id: "bm9wZQ==", version: 1 }) { __typename } }');
    expect((mutation.extensions?.cost as { requested: number }).requested).toBe(10 + 1);
  });

  it('follows fragments and honours @skip / @include', async () => {
    const result = await api.execute(
      'query ($skip: Boolean!) { ...F campaigns(first: 2) @skip(if: $skip) { nodes { code } } } fragment F on Query { projects(first: 3) { nodes { ... on Project { code } } } }',
      { skip: true },
    );
    expect(result.errors).toBeUndefined();
    expect(result.extensions?.cost).toMatchObject({ requested: 1 + 3, actual: 1 + 3 });
  });

  it('counts a page by the size asked for, by literal, variable or default', async () => {
    const byVariable = await api.execute('query ($n: Int) { projects(first: $n) { nodes { code } } }', { n: 7 });
    expect((byVariable.extensions?.cost as { requested: number }).requested).toBe(1 + 7);
    const byDefault = await api.execute('{ projects { edges { node { code } } } }');
    expect((byDefault.extensions?.cost as { requested: number }).requested).toBe(1 + 20 + 20);
  });
});

describe('cost budgets per caller', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ app: { settings: { RATE_LIMITS: { anonymous: 10, analyst: 100 }, RATE_LIMIT_WINDOW_SECONDS: 60 } } });
  });
  afterAll(() => api.close());

  it('spends each request\'s cost, then answers 429 with Retry-After and the budget, without executing', async () => {
    const first = await api.execute(THREE_CAMPAIGNS);
    expect(first.extensions?.rateLimit).toMatchObject({ limit: 10, remaining: 6 });
    const second = await api.execute(THREE_CAMPAIGNS);
    expect(second.extensions?.rateLimit).toMatchObject({ limit: 10, remaining: 2 });

    api.statements.length = 0;
    const refused = await api.execute(THREE_CAMPAIGNS);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', rateLimit: { limit: 10, remaining: 0, requested: 4 } });
    expect(refused.data ?? null).toBeNull();
    expect(api.statements).toEqual([]);
  });

  it('keeps a budget per key, sized by role; roles without one are not limited', async () => {
    const { key: analyst } = await createApiKey(api.db.prisma, { holder: 'analysis desk', role: 'ANALYST' });
    const asAnalyst = await api.execute(THREE_CAMPAIGNS, undefined, { authorization: `Bearer ${analyst}` });
    expect(asAnalyst.status).toBe(200);
    expect(asAnalyst.extensions?.rateLimit).toMatchObject({ limit: 100, remaining: 96 });
    const { key: editor } = await createApiKey(api.db.prisma, { holder: 'editors', role: 'EDITOR' });
    const asEditor = await api.execute(THREE_CAMPAIGNS, undefined, { authorization: `Bearer ${editor}` });
    expect(asEditor.status).toBe(200);
    expect(asEditor.extensions?.rateLimit).toBeUndefined();
  });

  it('gives back what a request did not use', async () => {
    const { key } = await createApiKey(api.db.prisma, { holder: 'refund desk', role: 'ANALYST' });
    // Asks for 50 projects of a campaign that has fewer: the unused part is refunded.
    const result = await api.execute('{ campaign(code: "GZK-2020-C4") { projects(first: 50) { nodes { code } } } }', undefined, { authorization: `Bearer ${key}` });
    const cost = result.extensions?.cost as { requested: number; actual: number };
    expect(cost.requested).toBe(1 + 1 + 50);
    expect(cost.actual).toBeLessThan(cost.requested);
    expect(result.extensions?.rateLimit).toMatchObject({ remaining: 100 - cost.actual });
  });

  it('refuses to start a subscription once the budget is spent, and charges one that starts', async () => {
    const { key } = await createApiKey(api.db.prisma, { holder: 'streaming desk', role: 'ANALYST' });
    const headers = { authorization: `Bearer ${key}` };
    const opened = await subscribe(api.app, 'subscription { projectStageChanged { id } }', {}, headers);
    expect(opened.status).toBe(200);
    await opened.close();
    const after = await api.execute(THREE_CAMPAIGNS, undefined, headers);
    // Starting it cost one event's worth (one stage change) of the 100.
    expect(after.extensions?.rateLimit).toMatchObject({ limit: 100, remaining: 100 - 1 - 4 });
    // Spend the rest, one point at a time, until the budget refuses.
    const ONE_CAMPAIGN = '{ campaign(code: "GZK-2020-C4") { code } }';
    let status = 200;
    for (let left = 95; left >= 0 && status === 200; left -= 1) status = (await api.execute(ONE_CAMPAIGN, undefined, headers)).status;
    expect(status).toBe(429);

    const refused = await subscribe(api.app, 'subscription { projectStageChanged { id } }', {}, headers);
    const first = await refused.next();
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', rateLimit: { limit: 100 } });
    await refused.completed();
  });

  it('refuses outright a single operation costing more than the whole budget', async () => {
    const { key } = await createApiKey(api.db.prisma, { holder: 'greedy desk', role: 'ANALYST' });
    const result = await api.execute('{ projects(first: 100) { nodes { code } } }', undefined, { authorization: `Bearer ${key}` });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 100, found: 101 });
  });
});

describe('budgets shared through Redis', () => {
  const prefix = `zonegraph-test:${randomUUID()}:budget`;
  let api: TestApi;
  let redisA: Redis;
  let redisB: Redis;
  beforeAll(async () => {
    redisA = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    redisB = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    api = await startTestApi({ app: { redis: redisA, redisKeyPrefix: prefix, settings: { RATE_LIMITS: { anonymous: 10 } } } });
  });
  afterAll(async () => {
    const keys = await redisA.keys(`${prefix}*`);
    if (keys.length) await redisA.del(...keys);
    redisA.disconnect();
    redisB.disconnect();
    await api.close();
  });

  it('two instances draw on one budget in the real Redis', async () => {
    // A second instance of the API over the same database, with its own Redis connection.
    const other = createApp({ db: api.db, logger: createLogger('silent'), redis: redisB, redisKeyPrefix: prefix, settings: { RATE_LIMITS: { anonymous: 10 } } });
    const viaOther = async () => {
      const response = await other.fetch('http://zonegraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: THREE_CAMPAIGNS }),
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    expect((await api.execute(THREE_CAMPAIGNS)).extensions?.rateLimit).toMatchObject({ remaining: 6 });
    const second = await viaOther();
    expect(second.status).toBe(200);
    expect(second.body.extensions.rateLimit).toMatchObject({ remaining: 2 });
    const third = await api.execute(THREE_CAMPAIGNS);
    expect(third.status).toBe(429);
    expect(await redisA.keys(`${prefix}*`)).not.toEqual([]);
  });
});
