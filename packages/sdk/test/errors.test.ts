import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient, GraphQLResponseError, TransportError, ZonegraphError, type ZonegraphClient } from '../src/index.ts';
import { startApi, unreachableUrl, type RunningApi } from '@zonegraph/api/testing';

let api: RunningApi;
let client: ZonegraphClient;

beforeAll(async () => {
  api = await startApi();
  client = createClient({ url: api.url });
});

afterAll(async () => {
  await api?.close();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, and it resolved');
}

describe('GraphQLResponseError', () => {
  test('a malformed cursor is the caller’s mistake: BAD_USER_INPUT', async () => {
    const error = await rejection(client.projects({ after: 'garbage' }));
    expect(error).toBeInstanceOf(GraphQLResponseError);
    expect(error).toBeInstanceOf(ZonegraphError);
    const graphqlError = error as GraphQLResponseError;
    expect(graphqlError.code).toBe('BAD_USER_INPUT');
    expect(graphqlError.errors[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(graphqlError.message).toMatch(/cursor/i);
    // Refused before it runs (the edge checks every cursor argument), so there is no data at all.
    expect(graphqlError.data).toBeUndefined();
    expect(graphqlError.requestId).toMatch(/\S{8,}/);
  });

  test('the partial data comes along with the errors', async () => {
    // A partner's own document: one field fails, its sibling does not.
    const document: TypedDocumentNode<{ campaigns: { totalCount: number }; node: { id: string } | null }, Record<string, never>> =
      parse(`{
        campaigns(first: 1) { totalCount }
        node(id: "bm90LWFuLWlk") { id }
      }`);
    const error = await rejection(client.request(document));
    expect(error).toBeInstanceOf(GraphQLResponseError);
    const graphqlError = error as GraphQLResponseError<typeof document extends TypedDocumentNode<infer R> ? R : never>;
    expect(graphqlError.code).toBe('BAD_USER_INPUT');
    expect(graphqlError.data).toEqual({ campaigns: { totalCount: 6 }, node: null });
    expect(graphqlError.errors[0]?.path?.[0]).toBe('node');
  });

  test('an oversized page says how large a page may be: PAGE_SIZE_TOO_LARGE', async () => {
    const error = await rejection(client.projects({ first: 500 }));
    expect(error).toBeInstanceOf(GraphQLResponseError);
    const graphqlError = error as GraphQLResponseError;
    expect(graphqlError.codes).toEqual(['PAGE_SIZE_TOO_LARGE']);
    expect(graphqlError.hasCode('PAGE_SIZE_TOO_LARGE')).toBe(true);
    expect(graphqlError.errors[0]?.extensions).toMatchObject({ max: 100, requested: 500 });
    expect(graphqlError.message).toMatch(/at most 100/);
  });

  test('a variable the schema rejects fails before execution, with no data at all', async () => {
    const error = await rejection(
      // A partner's untyped input that slipped past their own types.
      client.projects({ filter: { stage: ['FINISHED' as 'OPERATING'] } }),
    );
    expect(error).toBeInstanceOf(GraphQLResponseError);
    const graphqlError = error as GraphQLResponseError;
    expect(graphqlError.message).toMatch(/FINISHED/);
    expect(graphqlError.data).toBeUndefined();
    expect(graphqlError.status).toBe(400);
  });
});

describe('TransportError', () => {
  test('nothing listens at the URL: no status, the reason kept', async () => {
    const url = await unreachableUrl();
    const error = await rejection(createClient({ url }).campaigns());
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toBeInstanceOf(ZonegraphError);
    const transportError = error as TransportError;
    expect(transportError.status).toBeUndefined();
    expect(transportError.url).toBe(url);
    expect(transportError.message).toContain(url);
    expect(transportError.message).toMatch(/ECONNREFUSED/);
  });

  test('a URL that is not the API answers 404: not a GraphQL response', async () => {
    const url = `${api.origin}/not-graphql`;
    const error = await rejection(createClient({ url }).campaigns());
    expect(error).toBeInstanceOf(TransportError);
    const transportError = error as TransportError;
    expect(transportError.status).toBe(404);
    expect(transportError.message).toMatch(/HTTP 404/);
    expect(transportError.message).toMatch(/not a GraphQL response/);
  });

  test('JSON that is not a GraphQL response is not mistaken for data', async () => {
    // Some other JSON service where the API was expected, e.g. a wrong port.
    const other = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok' }));
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = other.address() as AddressInfo;
      const error = await rejection(createClient({ url: `http://127.0.0.1:${port}/graphql` }).campaigns());
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).status).toBe(200);
      expect((error as TransportError).message).toMatch(/not a GraphQL response/);
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});
