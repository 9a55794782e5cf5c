// Builds what the package ships: dist/ from src/ (ESM and declarations, by
// tsc), and the manifest of published documents the API trusts. Also run by
// `pnpm pack` (prepack), so a tarball never carries a stale or missing build.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = `${root}src/gql/persisted-documents.json`;
if (!existsSync(manifest)) {
  console.error('src/gql is missing: run `pnpm generate` first.');
  process.exit(1);
}
rmSync(`${root}dist`, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
copyFileSync(manifest, `${root}dist/persisted-documents.json`);
