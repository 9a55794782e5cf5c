import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@zonegraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { createApp, type App } from '../src/yoga.ts';

// Whoever opens the server's address in a browser lands on a page that points
// at what it serves, not on a bare 404.

let db: TestDatabase;
let workDir: string;
let dist: string;

beforeAll(async () => {
  db = await createTestDatabase({ seeded: false });
  workDir = await mkdtemp(path.join(tmpdir(), 'zonegraph-landing-'));
  dist = path.join(workDir, 'dist');
  await mkdir(dist, { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>dashboard</title>');
}, 60_000);

afterAll(async () => {
  await db?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const get = (app: App, pathname: string, init: RequestInit = {}) => app.fetch(`http://zonegraph.test${pathname}`, init);

/** The href of every link on a page. */
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

describe('the landing page at /', () => {
  it('links GraphiQL, the dashboard, the schema reference and health, all on this origin', async () => {
    const app = createApp({ db, logger: createLogger('silent'), graphiql: true, dashboardDir: dist });
    const response = await get(app, '/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(hrefs(html)).toEqual(['/dashboard/', '/graphql', '/schema.graphql', '/health']);
    // Nothing the page would load from elsewhere: no script, stylesheet, image or font from another host.
    expect(html).not.toMatch(/<script|<link|<img|https?:\/\//);

    // Each link leads somewhere that answers.
    expect((await get(app, '/dashboard/')).status).toBe(200);
    expect((await get(app, '/graphql', { headers: { accept: 'text/html' } })).status).toBe(200);
    expect((await get(app, '/health')).status).toBe(200);
    const schema = await get(app, '/schema.graphql');
    expect(schema.status).toBe(200);
    const sdl = await schema.text();
    expect(sdl).toContain('type Query');
    expect(sdl).toContain('pipelineReport');
  });

  it('leaves out what the server does not serve: no GraphiQL, no dashboard built, introspection off', async () => {
    const app = createApp({
      db,
      logger: createLogger('silent'),
      graphiql: false,
      dashboardDir: path.join(workDir, 'not-built'),
      settings: { INTROSPECTION: false },
    });
    const html = await (await get(app, '/')).text();
    expect(hrefs(html)).toEqual(['/health']);
    expect((await get(app, '/schema.graphql')).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const app = createApp({ db, logger: createLogger('silent'), graphiql: true });
    const head = await get(app, '/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get(app, '/', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
