import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type RunningApi } from '@zonegraph/api/testing';

// The SDK as a published package: built by tsc to dist/, its package.json as
// pnpm publishes it (publishConfig.exports in place of the workspace's
// source export), imported by plain Node and type-checked by a consumer using
// NodeNext resolution. Inside the workspace the sources are imported directly.

const run = promisify(execFile);
const sdk = fileURLToPath(new URL('..', import.meta.url));
// Inside the package, so that the build's imports of graphql and graphql-sse
// resolve to the SDK's own dependencies, as an installed package's would.
const root = `${sdk}.package-test/`;
const installed = `${root}node_modules/@zonegraph/sdk/`;
const tsc = `${sdk}node_modules/.bin/tsc`;

let api: RunningApi;

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(installed, { recursive: true });
  // A package of its own: inside the SDK's folder, '@zonegraph/sdk' would
  // resolve to the SDK itself (a package may import itself by name).
  writeFileSync(`${root}package.json`, JSON.stringify({ name: 'sdk-consumer', private: true, type: 'module' }));
  await run(tsc, ['-p', 'tsconfig.build.json', '--outDir', `${installed}dist`], { cwd: sdk });
  copyFileSync(`${sdk}src/gql/persisted-documents.json`, `${installed}dist/persisted-documents.json`);
  const manifest = JSON.parse(readFileSync(`${sdk}package.json`, 'utf8')) as Record<string, unknown> & { publishConfig: { exports: unknown } };
  const { publishConfig, devDependencies: _dev, scripts: _scripts, ...published } = manifest;
  writeFileSync(`${installed}package.json`, JSON.stringify({ ...published, exports: publishConfig.exports }, null, 2));
  api = await startApi();
}, 120_000);

afterAll(async () => {
  await api?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the built package', () => {
  test('exports ESM with type declarations', () => {
    const manifest = JSON.parse(readFileSync(`${installed}package.json`, 'utf8')) as { type: string; exports: Record<string, unknown> };
    expect(manifest.type).toBe('module');
    expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js' });
    expect(readFileSync(`${installed}dist/index.d.ts`, 'utf8')).toContain('createClient');
  });

  test('plain Node imports it by name and talks to the API', async () => {
    writeFileSync(
      `${root}consumer.mjs`,
      `import { createClient, operations, TransportError } from '@zonegraph/sdk';
       const client = createClient({ url: process.argv[2] });
       const { campaigns } = await client.campaigns();
       console.log(JSON.stringify({ campaigns: campaigns.totalCount, mutations: Object.keys(operations).length, errors: typeof TransportError }));`,
    );
    const { stdout } = await run(process.execPath, [`${root}consumer.mjs`, api.url], { cwd: root });
    expect(JSON.parse(stdout)).toMatchObject({ campaigns: 6, errors: 'function' });
  });

  test('a TypeScript consumer with NodeNext resolution gets the types, and wrong variables do not compile', async () => {
    writeFileSync(
      `${root}consumer.ts`,
      `import { createClient, type ProjectsQuery, type UpdateProjectMutation } from '@zonegraph/sdk';
       const client = createClient({ url: 'http://localhost:4000/graphql', retry: { attempts: 1 } });
       export const projects: Promise<ProjectsQuery> = client.projects({ first: 1 });
       export function describe(payload: UpdateProjectMutation['updateProject']): string {
         switch (payload.__typename) {
           case 'UpdateProjectSuccess': return payload.project.code;
           case 'ValidationError': case 'NotFoundError': case 'ForbiddenError': case 'ConflictError': return payload.message;
           default: { const unhandled: never = payload; return unhandled; }
         }
       }
       // @ts-expect-error first is a number
       void client.projects({ first: '1' });`,
    );
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', `${root}consumer.ts`];
    const result = await run(tsc, args, { cwd: root }).then(
      () => ({ ok: true, output: '' }),
      (error: { stdout: string }) => ({ ok: false, output: error.stdout }),
    );
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
});
