import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createTestDatabase, type TestDatabase } from '@zonegraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { createApp, type App } from '../src/yoga.ts';

// The API serves the dashboard's built files at /dashboard. A stand-in build
// (an index.html, a hashed asset, a favicon) in a temporary directory is
// enough to check how each kind of path is answered.

let db: TestDatabase;
let workDir: string;
let app: App;

const INDEX = '<!doctype html><html><head><script type="module" src="/dashboard/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('看板'.repeat(500))});`;

beforeAll(async () => {
  db = await createTestDatabase({ seeded: false });
  workDir = await mkdtemp(path.join(tmpdir(), 'zonegraph-dashboard-'));
  const dist = path.join(workDir, 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), INDEX);
  await writeFile(path.join(dist, 'assets', 'index-abc123.js'), SCRIPT);
  await writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(workDir, 'secret.txt'), 'outside the dashboard');
  app = createApp({ db, logger: createLogger('silent'), graphiql: false, dashboardDir: dist });
}, 60_000);

afterAll(async () => {
  await db?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const get = (pathname: string, init: RequestInit = {}) => app.fetch(`http://zonegraph.test${pathname}`, init);

describe('the dashboard at /dashboard', () => {
  it('redirects /dashboard to /dashboard/ and serves the page there, with a policy that keeps it on this origin', async () => {
    const redirect = await get('/dashboard?lang=en', { redirect: 'manual' });
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toBe('/dashboard/?lang=en');

    const page = await get('/dashboard/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(await page.text()).toBe(INDEX);
  });

  it('answers the page’s own routes with index.html, so they can be reloaded and shared', async () => {
    for (const route of ['/dashboard/projects/GZK-2020-P07', '/dashboard/pipeline', '/dashboard/projects/%E5%86%9B']) {
      const response = await get(route);
      expect(response.status, route).toBe(200);
      expect(await response.text(), route).toBe(INDEX);
    }
  });

  it('serves hashed assets with their type, cached for good, gzipped when the browser accepts it', async () => {
    const plain = await get('/dashboard/assets/index-abc123.js');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);

    const compressed = await get('/dashboard/assets/index-abc123.js', { headers: { 'accept-encoding': 'br, gzip;q=0.8' } });
    expect(compressed.headers.get('content-encoding')).toBe('gzip');
    expect(compressed.headers.get('vary')).toBe('accept-encoding');
    // fetch() of yoga's adapter hands back the bytes as sent; undo the gzip ourselves.
    const bytes = Buffer.from(await compressed.arrayBuffer());
    const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
    expect(text).toBe(SCRIPT);

    const refused = await get('/dashboard/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip;q=0' } });
    expect(refused.headers.get('content-encoding')).toBeNull();

    const icon = await get('/dashboard/favicon.svg');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing asset with 404, not with the page', async () => {
    const response = await get('/dashboard/assets/index-gone.js');
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not Found');
  });

  it('never serves a file outside its directory', async () => {
    for (const attempt of ['/dashboard/../secret.txt', '/dashboard/%2e%2e/secret.txt', '/dashboard/assets/%2E%2E%2F%2E%2E%2Fsecret.txt', '/dashboard/..%5csecret.txt', '/dashboard/%00', '/dashboard/%E0%A4%A']) {
      const response = await get(attempt);
      const body = await response.text();
      expect(body, attempt).not.toContain('outside the dashboard');
      expect([200, 404], attempt).toContain(response.status);
      if (response.status === 200) expect(body, attempt).toBe(INDEX);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('/dashboard/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('/dashboard/', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('leaves /graphql and other paths to the API', async () => {
    const response = await get('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-zonegraph-client': 'test' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { __typename: 'Query' } });
    expect((await get('/dashboards')).status).toBe(404);
  });
});

describe('without a built dashboard', () => {
  it('is off: /dashboard is not found and the API works', async () => {
    const off = createApp({ db, logger: createLogger('silent'), graphiql: false, dashboardDir: path.join(workDir, 'not-built') });
    expect((await off.fetch('http://zonegraph.test/dashboard/')).status).toBe(404);
    const none = createApp({ db, logger: createLogger('silent'), graphiql: false });
    expect((await none.fetch('http://zonegraph.test/dashboard/projects')).status).toBe(404);
  });
});
