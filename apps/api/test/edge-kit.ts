import { expect } from 'vitest';
import type { TestApi } from './testkit.ts';

/** A raw request to the app, for what the testkit's well-formed `execute` cannot send. */
export async function send(api: TestApi, init: RequestInit & { path?: string } = {}): Promise<{ status: number; headers: Headers; body: any; text: string }> {
  const response = await api.app.fetch(`http://zonegraph.test${init.path ?? '/graphql'}`, init);
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

export const json = (payload: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
  body: JSON.stringify(payload),
});

/** The normal request every abuse case is followed by: the server must still answer it. */
export async function expectStillServing(api: TestApi) {
  const result = await api.execute('{ campaigns(first: 2) { totalCount nodes { code } } }');
  expect(result.status).toBe(200);
  expect(result.errors).toBeUndefined();
  expect(result.data?.campaigns.nodes).toHaveLength(2);
}

/**
 * Asserts a refusal: the status, the code, a message, and that the database
 * saw no statement for it (it was refused before anything ran).
 */
export async function expectRefused(
  api: TestApi,
  request: () => Promise<{ status: number; body: any; headers?: Headers }>,
  status: number,
  code: string,
  { touchesDatabase = false }: { touchesDatabase?: boolean } = {},
) {
  api.statements.length = 0;
  const response = await request();
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  const error = response.body?.errors?.[0];
  expect(error?.extensions?.code, JSON.stringify(response.body)).toBe(code);
  expect(error?.message).toMatch(/\w/);
  if (!touchesDatabase) expect(api.statements).toEqual([]);
  await expectStillServing(api);
  return response;
}
