// What the response cache and the key cache save, in process (app.fetch, no sockets), on
// the seed: requests per second and SQL statements per request for a list page read
// anonymously (cache on / off) and a small keyed read (key kept / read every time).
// On PGlite by default; on PostgreSQL with DATABASE_URL (a database of its own, dropped after).
//
//   cd bench && npx tsx cache/run.ts [--requests 2000] [--concurrency 8]
import { parseArgs } from 'node:util';
import { createApp, createLogger, type EdgeSettings } from '@zonegraph/api';
import { createApiKey } from '@zonegraph/db';
import { createTestDatabase } from '@zonegraph/db/testing';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '8' } } });
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);

const LIST = `{ projects(first: 50, orderBy: { field: CODE }) { totalCount nodes { code nameZh stage campaign { code } cluster { code sector { code } } organisations(first: 10) { nodes { code } } } } }`;
const VIEWER_AND_CAMPAIGN = `{ viewer { holder } campaign(code: "GZK-2020-C4") { code nameZh } }`;

let statements = 0;
const db = await createTestDatabase({ seeded: true, onStatement: () => (statements += 1) });
const { key } = await createApiKey(db.prisma, { holder: 'bench partner', role: 'PARTNER' });

async function measure(label: string, settings: Partial<EdgeSettings>, query: string, headers: Record<string, string> = {}) {
  const app = createApp({ db, logger: createLogger('silent'), settings: { RATE_LIMITS: {}, ...settings } });
  const once = async () => {
    const response = await app.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { errors?: unknown };
    if (response.status !== 200 || body.errors) throw new Error(`${label}: ${response.status} ${JSON.stringify(body.errors)}`);
  };
  for (let i = 0; i < 20; i++) await once(); // warm-up (and the cache's first answer)
  // Statements counted one request at a time (PGlite's statement hook undercounts concurrent ones).
  statements = 0;
  for (let i = 0; i < 50; i++) await once();
  const perRequest = statements / 50;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) await once();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(44)} ${String(Math.round(requests / seconds)).padStart(7)} req/s  ${perRequest.toFixed(2).padStart(6)} statements/request`);
}

console.log(`${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, seed, ${requests} requests, ${concurrency} at a time, after 20 warm-up requests; statements over 50 requests one at a time`);
await measure('list of 50 projects, anonymous, cache off', { RESPONSE_CACHE: false }, LIST);
await measure('list of 50 projects, anonymous, cache on', { RESPONSE_CACHE: true }, LIST);
const bearer = { authorization: `Bearer ${key}` };
await measure('small read with a key, key read every time', { RESPONSE_CACHE: false, KEY_CACHE_TTL_SECONDS: 0 }, VIEWER_AND_CAMPAIGN, bearer);
await measure('small read with a key, key kept 30 s', { RESPONSE_CACHE: false, KEY_CACHE_TTL_SECONDS: 30 }, VIEWER_AND_CAMPAIGN, bearer);
await db.close();
