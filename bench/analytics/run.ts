// Runs every analytics query through the real API (yoga's fetch handler, with
// an editor's and a partner's API key) on the generated programme, N times
// each, and prints the median and 95th percentile latency of each.
//
//   pnpm bench:generate --scale 1      # once: builds zonegraph_bench
//   pnpm bench:analytics [--runs 20] [--only investment] [--url postgresql://…/zonegraph_bench]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createApp, createLogger } from '@zonegraph/api';
import { createApiKey, openDatabase, Role } from '@zonegraph/db';
import pg from 'pg';
import { benchUrl, rowCounts } from './database.ts';
import { BENCH_PROGRAMME } from './generate.ts';
import { AS_OF, benchmarkQueries } from './queries.ts';

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '20' },
      only: { type: 'string' },
      url: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: pnpm bench:analytics [--runs 20] [--only <part of a query name>] [--url postgresql://…/zonegraph_bench] [--json results.json]');
    return;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number of at least 1');
  const { url, name } = benchUrl(values.url);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts = await rowCounts(client);
  await client.end();
  if (!counts.Project) throw new Error(`${name} holds no projects: run pnpm bench:generate first`);

  const db = await openDatabase({ kind: 'postgres', url });
  const app = createApp({ db, logger: createLogger('silent'), graphiql: false });
  const callers = {
    editor: (await createApiKey(db.prisma, { holder: 'analytics benchmark', role: Role.EDITOR })).key,
    partner: (await createApiKey(db.prisma, { holder: 'analytics benchmark', role: Role.PARTNER })).key,
  };

  async function execute(query: string, key: string): Promise<number> {
    const started = performance.now();
    const response = await app.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables: { p: BENCH_PROGRAMME, asOf: AS_OF } }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    const elapsed = performance.now() - started;
    if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}\n${query}`);
    return elapsed;
  }

  console.log(`database ${name}: ${Object.entries(counts).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}`);
  console.log(`${runs} runs per query and role after 2 warm-up runs, through yoga's fetch handler (HTTP parsing, auth, GraphQL, SQL)\n`);
  const results: { query: string; role: string; medianMs: number; p95Ms: number; maxMs: number }[] = [];
  const selected = benchmarkQueries.filter((q) => !values.only || q.name.includes(values.only));
  console.log(`${'query'.padEnd(64)} ${'role'.padEnd(8)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)}`);
  for (const { name: queryName, query } of selected) {
    for (const [role, key] of Object.entries(callers)) {
      for (let i = 0; i < 2; i++) await execute(query, key);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push(await execute(query, key));
      times.sort((a, b) => a - b);
      const result = { query: queryName, role, medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95), maxMs: times.at(-1)! };
      results.push(result);
      console.log(
        `${queryName.padEnd(64)} ${role.padEnd(8)} ${`${result.medianMs.toFixed(1)} ms`.padStart(9)} ${`${result.p95Ms.toFixed(1)} ms`.padStart(9)} ${`${result.maxMs.toFixed(1)} ms`.padStart(9)}`,
      );
    }
  }
  await db.prisma.apiKey.deleteMany({ where: { holder: 'analytics benchmark' } });
  await db.close();
  if (values.json) writeFileSync(values.json, JSON.stringify({ database: name, counts, runs, results }, null, 2));
  console.log(`\nrerun: pnpm bench:analytics --runs ${runs}${values.only ? ` --only "${values.only}"` : ''}${values.url ? ` --url ${values.url}` : ''}`);
  console.log('(build the data first, once: pnpm bench:generate --scale 1)');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
