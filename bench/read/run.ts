// The read benchmark of issue 10: zonegraph (as admin and as anonymous),
// PostGraphile 5 and "the limit" (node:http + pg, one hand-written statement
// per question) over one PostgreSQL database on loopback, side by side in one
// run. For each question it checks that the three answer the same records,
// counts SQL statements (through a counting proxy) and rows read
// (pg_stat_user_tables) per request, then measures throughput and latency
// with autocannon at a fixed concurrency, alternating the servers, over
// several rounds, and prints medians with zonegraph ÷ PostGraphile and
// zonegraph ÷ limit.
//
//   pnpm bench:read [--quick] [--questions a,b,c,d,e,f,g] [--rounds 3] [--duration 10] [--connections 16]
//                   [--database scale|seed] [--url postgresql://…/zonegraph_bench]
//
// --database scale (default) reads the generator's database (pnpm bench:generate --scale 1);
// --database seed reads zonegraph_bench_seed, created, migrated and seeded on first use.
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { applyMigrations, createApiKey, openDatabase, prepareDatabase } from '@zonegraph/db';
import { benchUrl, ensureDatabase } from '../analytics/database.ts';
import { startCountingProxy } from './proxy.ts';
import { QUESTIONS, type Fixture, type Question, type QuestionKey, type ServerKind } from './questions.ts';
import { node22, startServer, type RunningServer } from './servers.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Anonymous callers may not write: the write question is asked of the others only. */
const askedOf = (q: Question, v: Variant) => !(q.write && v.name === 'zonegraph anonymous');

interface Variant {
  name: string;
  server: ServerKind;
  headers: Record<string, string>;
}

const USAGE = `usage: pnpm bench:read [options]
  --database scale|seed  scale: the generator's database (default; pnpm bench:generate --scale 1 makes it);
                         seed: zonegraph_bench_seed, created and seeded on first use
  --url URL              another database (its name must contain "bench")
  --questions a,b,c,d,e,f,g  which questions (default all; g writes to the database)
  --rounds N             rounds of alternated throughput runs (default 3)
  --duration S           seconds measured per run (default 10)
  --warmup S             seconds of warm-up before each run (default 3)
  --connections N        concurrent connections (default 16)
  --count N              sequential requests per question in the counting pass (default 20)
  --stats-wait S         seconds to wait for PostgreSQL to publish backend counters (default 11)
  --no-count             skip the counting pass (statements, rows read)
  --quick                1 round of 5 s with 2 s warm-up, 10 counted requests
  --zonegraph-node peers|current  run zonegraph's build on the peers' Node 22 (default: one runtime
                         for all three) or on the node running this script`;

async function fixtureOf(client: pg.Client): Promise<Fixture> {
  const { rows: projects } = await client.query<{ id: string; code: string }>('SELECT id, code FROM "Project" ORDER BY code');
  const { rows: [campaign] } = await client.query<{ id: string; code: string }>(
    `SELECT c.id, c.code FROM "Campaign" c JOIN "Project" p ON p."campaignId" = c.id
      WHERE c."archivedAt" IS NULL AND p."archivedAt" IS NULL GROUP BY c.id ORDER BY count(*) DESC, c.code LIMIT 1`,
  );
  const { rowCount: generated } = await client.query(`SELECT 1 FROM "Programme" WHERE code = 'BENCH-2020'`);
  // The generator names projects "Project <n>": "Project 12" matches about one in ninety. On other data,
  // the commonest word of the English names.
  const search = generated
    ? 'Project 12'
    : (
        await client.query<{ word: string }>(
          `SELECT w AS word FROM "Project", regexp_split_to_table(lower("nameEn"), '[^a-z]+') w
            WHERE length(w) >= 4 GROUP BY w ORDER BY count(*) DESC, w LIMIT 1`,
        )
      ).rows[0]?.word ?? 'a';
  if (!campaign || !projects.length) throw new Error('the database holds no projects: run pnpm bench:generate first');
  const { rows: investments } = await client.query<{ id: string; projectId: string; month: string }>(
    `SELECT id, "projectId", to_char(month, 'YYYY-MM-DD') AS month FROM "InvestmentRecord" ORDER BY id LIMIT 20000`,
  );
  return { projects, pageCampaign: campaign, search, stages: ['SIGNED', 'UNDER_CONSTRUCTION'], investments };
}

async function rowsRead(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>('SELECT coalesce(sum(seq_tup_read + coalesce(idx_tup_fetch, 0)), 0) AS n FROM pg_stat_user_tables');
  return Number(rows[0]!.n);
}

async function ask(origin: string, variant: Variant, question: Question, fixture: Fixture, pick: () => { id: string; code: string }) {
  const request = question.request(variant.server, fixture, pick);
  const response = await fetch(origin + request.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...variant.headers },
    body: request.body,
  });
  return response.json();
}

async function main() {
  const { values } = parseArgs({
    options: {
      database: { type: 'string', default: 'scale' },
      url: { type: 'string' },
      questions: { type: 'string', default: 'a,b,c,d,e,f,g' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string', default: '16' },
      count: { type: 'string' },
      'stats-wait': { type: 'string', default: '11' },
      'no-count': { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      pool: { type: 'string', default: '10' },
      'zonegraph-node': { type: 'string', default: 'peers' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const quick = values.quick!;
  const rounds = Number(values.rounds ?? (quick ? 1 : 3));
  const duration = Number(values.duration ?? (quick ? 5 : 10));
  const warmup = Number(values.warmup ?? (quick ? 2 : 3));
  const count = Number(values.count ?? (quick ? 10 : 20));
  const connections = Number(values.connections);
  const statsWait = Number(values['stats-wait']) * 1000;
  const poolSize = Number(values.pool);
  const keys = values.questions!.split(',').map((k) => k.trim()) as QuestionKey[];
  let questions = keys.map((k) => {
    const q = QUESTIONS.find((x) => x.key === k);
    if (!q) throw new Error(`no question "${k}"; there are ${QUESTIONS.map((x) => x.key).join(', ')}`);
    return q;
  });
  if (![rounds, duration, warmup, count, connections, statsWait, poolSize].every((n) => Number.isFinite(n) && n >= 0)) throw new Error(USAGE);
  const log = (line: string) => console.error(line);

  const seedDb = values.database === 'seed';
  if (!seedDb && values.database !== 'scale') throw new Error('--database is scale or seed');
  const { url, name } = benchUrl(values.url ?? (seedDb ? 'postgresql://postgres@127.0.0.1:5432/zonegraph_bench_seed' : undefined));
  if (seedDb) {
    if (await ensureDatabase(url, name)) log(`created database ${name}`);
    const db = await prepareDatabase({ kind: 'postgres', url }, { poolSize: 1, log });
    await db.close();
  }

  // The three servers must read one schema: bring the database to zonegraph's migrations before any starts.
  {
    const db = await openDatabase({ kind: 'postgres', url }, { poolSize: 1 });
    try {
      const applied = await applyMigrations(db);
      if (applied.length) log(`migrated ${name}: ${applied.join(', ')}`);
    } finally {
      await db.close();
    }
  }
  const stats = new pg.Client({ connectionString: url });
  await stats.connect();
  const fixture = await fixtureOf(stats);
  if (!fixture.investments.length && questions.some((q) => q.key === 'g')) {
    log('(g) left out: the database holds no investment records to record again');
    questions = questions.filter((q) => q.key !== 'g');
  }
  const pgVersion = (await stats.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  const db = await openDatabase({ kind: 'postgres', url }, { poolSize: 1 });
  const admin = await createApiKey(db.prisma, { holder: 'bench:read', role: 'ADMIN' });
  const variants: Variant[] = [
    { name: 'zonegraph admin', server: 'zonegraph', headers: { authorization: `Bearer ${admin.key}` } },
    { name: 'zonegraph anonymous', server: 'zonegraph', headers: {} },
    { name: 'PostGraphile 5', server: 'postgraphile', headers: {} },
    { name: 'limit (SQL)', server: 'limit', headers: {} },
  ];
  const node = node22(log);
  if (values['zonegraph-node'] !== 'peers' && values['zonegraph-node'] !== 'current') throw new Error('--zonegraph-node is peers or current');
  const zonegraphNode = values['zonegraph-node'] === 'peers' ? node : process.execPath;
  const running: RunningServer[] = [];
  const startAll = async (databaseUrl: string) => {
    const servers = new Map<ServerKind, RunningServer>();
    for (const kind of ['zonegraph', 'postgraphile', 'limit'] as const) {
      log(`starting ${kind}…`);
      const s = await startServer(kind, databaseUrl, { poolSize, node22: node, zonegraphNode });
      running.push(s);
      servers.set(kind, s);
    }
    return servers;
  };
  const stopAll = async () => {
    while (running.length) await running.pop()!.stop();
  };
  process.on('SIGINT', () => void stopAll().finally(() => process.exit(130)));

  const counted = new Map<string, { statements: number; rows: number }>();
  const rss = new Map<ServerKind, number[]>();
  const results = new Map<string, { rps: number[]; p50: number[]; p99: number[]; errors: number; answered: number }>();
  const hows = new Map<ServerKind, string>();
  const checks: string[] = [];
  try {
    // 1. Counting pass: every server behind its own counting proxy, one at a time, requests one by one.
    if (!values['no-count']) {
      const target = new URL(url);
      for (const kind of ['zonegraph', 'postgraphile', 'limit'] as const) {
        const proxy = await startCountingProxy({ host: target.hostname, port: Number(target.port || 5432) });
        const proxied = new URL(url);
        proxied.port = String(proxy.port);
        log(`counting pass: ${kind}`);
        const server = await startServer(kind, proxied.toString(), { poolSize, node22: node, zonegraphNode });
        running.push(server);
        try {
          for (const variant of variants.filter((v) => v.server === kind)) {
            let i = 0;
            const pick = () => fixture.projects[(i++ * 7919) % fixture.projects.length]!;
            const asked = questions.filter((q) => askedOf(q, variant));
            for (const q of asked) for (let w = 0; w < 3; w++) await ask(server.origin, variant, q, fixture, pick);
            await sleep(statsWait);
            let before = await rowsRead(stats);
            for (const q of asked) {
              proxy.reset();
              for (let n = 0; n < count; n++) await ask(server.origin, variant, q, fixture, pick);
              const statements = proxy.statements() / count;
              await sleep(statsWait);
              const after = await rowsRead(stats);
              counted.set(`${q.key}|${variant.name}`, { statements, rows: (after - before) / count });
              log(`  ${variant.name} (${q.key}): ${statements.toFixed(1)} statements, ${((after - before) / count).toFixed(0)} rows read per request`);
              before = after;
            }
          }
        } finally {
          await server.stop();
          running.splice(running.indexOf(server), 1);
          await proxy.close();
        }
      }
    }

    // 2. Same answers, record by record (admin's view against the peers, which apply no visibility rules).
    const servers = await startAll(url);
    for (const [kind, s] of servers) hows.set(kind, s.how);
    const origin = (v: Variant) => servers.get(v.server)!.origin;
    for (const q of questions.filter((x) => !x.write)) {
      const samples = q.key === 'c' || q.key === 'd' ? 5 : 1;
      let same = true;
      for (let s = 0; s < samples; s++) {
        const project = fixture.projects[(s * 104729 + 17) % fixture.projects.length]!;
        const answers = new Map<string, string>();
        for (const v of variants) {
          try {
            answers.set(v.name, JSON.stringify(q.normalise(v.server, await ask(origin(v), v, q, fixture, () => project))));
          } catch (error) {
            answers.set(v.name, `ERROR ${(error as Error).message}`);
          }
        }
        const reference = answers.get('zonegraph admin')!;
        for (const v of variants.filter((x) => x.name !== 'zonegraph admin' && x.name !== 'zonegraph anonymous')) {
          if (answers.get(v.name) !== reference) {
            same = false;
            checks.push(`(${q.key}) ${v.name} differs from zonegraph admin for sample ${s} (${project.code}):\n    zonegraph: ${reference.slice(0, 300)}\n    ${v.name}: ${answers.get(v.name)!.slice(0, 300)}`);
          }
        }
        if (answers.get('zonegraph anonymous')!.startsWith('ERROR')) checks.push(`(${q.key}) zonegraph anonymous: ${answers.get('zonegraph anonymous')}`);
      }
      checks.push(`(${q.key}) ${same ? 'same answers' : 'ANSWERS DIFFER'} on ${samples} sample(s): zonegraph admin, PostGraphile, limit`);
    }
    for (const q of questions.filter((x) => x.write)) {
      // Writes answer differently by design; each must still succeed.
      for (const v of variants.filter((x) => askedOf(q, x))) {
        const answer = JSON.stringify(await ask(origin(v), v, q, fixture, () => fixture.projects[0]!));
        const failed = answer.includes('"errors"') || /"__typename":"\w*Error"/.test(answer);
        checks.push(`(${q.key}) ${v.name}: ${failed ? 'WRITE FAILED ' : 'written: '}${answer.slice(0, 200)}`);
      }
    }
    for (const line of checks) log(line);

    // 3. Throughput: alternate the variants within each question, rotating who goes first each round.
    const measure = async (v: Variant, q: Question, seconds: number) => {
      let graphqlErrors = 0;
      const pick = () => fixture.projects[Math.floor(Math.random() * fixture.projects.length)]!;
      const result = await autocannon({
        url: origin(v),
        connections,
        duration: seconds,
        // A slow server's answers count as slow, not as errors, up to half a minute.
        timeout: 30,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...v.headers },
        requests: [
          {
            setupRequest: (request) => {
              const r = q.request(v.server, fixture, pick);
              return { ...request, path: r.path, body: r.body };
            },
            // A 200 carrying GraphQL errors is not an answer.
            onResponse: (status, body) => {
              if (status === 200 && body.startsWith('{"errors"')) graphqlErrors += 1;
            },
          },
        ],
      });
      // Requests cut off at the end are still being worked on by the server: wait for it to drain (one
      // request queued behind them) so that the next variant does not share the CPU with its backlog.
      await ask(origin(v), v, q, fixture, pick).catch(() => {});
      return { result, graphqlErrors };
    };
    for (let round = 0; round < rounds; round++) {
      for (const q of questions) {
        const order = variants.map((_, i) => variants[(i + round + q.key.charCodeAt(0)) % variants.length]!).filter((v) => askedOf(q, v));
        for (const v of order) {
          if (warmup > 0) await measure(v, q, warmup);
          const { result, graphqlErrors } = await measure(v, q, duration);
          const key = `${q.key}|${v.name}`;
          const entry = results.get(key) ?? { rps: [], p50: [], p99: [], errors: 0, answered: 0 };
          entry.rps.push(result.requests.average);
          entry.p50.push(result.latency.p50);
          entry.p99.push(result.latency.p99);
          entry.errors += result.errors + result.non2xx + graphqlErrors;
          entry.answered += result.requests.total;
          results.set(key, entry);
          const server = servers.get(v.server)!;
          rss.set(v.server, [...(rss.get(v.server) ?? []), server.rssMb()]);
          log(`round ${round + 1}/${rounds} (${q.key}) ${v.name.padEnd(20)} ${result.requests.average.toFixed(1).padStart(8)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${result.errors + result.non2xx + graphqlErrors}  RSS ${server.rssMb()} MB`);
        }
      }
    }
  } finally {
    await stopAll();
    await db.prisma.apiKey.update({ where: { id: admin.record.id }, data: { revokedAt: new Date() } }).catch(() => {});
    await db.close();
    await stats.end();
  }

  // 4. The report.
  const command = `pnpm bench:read ${process.argv.slice(2).join(' ')}`.trim();
  const lines: string[] = [];
  const fmt = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));
  lines.push(`## pnpm bench:read — ${new Date().toISOString()}`);
  lines.push('');
  lines.push(`- database: ${name} (${fixture.projects.length.toLocaleString('en')} projects), PostgreSQL ${pgVersion}, loopback`);
  lines.push(`- machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load average at the end ${loadAverage()}`);
  for (const [kind, how] of hows) lines.push(`- ${kind}: ${how}`);
  lines.push(`- load: autocannon, ${connections} connections, ${rounds} round(s) × ${duration} s after ${warmup} s warm-up, variants alternated; medians over rounds; errors and answered requests summed over the measured runs`);
  lines.push(`- statements and rows read: ${values['no-count'] ? 'not counted (--no-count)' : `${count} sequential requests per question, statements counted by a proxy (Query + Execute messages), rows = Δ sum(seq_tup_read + idx_tup_fetch) in pg_stat_user_tables`}`);
  lines.push(`- pool: ${poolSize} connections per server; zonegraph with NODE_ENV=production, RATE_LIMITS=off, RESPONSE_CACHE=off, report slots 64, no Redis`);
  lines.push(`- command: \`${command}\``);
  lines.push('');
  lines.push('| question | server | req/s | p50 ms | p99 ms | errors | answered | statements/req | rows read/req | RSS MB (max) |');
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const q of questions) {
    for (const v of variants.filter((x) => askedOf(q, x))) {
      const r = results.get(`${q.key}|${v.name}`);
      const c = counted.get(`${q.key}|${v.name}`);
      const m = Math.max(...(rss.get(v.server) ?? [Number.NaN]));
      lines.push(`| (${q.key}) ${q.title} | ${v.name} | ${fmt(r && median(r.rps))} | ${fmt(r && median(r.p50), 0)} | ${fmt(r && median(r.p99), 0)} | ${r?.errors ?? '–'} | ${r?.answered ?? '–'} | ${fmt(c?.statements)} | ${fmt(c?.rows, 0)} | ${fmt(m, 0)} |`);
    }
  }
  lines.push('');
  lines.push('| question | zonegraph admin ÷ PostGraphile | zonegraph admin ÷ limit | zonegraph anonymous ÷ PostGraphile | zonegraph anonymous ÷ limit |');
  lines.push('| --- | ---: | ---: | ---: | ---: |');
  const rps = (q: Question, v: string) => {
    const r = results.get(`${q.key}|${v}`);
    return r ? median(r.rps) : Number.NaN;
  };
  for (const q of questions) {
    const ratio = (a: string, b: string) => fmt(rps(q, a) / rps(q, b), 3);
    lines.push(`| (${q.key}) | ${ratio('zonegraph admin', 'PostGraphile 5')}× | ${ratio('zonegraph admin', 'limit (SQL)')}× | ${ratio('zonegraph anonymous', 'PostGraphile 5')}× | ${ratio('zonegraph anonymous', 'limit (SQL)')}× |`);
  }
  lines.push('');
  lines.push('Answer check (record by record, normalised shapes):');
  for (const line of checks) lines.push(`- ${line}`);
  console.log(lines.join('\n'));
}

function loadAverage(): string {
  try {
    return execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
