// How long `pnpm start` takes to a healthy /health on the embedded database,
// as a newcomer meets it: a fresh clone of a commit, installed, then
//   cold — nothing built, no .data (git clean -fdx, node_modules kept): the
//          generate and build steps, a new PGlite folder, migrations, the seed;
//   warm — the same command again: builds cached, the database there.
// Each run is cold then warm; several runs give medians. Also the CPU time the
// whole process tree used until healthy (user + system, children included: on
// a shared machine the wall time mostly measures waiting for a core, this
// hardly does), the server's RSS once healthy, and the machine's load average.
//
//   pnpm bench:start [--ref HEAD] [--runs 3]
//
// --ref picks the commit (main for "before"); uncommitted changes are not in it.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const repo = join(import.meta.dirname, '..', '..');
const PNPM = ['npx', '-y', 'pnpm@12.4.2'];

interface Start {
  seconds: number;
  cpuSeconds: number;
  rssMb: number;
  load: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

function run(command: string[], cwd: string) {
  execFileSync(command[0]!, command.slice(1), { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Every process below `pid`, with its command line, resident memory and CPU time (its reaped children's included). */
function descendants(pid: number): { pid: number; cmdline: string; rssKb: number; cpuSeconds: number }[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const below = (p: number): number[] => [...parents].filter(([, parent]) => parent === p).flatMap(([child]) => [child, ...below(child)]);
  return [pid, ...below(pid)].flatMap((child) => {
    try {
      const cmdline = readFileSync(`/proc/${child}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child}/status`, 'utf8'));
      const stat = readFileSync(`/proc/${child}/stat`, 'utf8');
      // utime, stime, cutime, cstime: fields 14 to 17, in clock ticks (100 a second on Linux).
      const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 15).map(Number);
      return [{ pid: child, cmdline, rssKb: rss ? Number(rss[1]) : 0, cpuSeconds: ticks.reduce((a, b) => a + b, 0) / 100 }];
    } catch {
      return [];
    }
  });
}

/** Runs `pnpm start` in `dir` until /health answers 200, then stops it as Ctrl-C does. */
async function timeStart(dir: string): Promise<Start> {
  const port = await freePort();
  const { DATABASE_URL: _database, PGLITE_DIR: _dir, NODE_ENV: _mode, ...env } = process.env;
  const started = performance.now();
  const child = spawn(PNPM[0]!, [...PNPM.slice(1), 'start'], {
    cwd: dir,
    detached: true,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`pnpm start exited with ${child.exitCode}:\n${output}`);
      if (performance.now() - started > 600_000) throw new Error(`not healthy after 10 minutes:\n${output}`);
      const healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    const tree = descendants(child.pid!);
    const server = tree.filter((p) => /server\.(js|ts)/.test(p.cmdline)).sort((a, b) => b.rssKb - a.rssKb)[0];
    const cpuSeconds = tree.reduce((sum, p) => sum + p.cpuSeconds, 0);
    return { seconds, cpuSeconds, rssMb: (server?.rssKb ?? 0) / 1024, load: loadavg()[0]! };
  } finally {
    process.kill(-child.pid!, 'SIGINT');
    const stopped = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 30_000);
    if (child.exitCode === null) await once(child, 'exit');
    clearTimeout(stopped);
  }
}

async function main() {
  const { values } = parseArgs({ options: { ref: { type: 'string', default: 'HEAD' }, runs: { type: 'string', default: '3' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log('usage: pnpm bench:start [--ref HEAD] [--runs 3]\nTimes `pnpm start` cold (fresh clone state) and warm to a healthy /health on the embedded database.');
    return;
  }
  const runs = Number(values.runs);
  if (!(runs >= 1 && runs <= 20)) throw new Error('--runs must be 1 to 20');
  const commit = execFileSync('git', ['rev-parse', values.ref], { cwd: repo, encoding: 'utf8' }).trim();
  const dir = join(mkdtempSync(join(tmpdir(), 'zonegraph-bench-start-')), 'clone');
  console.log(`${values.ref} (${commit.slice(0, 10)}) cloned to ${dir}; ${cpus().length} CPUs, Node ${process.versions.node}`);
  try {
    run(['git', 'clone', '--quiet', '--shared', '--no-checkout', repo, dir], repo);
    run(['git', 'checkout', '--quiet', commit], dir);
    const installing = performance.now();
    run([...PNPM, 'install', '--frozen-lockfile', '--offline'], dir);
    console.log(`installed in ${((performance.now() - installing) / 1000).toFixed(1)} s (not counted)\n`);

    const cold: Start[] = [];
    const warm: Start[] = [];
    const show = (label: string, start: Start) =>
      console.log(`${label.padEnd(8)} ${start.seconds.toFixed(2).padStart(7)} s   CPU ${start.cpuSeconds.toFixed(2).padStart(6)} s   RSS ${start.rssMb.toFixed(0).padStart(4)} MB   load ${start.load.toFixed(1)}`);
    for (let i = 1; i <= runs; i++) {
      // Back to a fresh clone's state: no builds, no generated code, no turbo cache, no database.
      run(['git', 'clean', '-fdxq', '-e', 'node_modules'], dir);
      cold.push(await timeStart(dir));
      show(`cold ${i}`, cold.at(-1)!);
      warm.push(await timeStart(dir));
      show(`warm ${i}`, warm.at(-1)!);
    }
    console.log('\nmedian');
    for (const [label, starts] of [['cold', cold], ['warm', warm]] as const) {
      const middle = (pick: (s: Start) => number, digits: number, width: number) => median(starts.map(pick)).toFixed(digits).padStart(width);
      console.log(`${label.padEnd(8)} ${middle((s) => s.seconds, 2, 7)} s   CPU ${middle((s) => s.cpuSeconds, 2, 6)} s   RSS ${middle((s) => s.rssMb, 0, 4)} MB   load ${middle((s) => s.load, 1, 0)}`);
    }
  } finally {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}

await main();
