// Load and faults, on loopback: a real API process over a database of its own
// on the local PostgreSQL takes a steady mixed read/write load for a bounded
// time; part-way through, the PostgreSQL server is stopped for a few seconds
// and started again. It reports throughput, p50/p99 latency and errors, checks
// that requests during the outage got a clear 503-class error, that the API
// recovered by itself, and that every write it acknowledged is in the audit
// trail.
//
//   pnpm bench:load [--seconds 40] [--workers 8] [--writes 0.2] [--outage-at 12] [--outage 5] [--no-outage]
//
// Stopping PostgreSQL stops it for everything on this machine: run it when no
// one else's tests use the server. It always starts PostgreSQL again.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApiKey, openDatabase } from '@zonegraph/db';
import pg from 'pg';

const ADMIN_URL = process.env.LOAD_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'zonegraph_load';
// The newest installed PostgreSQL's main cluster, as .ci/run picks it: a machine
// need not have version 15.
const CLUSTER = [
  readdirSync('/etc/postgresql').sort((a, b) => a.localeCompare(b, undefined, { numeric: true })).at(-1) ?? '15',
  'main',
];
const repo = join(import.meta.dirname, '..', '..');

const READS = [
  '{ projects(first: 20, orderBy: { field: CODE, direction: ASC }) { totalCount nodes { code nameEn stage campaign { code } } } }',
  '{ campaigns(first: 10) { nodes { code nameEn projects(first: 5) { totalCount nodes { code stage } } } } }',
  '{ engagements(first: 10) { totalCount nodes { subjectEn occurredOn } } }',
];
const WRITE = `mutation ($input: RecordEngagementInput!) {
  recordEngagement(input: $input) { __typename ... on RecordEngagementSuccess { engagement { id } } ... on Error { code message } }
}`;

interface Sample {
  at: number;
  ms: number;
  kind: 'read' | 'write';
  status: number;
  code: string | null;
  ok: boolean;
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : Number.NaN);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pgctl(action: 'start' | 'stop') {
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', ...CLUSTER, action], { stdio: 'inherit' });
}

async function pgReady(timeoutMs = 30_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const client = new pg.Client({ connectionString: ADMIN_URL });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error('PostgreSQL did not come back');
}

async function freshDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

async function startApi(databaseUrl: string): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const child = spawn(join(repo, 'apps/api/node_modules/.bin/tsx'), [join(repo, 'apps/api/src/server.ts')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, MIGRATE_ON_START: 'true', PORT: '0', HOST: '127.0.0.1', RATE_LIMITS: 'off', RESPONSE_CACHE: 'off', LOG_LEVEL: 'info', NODE_ENV: 'production', DB_POOL_SIZE: '10' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output = (output + c).slice(-200_000)));
  child.stderr!.on('data', (c) => (output = (output + c).slice(-200_000)));
  const started = Date.now();
  for (;;) {
    const ready = /ready at (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(output);
    if (ready) return { child, url: ready[1]!, log: () => output };
    if (child.exitCode !== null) throw new Error(`the API stopped at start:\n${output}`);
    if (Date.now() - started > 180_000) throw new Error(`the API did not start:\n${output}`);
    await sleep(100);
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '40' },
      workers: { type: 'string', default: '8' },
      writes: { type: 'string', default: '0.2' },
      'outage-at': { type: 'string', default: '12' },
      outage: { type: 'string', default: '5' },
      'no-outage': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'usage: pnpm bench:load [--seconds 40] [--workers 8] [--writes 0.2] [--outage-at 12] [--outage 5] [--no-outage]\n' +
        'Holds a mixed read/write load on a loopback API over the local PostgreSQL (database zonegraph_load),\n' +
        'stops the PostgreSQL server for --outage seconds at --outage-at, and reports throughput, latency,\n' +
        'errors and whether every acknowledged write is in the audit trail.',
    );
    return;
  }
  const seconds = Number(values.seconds);
  const workers = Number(values.workers);
  const writeShare = Number(values.writes);
  const outageAt = Number(values['outage-at']) * 1000;
  const outageMs = Number(values.outage) * 1000;
  if (!(seconds > 0 && seconds <= 600 && workers >= 1 && workers <= 64 && writeShare >= 0 && writeShare <= 1)) throw new Error('bad arguments');

  console.log(`preparing ${DATABASE} on the local PostgreSQL and starting the API…`);
  const databaseUrl = await freshDatabase();
  const api = await startApi(databaseUrl);
  const db = await openDatabase({ kind: 'postgres', url: databaseUrl } as Parameters<typeof openDatabase>[0]);
  const { key } = await createApiKey(db.prisma, { holder: 'load bench', role: 'EDITOR' });
  await db.close();

  const samples: Sample[] = [];
  const acknowledged = new Set<string>();
  const runId = randomUUID().slice(0, 8);
  let outage: { from: number; to: number } | null = null;
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;

  async function one(kind: 'read' | 'write', n: number) {
    const body =
      kind === 'read'
        ? { query: READS[n % READS.length] }
        : { query: WRITE, variables: { input: { subjectZh: `压测 ${runId}-${n}`, subjectEn: `load ${runId}-${n}`, occurredOn: '2026-11-27', project: 'GZK-2020-P07', visibility: 'PUBLIC' } } };
    const started = performance.now();
    let status = 0;
    let code: string | null = null;
    let ok = false;
    try {
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-zonegraph-client': 'load-bench' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      status = response.status;
      const result = (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
      code = result.errors?.[0]?.extensions?.code ?? null;
      if (kind === 'write') {
        const payload = result.data?.recordEngagement;
        ok = status === 200 && !result.errors && payload?.__typename === 'RecordEngagementSuccess';
        if (ok) acknowledged.add(Buffer.from(payload.engagement.id, 'base64').toString().split(':')[1]!);
        else if (!code && payload) code = payload.code ?? payload.__typename;
      } else ok = status === 200 && !result.errors;
    } catch (error) {
      code = `NETWORK:${(error as Error).name}`;
    }
    samples.push({ at: started - t0, ms: performance.now() - started, kind, status, code, ok });
  }

  let counter = 0;
  const loop = async () => {
    while (performance.now() < deadline) {
      const n = counter++;
      await one(Math.random() < writeShare ? 'write' : 'read', n);
    }
  };
  const faults = async () => {
    if (values['no-outage']) return;
    await sleep(outageAt);
    const from = performance.now() - t0;
    console.log(`t=${(from / 1000).toFixed(1)} s: stopping PostgreSQL for ${outageMs / 1000} s`);
    try {
      pgctl('stop');
      await sleep(outageMs);
    } finally {
      pgctl('start');
      await pgReady();
      outage = { from, to: performance.now() - t0 };
      console.log(`t=${(outage.to / 1000).toFixed(1)} s: PostgreSQL is back`);
    }
  };

  try {
    await Promise.all([...Array.from({ length: workers }, loop), faults()]);
  } finally {
    // Whatever happened, leave PostgreSQL running.
    try {
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', ...CLUSTER, 'start'], { stdio: 'ignore' });
    } catch {
      // already running
    }
  }
  const elapsed = (performance.now() - t0) / 1000;

  // Every acknowledged write must be in the table and in the audit trail.
  const check = new pg.Client({ connectionString: databaseUrl });
  await check.connect();
  const ids = [...acknowledged];
  const rows = await check.query<{ id: string }>('SELECT id::text FROM "Engagement" WHERE id = ANY($1::uuid[])', [ids]);
  const audited = await check.query<{ id: string }>('SELECT DISTINCT "recordId"::text AS id FROM "AuditEvent" WHERE "recordType" = $1 AND "recordId" = ANY($2::uuid[])', ['Engagement', ids]);
  const runRows = await check.query<{ n: string }>('SELECT count(*) AS n FROM "Engagement" WHERE "subjectEn" LIKE $1', [`load ${runId}-%`]);
  await check.end();

  api.child.kill('SIGTERM');
  await new Promise((resolve) => api.child.once('exit', resolve));

  // Report.
  const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
  const latency = (list: Sample[]) => {
    const sorted = list.map((s) => s.ms).sort((a, b) => a - b);
    return `p50 ${fmt(quantile(sorted, 0.5))} ms, p99 ${fmt(quantile(sorted, 0.99))} ms`;
  };
  const window = outage as { from: number; to: number } | null;
  const inOutage = (s: Sample) => window !== null && s.at + s.ms >= window.from && s.at <= window.to;
  const outside = samples.filter((s) => !inOutage(s));
  const during = samples.filter(inOutage);
  const failures = (list: Sample[]) => {
    const byKind = new Map<string, number>();
    for (const s of list.filter((x) => !x.ok)) byKind.set(`${s.status} ${s.code}`, (byKind.get(`${s.status} ${s.code}`) ?? 0) + 1);
    return [...byKind].map(([k, v]) => `${k} ×${v}`).join(', ') || 'none';
  };
  const firstOkAfter = window ? samples.filter((s) => s.ok && s.at >= window.to).sort((a, b) => a.at - b.at)[0] : undefined;
  const unclearDuring = during.filter((s) => !s.ok && !(s.status === 503 && s.code === 'SERVICE_UNAVAILABLE'));
  const lost = ids.filter((id) => !rows.rows.some((r) => r.id === id) || !audited.rows.some((r) => r.id === id));

  console.log('');
  console.log(`load: ${workers} workers, ${Math.round(writeShare * 100)}% writes, ${elapsed.toFixed(1)} s, ${samples.length} requests → ${fmt(samples.length / elapsed)} req/s`);
  console.log(`  all:          ${latency(samples)}; failed ${samples.filter((s) => !s.ok).length}`);
  console.log(`  reads:        ${samples.filter((s) => s.kind === 'read').length}, ${latency(samples.filter((s) => s.kind === 'read'))}`);
  console.log(`  writes:       ${samples.filter((s) => s.kind === 'write').length}, ${latency(samples.filter((s) => s.kind === 'write'))}; acknowledged ${ids.length}`);
  console.log(`  outside the outage: ${outside.length} requests, ${latency(outside)}; failures: ${failures(outside)}`);
  if (window) {
    console.log(`outage: PostgreSQL down from ${fmt(window.from / 1000)} s to ${fmt(window.to / 1000)} s`);
    console.log(`  requests overlapping it: ${during.length}; failures: ${failures(during)}`);
    console.log(`  failures that were not 503 SERVICE_UNAVAILABLE: ${unclearDuring.length}`);
    console.log(`  recovered by itself: ${firstOkAfter ? `first success ${fmt((firstOkAfter.at - window.to) / 1000)} s after PostgreSQL was back` : 'NO'}`);
  }
  console.log(`writes: ${ids.length} acknowledged, ${rows.rowCount} found, ${audited.rowCount} in the audit trail, ${runRows.rows[0]!.n} rows of this run in all; lost: ${lost.length}`);
  console.log(`rerun: pnpm bench:load --seconds ${seconds} --workers ${workers} --writes ${writeShare}${values['no-outage'] ? ' --no-outage' : ` --outage-at ${outageAt / 1000} --outage ${outageMs / 1000}`}`);

  const healthy = lost.length === 0 && (!window || (firstOkAfter !== undefined && unclearDuring.length === 0)) && outside.every((s) => s.ok);
  if (!healthy) {
    console.log('\nNOT HEALTHY. The API log\'s last lines:\n' + api.log().split('\n').slice(-15).join('\n'));
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  try {
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', ...CLUSTER, 'start'], { stdio: 'ignore' });
  } catch {
    // already running
  }
  process.exit(1);
});
