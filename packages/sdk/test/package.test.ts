import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type RunningApi } from '@zonegraph/api/testing';
import { prepare } from '../src/documents.ts';
import { operations } from '../src/operations/index.ts';

// The SDK as a partner gets it: `pnpm pack` of this package, installed with
// npm from the tarball into projects outside the workspace (a temporary
// folder), then imported by plain Node, type-checked by a NodeNext consumer,
// and built into a Vite app with the React bindings.

const run = promisify(execFile);
const sdk = fileURLToPath(new URL('..', import.meta.url));
const devDependencies = (JSON.parse(readFileSync(`${sdk}package.json`, 'utf8')) as { devDependencies: Record<string, string> }).devDependencies;
const tsc = `${sdk}node_modules/.bin/tsc`;
const npm = (args: string[], cwd: string) => run('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd, maxBuffer: 16 << 20 });

let outside: string;
let tarball: string;
let files: string[];
let manifest: Record<string, unknown> & { exports: Record<string, unknown> };
let api: RunningApi;

beforeAll(async () => {
  outside = mkdtempSync(join(tmpdir(), 'zonegraph-sdk-package-'));
  // pnpm pack runs the build (prepack) and puts versions in place of workspace: and catalog: ranges.
  await run('npx', ['-y', 'pnpm@12.4.2', 'pack', '--pack-destination', outside], { cwd: sdk, maxBuffer: 16 << 20 });
  tarball = join(outside, readdirSync(outside).find((file) => file.endsWith('.tgz'))!);
  files = (await run('tar', ['-tzf', tarball])).stdout.trim().split('\n');
  manifest = JSON.parse((await run('tar', ['-xzOf', tarball, 'package/package.json'])).stdout) as typeof manifest;
  api = await startApi();
}, 300_000);

afterAll(async () => {
  await api?.close();
  if (outside) rmSync(outside, { recursive: true, force: true });
});

describe('the tarball', () => {
  test('holds the build, the README and the changelog, and nothing for development', () => {
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files).toContain('package/dist/react/index.js');
    expect(files).toContain('package/dist/persisted-documents.json');
    expect(files).toContain('package/README.md');
    expect(files).toContain('package/CHANGELOG.md');
    const unexpected = files.filter((file) => !/^package\/(dist\/.+\.(js|d\.ts|json)|README\.md|CHANGELOG\.md|package\.json)$/.test(file));
    expect(unexpected).toEqual([]);
  });

  test('declares ESM entry points with types, graphql as a peer, and no workspace ranges', () => {
    expect(manifest.type).toBe('module');
    expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js' });
    expect(manifest.exports['./react']).toEqual({ types: './dist/react/index.d.ts', import: './dist/react/index.js' });
    expect(manifest).not.toHaveProperty('dependencies.graphql');
    expect(manifest).toHaveProperty(['peerDependencies', 'graphql'], '^16.8.0 || ^17.0.0');
    expect(manifest).toHaveProperty(['peerDependenciesMeta', 'react', 'optional'], true);
    expect(JSON.stringify(manifest)).not.toMatch(/workspace:|catalog:/);
  });
});

describe('installed with npm into a plain Node project', () => {
  let project: string;

  beforeAll(async () => {
    project = join(outside, 'node-consumer');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'node-consumer', private: true, type: 'module' }));
    // No React: the bindings' peers are optional, the client needs only graphql.
    await npm(['install', tarball, 'graphql@16'], project);
  }, 300_000);

  test('plain Node imports it by name and talks to the API', async () => {
    writeFileSync(
      join(project, 'consumer.mjs'),
      `import { createClient, operations, TransportError } from '@zonegraph/sdk';
       const client = createClient({ url: process.argv[2] });
       const { campaigns } = await client.campaigns();
       console.log(JSON.stringify({ campaigns: campaigns.totalCount, operations: Object.keys(operations).length, errors: typeof TransportError }));`,
    );
    const { stdout } = await run(process.execPath, ['consumer.mjs', api.url], { cwd: project });
    expect(JSON.parse(stdout)).toMatchObject({ campaigns: 6, errors: 'function' });
  });

  test('a TypeScript consumer with NodeNext resolution gets the types, and wrong variables do not compile', async () => {
    writeFileSync(
      join(project, 'consumer.ts'),
      `import { createClient, type ProjectsQuery, type UpdateProjectMutation } from '@zonegraph/sdk';
       import manifest from '@zonegraph/sdk/persisted-documents.json' with { type: 'json' };
       const client = createClient({ url: 'http://localhost:4000/graphql', retry: { attempts: 1 } });
       export const projects: Promise<ProjectsQuery> = client.projects({ first: 1 });
       export const hashes: string[] = Object.keys(manifest);
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
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--resolveJsonModule', '--types', 'node', '--typeRoots', `${sdk}node_modules/@types`, 'consumer.ts'];
    const result = await run(tsc, args, { cwd: project }).then(
      () => ({ ok: true, output: '' }),
      (error: { stdout: string }) => ({ ok: false, output: error.stdout }),
    );
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
});

describe('installed with npm into a Vite app', () => {
  let app: string;

  beforeAll(async () => {
    app = join(outside, 'vite-app');
    mkdirSync(join(app, 'src'), { recursive: true });
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'vite-app', private: true, type: 'module' }));
    const pinned = (name: string) => `${name}@${devDependencies[name]}`;
    await npm(['install', tarball, 'graphql@16', pinned('react'), pinned('react-dom'), pinned('@tanstack/react-query'), pinned('@types/react'), pinned('@types/react-dom')], app);
    writeFileSync(join(app, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/src/main.tsx"></script>');
    writeFileSync(
      join(app, 'src/main.tsx'),
      `import { createRoot } from 'react-dom/client';
       import { createClient } from '@zonegraph/sdk';
       import { ZonegraphProvider, useProjects, useUpdateProject } from '@zonegraph/sdk/react';

       function Projects() {
         const projects = useProjects({ first: 5 });
         const update = useUpdateProject();
         if (update.data?.__typename === 'UpdateProjectSuccess') return <p>{update.data.project.code}</p>;
         return <ul>{projects.data?.projects.nodes.map((p) => <li key={p.code}>{p.nameZh}</li>)}</ul>;
       }

       const client = createClient({ url: '/graphql' });
       createRoot(document.getElementById('root')!).render(<ZonegraphProvider client={client}><Projects /></ZonegraphProvider>);`,
    );
  }, 300_000);

  test('type-checks against the package with bundler resolution', async () => {
    const compilerOptions = { noEmit: true, strict: true, module: 'esnext', moduleResolution: 'bundler', target: 'es2022', jsx: 'react-jsx', lib: ['es2023', 'dom'], types: [] };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['src'] }));
    const result = await run(tsc, ['-p', 'tsconfig.json'], { cwd: app }).then(
      () => ({ ok: true, output: '' }),
      (error: { stdout: string }) => ({ ok: false, output: error.stdout }),
    );
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  test('vite builds it, with the SDK and its hooks in the bundle', async () => {
    const { build } = await import('vite');
    await build({ root: app, configFile: false, logLevel: 'silent', build: { outDir: join(app, 'dist'), minify: false } });
    const assets = readdirSync(join(app, 'dist/assets')).filter((file) => file.endsWith('.js'));
    const bundle = assets.map((file) => readFileSync(join(app, 'dist/assets', file), 'utf8')).join('\n');
    // The Projects document (with its hash) and the client's header come from the installed SDK.
    expect(bundle).toContain(prepare(operations.projects).hash);
    expect(bundle).toContain('zonegraph-sdk');
  });
});
