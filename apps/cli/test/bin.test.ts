import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const run = promisify(execFile);
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { bin: Record<string, string> };

test('the installed `zonegraph` binary starts and prints its help', async () => {
  const bin = fileURLToPath(new URL(`../${packageJson.bin['zonegraph']}`, import.meta.url));
  // Executed as a shell would: through its shebang, with no tsx loader from the caller.
  const { stdout } = await run(bin, ['--help'], { env: { PATH: process.env['PATH'] ?? '' } });
  expect(stdout).toMatch(/^Usage: zonegraph/);
  expect(stdout).toMatch(/projects/);
});

test('a usage error from the binary exits 2', async () => {
  const bin = fileURLToPath(new URL(`../${packageJson.bin['zonegraph']}`, import.meta.url));
  const failure = await run(bin, ['projects', 'list', '--stage', 'FINISHED'], { env: { PATH: process.env['PATH'] ?? '' } }).then(
    () => undefined,
    (error: { code?: number; stderr?: string }) => error,
  );
  expect(failure?.code).toBe(2);
  expect(failure?.stderr).toContain('"FINISHED" is not a project stage');
});
