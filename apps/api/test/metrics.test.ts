import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@zonegraph/db';
import { loadConfig } from '../src/config.ts';
import { subscribe } from './sse.ts';
import { startTestApi, type TestApi } from './testkit.ts';

/** The value of one sample in Prometheus' text format, or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

const CAMPAIGNS = 'query CampaignList { campaigns(first: 2) { nodes { code } } }';

describe('Prometheus metrics at /metrics', () => {
  let api: TestApi;
  const scrape = async () => {
    const response = await api.app.fetch('http://zonegraph.test/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  beforeAll(async () => {
    // Without the response cache: the refusal counts rely on identical reads overlapping, which cached answers do not.
    api = await startTestApi({ app: { metrics: { mode: 'open' }, settings: { RATE_LIMITS: { anonymous: 100 }, MAX_CONCURRENT_REQUESTS_PER_KEY: 1, MAX_BODY_BYTES: 2048, RESPONSE_CACHE: false } } });
  });
  afterAll(() => api.close());

  it('counts requests by operation name, kind and outcome, with their latency and cost', async () => {
    for (let i = 0; i < 3; i++) expect((await api.execute(CAMPAIGNS)).errors).toBeUndefined();
    const text = await scrape();
    const ok = { operation: 'CampaignList', kind: 'query', outcome: 'ok' };
    expect(sample(text, 'zonegraph_graphql_requests_total', ok)).toBe(3);
    expect(sample(text, 'zonegraph_graphql_request_duration_seconds_count', ok)).toBe(3);
    expect(sample(text, 'zonegraph_graphql_request_duration_seconds_sum', ok)).toBeGreaterThan(0);
    // Per request, 1 for the connection and 2 for the page of two: asked and returned alike.
    expect(sample(text, 'zonegraph_graphql_cost_requested_sum', { operation: 'CampaignList', kind: 'query' })).toBe(9);
    expect(sample(text, 'zonegraph_graphql_cost_actual_sum', { operation: 'CampaignList', kind: 'query' })).toBe(9);
    expect(sample(text, 'zonegraph_graphql_cost_actual_count', { operation: 'CampaignList', kind: 'query' })).toBe(3);
  });

  it('gives each refusal its own outcome and error count, those made before parsing included', async () => {
    const tooLarge = await api.execute('query BigPage { campaigns(first: 500) { nodes { code } } }');
    expect(tooLarge.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_TOO_LARGE');
    const tooBig = await api.app.fetch('http://zonegraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(4000)}` }),
    });
    expect(tooBig.status).toBe(413);
    const code413 = ((await tooBig.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code;
    const text = await scrape();
    expect(sample(text, 'zonegraph_graphql_requests_total', { operation: 'BigPage', kind: 'query', outcome: 'PAGE_SIZE_TOO_LARGE' })).toBe(1);
    expect(sample(text, 'zonegraph_graphql_errors_total', { code: 'PAGE_SIZE_TOO_LARGE' })).toBe(1);
    expect(sample(text, 'zonegraph_graphql_requests_total', { outcome: code413 })).toBe(1);
  });

  it('shows open subscriptions, the database pool and the process', async () => {
    const stream = await subscribe(api.app, 'subscription StageWatch { projectStageChanged { id } }');
    expect(stream.status).toBe(200);
    try {
      await expect.poll(async () => sample(await scrape(), 'zonegraph_subscriptions_open', { operation: 'StageWatch' }), { timeout: 10_000 }).toBe(1);
    } finally {
      await stream.close();
    }
    await expect.poll(async () => sample(await scrape(), 'zonegraph_subscriptions_open', { operation: 'StageWatch' }), { timeout: 10_000 }).toBe(0);

    const text = await scrape();
    const inUse = sample(text, 'zonegraph_db_pool_connections', { state: 'in_use' });
    const idle = sample(text, 'zonegraph_db_pool_connections', { state: 'idle' });
    expect(sample(text, 'zonegraph_db_pool_connections', { state: 'waiting' })).toBe(0);
    if (api.db.target.kind === 'pglite') {
      expect([inUse, idle]).toEqual([1, 0]);
    } else {
      // The pool opened connections for the reads above and keeps them idle between requests.
      expect(inUse! + idle!).toBeGreaterThanOrEqual(1);
      expect(inUse! + idle!).toBeLessThanOrEqual(10);
    }
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    // Scrapes themselves are not GraphQL requests.
    expect(text).not.toMatch(/operation="",kind="unknown",outcome="ok"/);
  });

  it("has every metric the Grafana dashboard in deploy/ charts", async () => {
    const dashboard = readFileSync(join(import.meta.dirname, '..', '..', '..', 'deploy', 'grafana-dashboard.json'), 'utf8');
    const charted = new Set([...dashboard.matchAll(/\b((?:zonegraph|process|nodejs)_[a-z0-9_]+)/g)].map((m) => m[1]!));
    expect(charted.size).toBeGreaterThan(8);
    const families = new Set([...(await scrape()).matchAll(/^# TYPE (\S+)/gm)].map((m) => m[1]!));
    const missing = [...charted].filter((name) => !families.has(name) && !families.has(name.replace(/_(bucket|sum|count)$/, '')));
    expect(missing).toEqual([]);
  });

  // Last: it spends the anonymous budget.
  it('counts rate-limit and concurrency refusals', async () => {
    const results = await Promise.all([api.execute(CAMPAIGNS), api.execute(CAMPAIGNS), api.execute(CAMPAIGNS)]);
    const concurrency = results.filter((r) => r.errors?.[0]?.extensions?.code === 'TOO_MANY_CONCURRENT_REQUESTS').length;
    expect(concurrency).toBeGreaterThan(0);
    // The budget of 100 points runs out after at most 34 reads of cost 3.
    let limited = 0;
    for (let i = 0; i < 40 && limited === 0; i++) if ((await api.execute(CAMPAIGNS)).errors?.[0]?.extensions?.code === 'RATE_LIMITED') limited++;
    expect(limited).toBe(1);
    const text = await scrape();
    expect(sample(text, 'zonegraph_graphql_errors_total', { code: 'TOO_MANY_CONCURRENT_REQUESTS' })).toBe(concurrency);
    expect(sample(text, 'zonegraph_graphql_errors_total', { code: 'RATE_LIMITED' })).toBe(1);
    expect(sample(text, 'zonegraph_graphql_requests_total', { operation: 'CampaignList', outcome: 'RATE_LIMITED' })).toBe(1);
  });
});

describe('cache metrics', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ seeded: false, responseCache: true, app: { metrics: { mode: 'open' }, settings: { KEY_CACHE_TTL_SECONDS: 30 } } });
  });
  afterAll(() => api.close());
  const scrape = async () => (await api.app.fetch('http://zonegraph.test/metrics')).text();

  it('counts response cache hits and misses, and API keys known from memory', async () => {
    const { key } = await createApiKey(api.db.prisma, { holder: 'metrics test', role: 'PARTNER' });
    const keyed = { authorization: `Bearer ${key}` };
    for (let i = 0; i < 3; i++) expect((await api.execute(CAMPAIGNS, {}, keyed)).errors).toBeUndefined();
    const text = await scrape();
    // The first read is computed, the next two replayed; the key is read once, then known.
    expect(sample(text, 'zonegraph_response_cache_lookups_total', { result: 'miss' })).toBe(1);
    expect(sample(text, 'zonegraph_response_cache_lookups_total', { result: 'hit' })).toBe(2);
    expect(sample(text, 'zonegraph_key_checks_total', { result: 'miss' })).toBe(1);
    expect(sample(text, 'zonegraph_key_checks_total', { result: 'hit' })).toBe(2);
  });
});

describe('who may read /metrics', () => {
  const token = 'scrape-me-please-0123456789';
  let off: TestApi;
  let guarded: TestApi;
  beforeAll(async () => {
    off = await startTestApi({ seeded: false });
    guarded = await startTestApi({ seeded: false, app: { metrics: { mode: 'token', token } } });
  });
  afterAll(async () => {
    await off.close();
    await guarded.close();
  });

  it('serves nothing when off, the default', async () => {
    expect((await off.app.fetch('http://zonegraph.test/metrics')).status).toBe(404);
  });

  it('asks for the bearer token when protected, and refuses a wrong one', async () => {
    const none = await guarded.app.fetch('http://zonegraph.test/metrics');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const wrong = await guarded.app.fetch('http://zonegraph.test/metrics', { headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.status).toBe(401);
    const right = await guarded.app.fetch('http://zonegraph.test/metrics', { headers: { authorization: `Bearer ${token}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('zonegraph_db_pool_connections');
  });

  it('is configured by METRICS and METRICS_TOKEN, which a token mode requires', () => {
    expect(loadConfig({}).METRICS).toBe('off');
    expect(() => loadConfig({ METRICS: 'token' })).toThrow(/METRICS_TOKEN: must be set/);
    expect(() => loadConfig({ METRICS: 'token', METRICS_TOKEN: 'short' })).toThrow(/at least 16/);
    expect(() => loadConfig({ METRICS: 'token', METRICS_TOKEN: 'short' })).not.toThrow(/short/);
    expect(() => loadConfig({ METRICS: 'public' })).toThrow(/METRICS: must be off, open or token/);
  });
});
