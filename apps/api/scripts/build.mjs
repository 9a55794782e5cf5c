// `pnpm build` for the API: one ES module, dist/server.js, that plain `node`
// runs with no TypeScript tooling. Our workspace packages (@zonegraph/graph,
// @zonegraph/db and its generated Prisma client) are compiled into it; every
// third-party package stays an import, resolved from apps/api/node_modules at
// run time. So each third-party package the inlined code imports must be a
// dependency of this package, and the very same installed copy the importing
// package uses (one `graphql`, one Prisma runtime): the build checks both and
// names the package to add when they differ.
import { cpSync, realpathSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

const apiDir = join(import.meta.dirname, '..');
const outdir = join(apiDir, 'dist');

/** @type {import('esbuild').Plugin} */
const thirdPartyExternal = {
  name: 'third-party-external',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.checking || args.path.startsWith('@zonegraph/')) return undefined;
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const resolveFrom = (resolveDir) => pluginBuild.resolve(args.path, { kind: args.kind, resolveDir, pluginData: { checking: true } });
      const wanted = await resolveFrom(args.resolveDir);
      if (wanted.errors.length > 0) return { errors: wanted.errors };
      // Node's built-ins without the node: prefix.
      if (wanted.external) return { path: args.path, external: true };
      const found = await resolveFrom(apiDir);
      const same = found.errors.length === 0 && realpathSync(found.path) === realpathSync(wanted.path);
      if (!same) {
        const importer = relative(join(apiDir, '..', '..'), args.importer);
        return {
          errors: [
            {
              text:
                `${importer} imports "${args.path}", which @zonegraph/api does not resolve to the same installed copy: ` +
                `add it to apps/api/package.json's dependencies with the version ${importer.split('/').slice(0, 2).join('/')} uses.`,
            },
          ],
        };
      }
      return { path: args.path, external: true };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: apiDir,
  entryPoints: { server: 'src/server.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  // Error names and class names stay as written (logs and `instanceof`-free checks read them).
  keepNames: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [thirdPartyExternal],
}).catch(() => {
  // esbuild has printed each error with its place in the source.
  process.exit(1);
});
// GraphiQL's example tabs are read at start from beside the code (src/examples, dist/examples).
cpSync(join(apiDir, 'src', 'examples'), join(outdir, 'examples'), { recursive: true });
console.log(`built ${relative(process.cwd(), join(outdir, 'server.js'))}`);
