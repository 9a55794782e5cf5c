import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// graphql 16 ships CommonJS and ESM copies of itself. Node loads the CommonJS
// one for our dependencies (Pothos, yoga), while Vite would hand test files
// the ESM one, and a schema from one copy fails instanceof checks in the
// other. Pointing test files at the file Node loads keeps a single copy.
const graphqlEntry = require.resolve('graphql', { paths: [process.cwd()] });

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: these machines are shared, and a loaded one runs a cold PGlite start slowly.
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
