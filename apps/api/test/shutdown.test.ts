import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createTestDatabase } from '@zonegraph/db/testing';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { installShutdown } from '../src/shutdown.ts';

const serverEntry = join(import.meta.dirname, '..', 'src', 'server.ts');
const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
const SHUTDOWN_TIMEOUT_MS = 4_000;
// Starting node and loading a module graph is not part of the stop; reaping the child is.
const REAP_MARGIN_MS = 1_500;

interface Server {
  child: ChildProcess;
  origin: string;
  output: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

async function start(env: Record<string, string>): Promise<Server> {
  const { DATABASE_URL: _suite, REDIS_URL: _redis, ...inherited } = process.env;
  const child = spawn(tsx, [serverEntry], {
    env: { ...inherited, PGLITE_DIR: 'memory://', HOST: '127.0.0.1', PORT: '0', SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS), MAX_BODY_BYTES: '4096', ...env },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once('exit', (code) => resolve({ code, at: Date.now() })));
  const started = Date.now();
  for (;;) {
    const port = /ready at http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
    if (port) return { child, origin: `http://127.0.0.1:${port}`, output: () => output, exited };
    if (child.exitCode !== null || Date.now() - started > 180_000) throw new Error(`the server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const post = (origin: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(async (r) => ({ status: r.status, text: await r.text() }));

/** What a busy day looks like: ordinary reads and a set of hostile requests, some of which leave connections open. */
async function abuse(origin: string): Promise<() => void> {
  // As an orchestrator would: traffic once ready (the budgets' Redis connection comes up just after the start).
  await expect.poll(async () => (await fetch(`${origin}/health/ready`)).status, { timeout: 15_000 }).toBe(200);
  const normal = await Promise.all([
    post(origin, JSON.stringify({ query: '{ campaigns(first: 10) { totalCount nodes { code } } }' })),
    post(origin, JSON.stringify({ query: '{ projects(first: 50) { nodes { code stage } } }' })),
    fetch(`${origin}/health/ready`).then((r) => ({ status: r.status, text: '' })),
  ]);
  for (const r of normal) expect(r.status).toBe(200);
  const hostile = await Promise.all([
    post(origin, '{"query": "{ campaigns(first: 5000) { nodes { code } } }"}'),
    post(origin, JSON.stringify({ query: `{ ${'campaigns { nodes { projects { nodes { campaign { '.repeat(6)} code ${'} } } } }'.repeat(6)} }` })),
    post(origin, `{"query": "{ __typename }", "pad": "${'x'.repeat(10_000)}"}`),
    post(origin, '{"query": '),
    post(origin, JSON.stringify({ query: 'mutation { deleteEverything }' })),
  ]);
  // Refused, whether by status (413, 400) or, for legacy JSON callers, by errors in a 200.
  for (const r of hostile) expect(r.status >= 400 || r.text.includes('"errors"'), r.text).toBe(true);

  const { port, hostname } = new URL(origin);
  // A slow client: headers begun and never finished.
  const slow = connect(Number(port), hostname, () => slow.write('POST /graphql HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n'));
  slow.on('error', () => {});
  // A keep-alive connection left idle after its answer.
  const idle = connect(Number(port), hostname, () => idle.write(`GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n`));
  idle.on('error', () => {});
  // An open subscription, as a dashboard tab left open would hold.
  const controller = new AbortController();
  const stream = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: 'subscription { projectStageChanged { id } }' }),
    signal: controller.signal,
  });
  expect(stream.status).toBe(200);
  const reader = stream.body!.getReader();
  void reader.read().catch(() => {});
  return () => {
    slow.destroy();
    idle.destroy();
    controller.abort();
  };
}

/** A database of its own on the suite's PostgreSQL server (migrated; the server seeds it), or null on PGlite. */
async function postgresDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  if (!process.env.DATABASE_URL) return null;
  const db = await createTestDatabase({ seeded: false });
  if (db.target.kind !== 'postgres') throw new Error('expected a PostgreSQL test database');
  return { url: db.target.url, drop: () => db.close() };
}

// The suite's database decides which the server uses: PGlite, or PostgreSQL when DATABASE_URL is set.
const withRedis = [false, ...(process.env.REDIS_URL ? [true] : [])];

describe.each(withRedis)('a stop always ends the server process (Redis: %s)', (redis) => {
  it(`exits within SHUTDOWN_TIMEOUT_MS of SIGTERM after normal and hostile requests, with a subscription and slow clients open (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
    const database = await postgresDatabase();
    const env: Record<string, string> = {};
    if (database) env['DATABASE_URL'] = database.url;
    if (redis) Object.assign(env, { REDIS_URL: process.env.REDIS_URL!, REDIS_CHANNEL_PREFIX: `zonegraph-stop-${randomBytes(4).toString('hex')}:` });
    const server = await start(env);
    let release = () => {};
    try {
      release = await abuse(server.origin);
      const signalled = Date.now();
      server.child.kill('SIGTERM');
      const { code, at } = await server.exited;
      expect(code, server.output()).toBe(0);
      expect(at - signalled).toBeLessThan(SHUTDOWN_TIMEOUT_MS + REAP_MARGIN_MS);
      expect(server.output()).toContain('"msg":"stopped"');
    } finally {
      release();
      server.child.kill('SIGKILL');
      await database?.drop();
    }
  });
});

describe('the last resort', () => {
  it('exits with status 1 when something will not close, at the timeout, naming what was left', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const lines: string[] = [];
    const logger = createLogger('info');
    logger.error = ((obj: unknown, msg?: string) => lines.push(`${JSON.stringify(obj)} ${msg ?? ''}`)) as typeof logger.error;
    logger.info = (() => {}) as typeof logger.info;
    logger.warn = ((obj: unknown, msg?: string) => lines.push(`${JSON.stringify(obj)} ${msg ?? ''}`)) as typeof logger.warn;
    let exitedWith: number | null = null;
    const exited = new Promise<number>((resolve) => {
      const stop = installShutdown({
        server,
        logger,
        timeoutMs: 600,
        signals: [],
        // A pool waiting forever for a client that never comes back.
        resources: [{ name: 'stuck pool', close: () => new Promise(() => {}) }],
        exit: (code) => {
          exitedWith = code;
          resolve(code);
        },
      });
      stop('SIGTERM');
    });
    const started = Date.now();
    expect(await exited).toBe(1);
    expect(exitedWith).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(lines.join('\n')).toMatch(/could not close stuck pool cleanly|not stopped 600 ms after SIGTERM/);
  });
});
