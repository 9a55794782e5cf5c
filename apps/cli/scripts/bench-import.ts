// How long `zonegraph import projects` takes for a full batch, against a real
// API on its own seeded database (PGlite, or PostgreSQL with DATABASE_URL).
//
//   pnpm --filter @zonegraph/cli bench:import -- --rows 1000 --runs 5
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres pnpm --filter @zonegraph/cli bench:import
//
// Prints the median and slowest of each step: a dry run of new rows, the
// import that creates them, and importing the same file again (all unchanged).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startApi } from '@zonegraph/api/testing';
import { createApiKey } from '@zonegraph/db';
import { toCsv } from '../src/files/tables.ts';
import { run } from '../src/run.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000' }, runs: { type: 'string', default: '5' } } });
const rows = Number(values.rows);
const runs = Number(values.runs);

const api = await startApi();
const { key } = await createApiKey(api.db.prisma, { holder: 'bench', role: 'EDITOR' });
const env = { ZONEGRAPH_URL: api.url, ZONEGRAPH_API_KEY: key };
const dir = mkdtempSync(join(tmpdir(), 'zonegraph-bench-import-'));
const quiet = { write: () => true };
const loud = { write: (chunk: string | Uint8Array) => process.stderr.write(chunk) };

function file(run: number): string {
  const header = ['code', 'nameZh', 'nameEn', 'campaign', 'organisations', 'targetStage', 'targetDate', 'plannedInvestment', 'isKeyProject'];
  const data = Array.from({ length: rows }, (_, i) => {
    const code = `BENCH-${run}-${String(i + 1).padStart(5, '0')}`;
    return [code, `基准项目${i + 1}`, `Benchmark project ${i + 1}`, `GZK-2020-C${(i % 6) + 1}`, 'ORG-360', 'SIGNED', '2020-12-31', '３５０，０００，０００', '是'];
  });
  const path = join(dir, `bench-${run}.csv`);
  writeFileSync(path, toCsv(header, data));
  return path;
}

async function timed(argv: string[]): Promise<number> {
  const start = performance.now();
  const code = await run(argv, { stdout: quiet, stderr: loud, env });
  if (code !== 0) throw new Error(`zonegraph ${argv.join(' ')} exited ${code}`);
  return performance.now() - start;
}

const steps: Record<string, number[]> = { 'dry run (new rows)': [], 'import (creates)': [], 're-import (unchanged)': [] };
try {
  for (let i = 0; i < runs; i++) {
    const path = file(i);
    steps['dry run (new rows)']!.push(await timed(['import', 'projects', path, '--dry-run']));
    steps['import (creates)']!.push(await timed(['import', 'projects', path]));
    steps['re-import (unchanged)']!.push(await timed(['import', 'projects', path]));
  }
} finally {
  await api.close();
}

const database = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
console.log(`zonegraph import projects, ${rows} rows, ${runs} runs, ${database}, Node ${process.version}`);
for (const [step, times] of Object.entries(steps)) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`  ${step.padEnd(24)} median ${(median / 1000).toFixed(2)} s   slowest ${(sorted.at(-1)! / 1000).toFixed(2)} s`);
}
console.log(`rerun: pnpm --filter @zonegraph/cli bench:import -- --rows ${rows} --runs ${runs}`);
