import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, send } from './edge-kit.ts';
import { onPostgres } from './mutation-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

// Six reports to a request (aliases are cheap to write), each scanning the engagement log.
const FLOOD = `{ ${Array.from({ length: 6 }, (_, i) => `r${i}: cadenceReport(from: "2020-01-0${i + 1}", to: "2025-12-31") { rules { periodsHeld } }`).join(' ')} }`;
const READ = '{ campaigns(first: 5) { nodes { code } } }';

const timed = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * PostgreSQL only: PGlite serves one statement at a time whatever the API
 * does, so there is no pool for one caller to hold there.
 */
describe.runIf(onPostgres)('one caller flooding reports cannot starve the others (PostgreSQL)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ app: { settings: { TRUST_PROXY: true, RATE_LIMITS: {} } } });
    // A log of a real zone's size, so that each report statement does real work.
    await api.db.prisma.$executeRawUnsafe(`
      INSERT INTO "Engagement" (id, "occurredOn", "subjectZh", "subjectEn", visibility, "updatedAt")
      SELECT gen_random_uuid(), date '2020-01-01' + (g % 2190), '洽谈', 'Talks', 'PUBLIC', now() FROM generate_series(1, 100000) g`);
    await api.db.prisma.$executeRawUnsafe('ANALYZE "Engagement"');
  }, 120_000);
  afterAll(() => api.close());

  const flooder = { 'x-forwarded-for': '203.0.113.7' };
  const other = { 'x-forwarded-for': '198.51.100.9' };
  const read = async () => {
    const response = await send(api, json({ query: READ }, other));
    expect(response.status, response.text).toBe(200);
  };

  it('25 concurrent aliased report requests from one anonymous caller leave another caller\'s read fast', async () => {
    // Warm both paths, then the read's unloaded time.
    await send(api, json({ query: FLOOD }, flooder));
    const unloaded: number[] = [];
    for (let i = 0; i < 7; i++) unloaded.push(await timed(read));

    const flood = Array.from({ length: 25 }, () => send(api, json({ query: FLOOD }, flooder)));
    // Let the flood take its slots and the pool before reading.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const loaded: number[] = [];
    for (let i = 0; i < 5; i++) loaded.push(await timed(read));
    const floodAnswers = await Promise.all(flood);

    // Every flooding request was answered (its reports waited their turn), none with a server fault:
    // on a slow machine the last may reach the execution timeout or wait past REPORT_WAIT_TIMEOUT_MS, a typed 503.
    for (const answer of floodAnswers) {
      expect(answer.text).not.toContain('INTERNAL_SERVER_ERROR');
      if (answer.status !== 200) expect(answer.body?.errors?.[0]?.extensions?.code, answer.text.slice(0, 300)).toMatch(/^(EXECUTION_TIMEOUT|REPORTS_BUSY)$/);
    }
    const ratio = median(loaded) / median(unloaded);
    console.log(`read unloaded ${median(unloaded).toFixed(1)} ms, under the flood ${median(loaded).toFixed(1)} ms (×${ratio.toFixed(1)})`);
    // Generous for a shared, noisy machine; without the analytics gate it is tens of times slower.
    expect(median(loaded)).toBeLessThan(Math.max(10 * median(unloaded), median(unloaded) + 150));
  });

  it('a report statement that runs past the statement timeout is stopped and answered REPORT_TIMEOUT (503)', async () => {
    const strict = await startTestApi({ app: { settings: { REPORT_STATEMENT_TIMEOUT_MS: 1, RATE_LIMITS: {} } } });
    try {
      const response = await send(strict, json({ query: '{ cadenceReport(from: "2016-01-01", to: "2025-12-31") { rules { periods { count } } } }' }));
      expect(response.status, response.text).toBe(503);
      expect(response.body.errors[0].extensions).toMatchObject({ code: 'REPORT_TIMEOUT', limit: 1 });
      expect(response.headers.get('retry-after')).toBe('5');
      // Plain reads are not bound by it.
      expect((await send(strict, json({ query: READ }))).status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});

describe('a report that cannot get a slot in time is refused, not left waiting', () => {
  it('waiting past REPORT_WAIT_TIMEOUT_MS answers 503 REPORTS_BUSY with Retry-After; the slots are free again afterwards', async () => {
    const busy = await startTestApi({
      app: { settings: { MAX_CONCURRENT_REPORTS_PER_KEY: 1, MAX_CONCURRENT_REPORTS: 1, REPORT_WAIT_TIMEOUT_MS: 1, RATE_LIMITS: {} } },
    });
    try {
      // Six reports of one request share the caller's one slot: the five behind the first wait longer than 1 ms.
      const response = await send(busy, json({ query: FLOOD }));
      expect(response.status, response.text.slice(0, 300)).toBe(503);
      const codes = new Set((response.body.errors as { extensions: { code: string } }[]).map((e) => e.extensions.code));
      expect([...codes]).toEqual(['REPORTS_BUSY']);
      expect(response.body.errors[0].message).toMatch(/waited 1 ms for a slot/);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(response.text).not.toContain('INTERNAL_SERVER_ERROR');
      // One report alone gets its slot, and plain reads never wait for one.
      const one = await send(busy, json({ query: '{ cadenceReport(from: "2020-01-01", to: "2020-03-31") { rules { periodsHeld } } }' }));
      expect(one.status, one.text.slice(0, 300)).toBe(200);
      expect((await send(busy, json({ query: READ }))).status).toBe(200);
    } finally {
      await busy.close();
    }
  });
});
