// Runs `prisma generate`. The Prisma CLI downloads a native schema engine on
// every command, and these machines cannot reach its host; generation never
// runs that engine, so where it is missing we point the CLI at a stand-in file.
// On a machine with internet this changes nothing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
import { delimiter } from 'node:path';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
// Generators such as prisma-pothos-types are found on PATH.
env.PATH = [join(import.meta.dirname, '..', 'node_modules', '.bin'), env.PATH].join(delimiter);

if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const enginesDir = dirname(require.resolve('@prisma/engines/package.json', {
    paths: [dirname(require.resolve('prisma/package.json'))],
  }));
  const hasEngine = (await import('node:fs')).readdirSync(enginesDir).some((f) => f.startsWith('schema-engine'));
  if (!hasEngine) env.PRISMA_SCHEMA_ENGINE_BINARY = join(import.meta.dirname, 'generate.mjs');
}

const prismaBin = join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
if (!existsSync(prismaBin)) throw new Error(`prisma CLI not found at ${prismaBin}`);
const result = spawnSync(process.execPath, [prismaBin, 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
