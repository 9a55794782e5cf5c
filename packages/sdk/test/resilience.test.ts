import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  CLIENT_HEADER,
  createClient,
  GraphQLResponseError,
  RateLimitedError,
  TimeoutError,
  TransportError,
  ZonegraphError,
} from '../src/index.ts';
import { backoffMs, delayBeforeRetry, retryPolicy } from '../src/retry.ts';
import { parseRetryAfter } from '../src/transport.ts';
import { createApiKey } from '@zonegraph/db';
import { faults, startFaultyProxy, startRestartableApi, type FaultyProxy, type RestartableApi } from './server.ts';

// Timeouts, retries and rate limits, against the real API behind a proxy
// that fails requests on demand, and against the API's own rate limiter.

let api: RestartableApi;
let proxy: FaultyProxy;
let editorKey: string;
let partnerKey: string;
// Fast backoff: the tests count attempts, they do not time waits.
const quick = { baseDelayMs: 5, maxDelayMs: 50 };

beforeAll(async () => {
  // Partners get a budget small enough to spend in a few requests.
  api = await startRestartableApi({ RATE_LIMITS: { partner: 100 } });
  proxy = await startFaultyProxy(api.url);
  editorKey = (await createApiKey(api.db.prisma, { holder: 'sdk resilience editor', role: 'EDITOR' })).key;
  partnerKey = (await createApiKey(api.db.prisma, { holder: 'sdk resilience partner', role: 'PARTNER' })).key;
});

afterEach(() => {
  proxy.faults.length = 0;
  proxy.requests.length = 0;
});

afterAll(async () => {
  await proxy?.close();
  await api?.close();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, and it resolved');
}

describe('the client header', () => {
  test('every request carries x-zonegraph-client, POST and GET alike (the API refuses a GET without it)', async () => {
    const client = createClient({ url: proxy.url, getForQueries: true });
    const { sectors } = await client.sectors();
    expect(sectors.nodes.length).toBeGreaterThan(0);
    await createClient({ url: proxy.url }).sectors();
    expect(proxy.requests.map((r) => [r.method, r.headers[CLIENT_HEADER]])).toEqual([
      ['GET', 'zonegraph-sdk'],
      ['POST', 'zonegraph-sdk'],
    ]);
  });
});

describe('retries', () => {
  test('a query is retried after 503s and a dropped connection, and then succeeds', async () => {
    proxy.faults.push(faults.unavailable(), faults.drop());
    const client = createClient({ url: proxy.url, retry: quick });
    const { campaigns } = await client.campaigns();
    expect(campaigns.totalCount).toBe(6);
    expect(proxy.requests).toHaveLength(3);
  });

  test('retries stop after `attempts`, with the last error', async () => {
    proxy.faults.push(faults.unavailable(), faults.unavailable(), faults.unavailable(), faults.unavailable());
    const error = await rejection(createClient({ url: proxy.url, retry: { ...quick, attempts: 2 } }).campaigns());
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).status).toBe(503);
    expect(proxy.requests).toHaveLength(3);
  });

  test('a mutation is never retried unless the caller opts in', async () => {
    const editor = createClient({ url: proxy.url, apiKey: editorKey, retry: quick });
    const input = { input: { holder: 'never created', role: 'PARTNER' as const } };

    proxy.faults.push(faults.unavailable());
    const error = await rejection(editor.createApiKey(input));
    expect(error).toBeInstanceOf(TransportError);
    expect(proxy.requests).toHaveLength(1);

    // Opted in for one call…
    proxy.faults.push(faults.unavailable());
    const { createProject } = await editor.createProject(
      { input: { campaign: 'GZK-2020-C1', code: 'SDK-RETRY-1', nameZh: '重试一', nameEn: 'Retry one' } },
      { retry: true },
    );
    expect(createProject.__typename).toBe('CreateProjectSuccess');
    expect(proxy.requests).toHaveLength(3);

    // …or for every mutation of a client.
    proxy.faults.push(faults.drop());
    const optedIn = createClient({ url: proxy.url, apiKey: editorKey, retry: { ...quick, mutations: true } });
    const { createProject: second } = await optedIn.createProject({ input: { campaign: 'GZK-2020-C1', code: 'SDK-RETRY-2', nameZh: '重试二', nameEn: 'Retry two' } });
    expect(second.__typename).toBe('CreateProjectSuccess');
    expect(proxy.requests).toHaveLength(5);
  });

  test('the caller’s mistakes are not retried', async () => {
    const error = await rejection(createClient({ url: proxy.url, retry: quick }).projects({ first: 500 }));
    expect(error).toBeInstanceOf(GraphQLResponseError);
    expect(proxy.requests).toHaveLength(1);
  });

  test('`retry: false` turns retrying off, for the client or the call', async () => {
    proxy.faults.push(faults.unavailable(), faults.unavailable());
    await rejection(createClient({ url: proxy.url, retry: false }).campaigns());
    await rejection(createClient({ url: proxy.url, retry: quick }).campaigns(undefined, { retry: false }));
    expect(proxy.requests).toHaveLength(2);
  });

  test('backoff grows exponentially, is capped, and is jittered', () => {
    const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });
    // The upper bounds: 100, 200, 400, 800, then the cap.
    expect([0, 1, 2, 3, 4, 5].map((retry) => backoffMs(retry, policy, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffMs(3, policy, () => 0.5)).toBe(400);
    expect(backoffMs(3, policy, () => 0)).toBe(0);
    const waits = new Set(Array.from({ length: 50 }, () => backoffMs(2, policy)));
    expect(waits.size).toBeGreaterThan(10);
    expect([...waits].every((ms) => ms >= 0 && ms <= 400)).toBe(true);
  });
});

describe('timeouts', () => {
  test('a stalled answer fails with TimeoutError after timeoutMs, each attempt', async () => {
    proxy.faults.push(faults.stall(5_000), faults.stall(5_000));
    const started = Date.now();
    const error = await rejection(createClient({ url: proxy.url, timeoutMs: 200, retry: { ...quick, attempts: 1 } }).campaigns());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TimeoutError).timeoutMs).toBe(200);
    expect((error as TimeoutError).message).toMatch(/did not answer within 200 ms/);
    expect(proxy.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  test('a call’s own timeout and signal', async () => {
    proxy.faults.push(faults.stall(5_000));
    const client = createClient({ url: proxy.url, retry: false });
    expect(await rejection(client.campaigns(undefined, { timeoutMs: 100 }))).toBeInstanceOf(TimeoutError);

    proxy.faults.push(faults.stall(5_000));
    const controller = new AbortController();
    const pending = rejection(client.campaigns(undefined, { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('the user went away')), 50);
    expect(((await pending) as Error).message).toBe('the user went away');
  });
});

describe('rate limiting', () => {
  test('the API’s 429 is a RateLimitedError with Retry-After in seconds and the budget', async () => {
    const partner = createClient({ url: api.url, apiKey: partnerKey, retry: quick });
    let error: unknown;
    for (let i = 0; i < 200 && !error; i++) error = await partner.viewer().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toBeInstanceOf(ZonegraphError);
    const limited = error as RateLimitedError;
    expect(limited.status).toBe(429);
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(limited.errors[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    expect(limited.rateLimit).toMatchObject({ limit: 100 });
    expect(limited.message).toContain(`retry after ${limited.retryAfterSeconds} s`);
  });

  test('a subscription refused with 429 (as an event stream, the way yoga answers refusals) is a RateLimitedError', async () => {
    proxy.faults.push((_request, response) => {
      const refusal = { errors: [{ message: 'budget spent', extensions: { code: 'RATE_LIMITED', rateLimit: { limit: 100, remaining: 0 } } }] };
      response.writeHead(429, { 'content-type': 'text/event-stream', 'retry-after': '42' }).end(`event: next\ndata: ${JSON.stringify(refusal)}\n\nevent: complete\ndata:\n\n`);
      return true;
    });
    const refused = await createClient({ url: proxy.url }).subscriptions.projectStageChanged(undefined, { reconnect: false }).next().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(42);
    expect((refused as RateLimitedError).rateLimit).toEqual({ limit: 100, remaining: 0 });
  });

  test('a 429 from a proxy in front of the API (not GraphQL) is a RateLimitedError too', async () => {
    proxy.faults.push((_request, response) => {
      response.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '30' }).end('Too Many Requests');
      return true;
    });
    const error = await rejection(createClient({ url: proxy.url, retry: false }).sectors());
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(30);
    expect((error as RateLimitedError).errors).toEqual([]);
  });

  test('a short Retry-After is waited out and the query retried; a long one is thrown at once', async () => {
    proxy.faults.push(faults.rateLimited('0'));
    const client = createClient({ url: proxy.url, retry: quick });
    expect((await client.sectors()).sectors.nodes.length).toBeGreaterThan(0);
    expect(proxy.requests).toHaveLength(2);

    proxy.faults.push(faults.rateLimited('120'));
    const started = Date.now();
    const error = await rejection(client.sectors());
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(120);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(proxy.requests).toHaveLength(3);
  });

  test('Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-28T10:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7);
    expect(parseRetryAfter('Sat, 28 Nov 2026 10:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    const policy = retryPolicy({ maxDelayMs: 5000 });
    const limited = (seconds: number) => new RateLimitedError({ url: 'x', retryAfterSeconds: seconds, errors: [] });
    expect(delayBeforeRetry(limited(3), 0, policy, () => 0)).toBe(3000);
    expect(delayBeforeRetry(limited(30), 0, policy, () => 0)).toBeUndefined();
  });
});
