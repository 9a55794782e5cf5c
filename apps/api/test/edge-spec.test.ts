import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './testkit.ts';

/**
 * GraphQL over HTTP, checked by the audit suite of `graphql-http` (the
 * specification's reference implementation, written by its editors), run
 * against our app as a client would see it. The only thing added to the
 * audits' requests is our CSRF header, which every client of ours sends.
 */
describe('GraphQL over HTTP (graphql-http audits)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ seeded: false });
  });
  afterAll(() => api.close());

  const audits = serverAudits({
    url: 'http://zonegraph.test/graphql',
    fetchFn: (input: RequestInfo, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('x-zonegraph-client', 'graphql-http-audit');
      return api.app.fetch(input as string, { ...init, headers });
    },
  });

  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      const detail = result.status === 'ok' ? '' : `${result.reason}\n${await result.response.text().catch(() => '')}`;
      expect(result.status, detail).toBe('ok');
    });
  }
});
