import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleOperations } from '../src/examples.ts';
import { startTestApi, type TestApi } from './testkit.ts';

describe('HTTP surface', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('reports health with the database reachable', async () => {
    const response = await api.app.fetch('http://zonegraph.test/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('serves GraphiQL from the API itself, with no outside host in the page', async () => {
    const response = await api.app.fetch('http://zonegraph.test/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('zonegraph');
    // Script, style, font and image sources must all be local: zone intranets are often closed.
    const external = [...html.matchAll(/(?:src|href)\s*=\s*["'](https?:)?\/\/[^"']+/gi)].map((m) => m[0]);
    expect(external).toEqual([]);
    expect(html).not.toMatch(/fonts\.googleapis|unpkg\.com|jsdelivr|cdnjs|google-analytics|googletagmanager/);
    // The example operations open as tabs.
    expect(html).toContain('ProgrammeAtAGlance');
  });

  it('sends GraphiQL gzipped to a browser that accepts it, the same page in a fraction of the bytes', async () => {
    const plain = await api.app.fetch('http://zonegraph.test/graphql', { headers: { accept: 'text/html' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const html = await plain.text();
    const zipped = await api.app.fetch('http://zonegraph.test/graphql', { headers: { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(gunzipSync(bytes).toString('utf8')).toBe(html);
    expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(html) / 3);
  });

  it('opens GraphiQL with example operations that all run without errors', async () => {
    expect(exampleOperations.length).toBeGreaterThanOrEqual(4);
    for (const { name, query } of exampleOperations) {
      const result = await api.execute(query);
      expect(result.errors, name).toBeUndefined();
      expect(Object.values(result.data ?? {}).every((v) => v !== null), name).toBe(true);
    }
  });

  it('gives every response a request id, keeping a sane one the caller sent', async () => {
    const mine = await api.execute('{ __typename }', undefined, { 'x-request-id': 'partner-req-12345' });
    expect(mine.headers.get('x-request-id')).toBe('partner-req-12345');
    expect(mine.extensions?.requestId).toBe('partner-req-12345');
    const junk = await api.execute('{ __typename }', undefined, { 'x-request-id': '<script>' });
    expect(junk.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('documents every type and field for analysts reading GraphiQL', async () => {
    const { __schema } = await api.data<{
      __schema: { types: { name: string; description: string | null; fields: { name: string; description: string | null }[] | null }[] };
    }>(`{ __schema { types { name description fields { name description } } } }`);
    const ours = __schema.types.filter((t) => !t.name.startsWith('__') && !['String', 'Int', 'Boolean', 'ID', 'Float'].includes(t.name));
    const missing = ours.flatMap((t) => [
      ...(t.description ? [] : [t.name]),
      ...(t.fields ?? []).filter((f) => !f.description).map((f) => `${t.name}.${f.name}`),
    ]);
    expect(missing).toEqual([]);
  });
});
