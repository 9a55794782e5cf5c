// `pnpm start` as a user runs it: the real command, in a process group of its
// own (as a terminal runs it), stopped by signals as a terminal or a process
// manager stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

// The pnpm running this suite (pnpm test sets npm_execpath), else the one on
// PATH; not `npx pnpm`, whose own shell would stand between the test and pnpm.
function pnpmBinary(): string {
  const execPath = process.env.npm_execpath;
  if (execPath && basename(execPath).startsWith('pnpm')) return execPath;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'pnpm'))) return join(dir, 'pnpm');
  }
  throw new Error('no pnpm to run `pnpm start` with: run this suite through pnpm (pnpm test, or pnpm exec vitest run test/start.test.ts)');
}

function pnpmStart(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  // The embedded database in memory and no Redis, whatever the suite runs on; the start path's own mode.
  const { DATABASE_URL: _database, REDIS_URL: _redis, NODE_ENV: _mode, GRAPHIQL: _graphiql, INTROSPECTION: _introspection, ...inherited } = process.env;
  const pnpm = pnpmBinary();
  // pnpm's own entry is a native binary; a JavaScript one runs under node.
  const [file, args] = /\.[cm]?js$/.test(pnpm) ? [process.execPath, [pnpm, 'start']] : [pnpm, ['start']];
  const child = spawn(file, args, {
    cwd: root,
    detached: true,
    env: { ...inherited, PGLITE_DIR: 'memory://', HOST: '127.0.0.1', PORT: '0', ...env },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function waitFor(predicate: () => boolean, timeoutMs = 170_000) {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const readyUrl = (output: string) => /ready at (http:\/\/127\.0\.0\.1:\d+)\/graphql/.exec(output)?.[1];

/** The processes whose parent is `pid`, with their command lines and environments. */
function childrenOf(pid: number): { pid: number; argv: string[]; env: string[] }[] {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent pid is the fourth field, after the parenthesised name.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== pid) continue;
      const read = (file: string) => readFileSync(`/proc/${entry}/${file}`, 'utf8').split('\0').filter(Boolean);
      found.push({ pid: Number(entry), argv: read('cmdline'), env: read('environ') });
    } catch {
      // It exited while we looked.
    }
  }
  return found;
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function killGroup(child: ChildProcess) {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

describe('pnpm start', () => {
  // The first start may build the API and the dashboard: allow it the time a loaded machine takes.
  it('serves the build with plain node in production mode, GraphiQL on, and a Ctrl-C stops it with status 0', { timeout: 600_000 }, async () => {
    const { child, output } = pnpmStart({});
    try {
      await waitFor(() => readyUrl(output()) !== undefined || child.exitCode !== null, 590_000);
      const url = readyUrl(output());
      expect(url, output()).toBeDefined();

      // pnpm's child is the server itself: node on the build, no tsx, no shell between.
      const [server, ...others] = childrenOf(child.pid!);
      expect(others).toEqual([]);
      expect(server!.argv).toEqual([expect.stringMatching(/node$/), 'apps/api/dist/server.js']);
      expect(server!.env).toContain('NODE_ENV=production');

      const page = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('graphiql');
      const answer = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ campaigns(first: 10) { totalCount } }' }),
      });
      expect(await answer.json()).toMatchObject({ data: { campaigns: { totalCount: 6 } } });

      // Ctrl-C: the terminal signals the whole foreground group.
      process.kill(-child.pid!, 'SIGINT');
      // 'close': exited, and its output read to the end.
      const [code, signal] = await once(child, 'close');
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(output()).toContain('"msg":"stopped"');
      expect(output()).not.toMatch(/Command failed|ELIFECYCLE/);
    } finally {
      killGroup(child);
    }
  });

  it('exits with status 2 on a bad setting, as the server does', async () => {
    const { child, output } = pnpmStart({ PORT: 'eighty' });
    try {
      const [code] = await once(child, 'close');
      expect(code).toBe(2);
      expect(output()).toContain('Invalid configuration');
      expect(output()).toContain('PORT');
    } finally {
      killGroup(child);
    }
  });

  it('passes a SIGTERM sent to pnpm alone on to the server, and exits with its status 0', async () => {
    const { child, output } = pnpmStart({});
    try {
      await waitFor(() => readyUrl(output()) !== undefined || child.exitCode !== null);
      expect(readyUrl(output()), output()).toBeDefined();
      const [server] = childrenOf(child.pid!);

      // A process manager signals the process it started, not the group.
      process.kill(child.pid!, 'SIGTERM');
      const [code, signal] = await once(child, 'close');
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(isRunning(server!.pid)).toBe(false);
      expect(output()).toContain('SIGTERM: finishing in-flight requests');
      expect(output()).toContain('"msg":"stopped"');
    } finally {
      killGroup(child);
    }
  });
});
