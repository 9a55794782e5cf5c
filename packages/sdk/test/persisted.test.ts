import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { createClient, GraphQLResponseError, operations, subscriptions } from '../src/index.ts';
import { prepare } from '../src/documents.ts';
import { createApiKey } from '@zonegraph/db';
import { startRestartableApi, type RestartableApi } from './server.ts';

// Persisted-document mode: the SDK sends the hashes codegen wrote into the
// manifest the API trusts, never the documents.

const manifest = JSON.parse(readFileSync(new URL('../src/gql/persisted-documents.json', import.meta.url), 'utf8')) as Record<string, string>;
const shipped = { ...operations, ...subscriptions };

describe('the manifest', () => {
  test('holds every shipped operation under the SHA-256 of its text', () => {
    const hashes = Object.values(shipped).map((document) => prepare(document).hash);
    expect(hashes.every((hash) => typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash))).toBe(true);
    expect(new Set(hashes).size).toBe(Object.keys(shipped).length);
    for (const hash of hashes) expect(Object.keys(manifest)).toContain(hash);
    // Every entry, shipped or not (an app's own operations in the folder too).
    for (const [hash, text] of Object.entries(manifest)) expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
  });

  test('each entry is the operation the function sends', () => {
    const { hash, operationName } = prepare(operations.updateProject);
    expect(manifest[hash!]).toMatch(/^(fragment [\s\S]*)?mutation UpdateProject\(\$input: UpdateProjectInput!\)/m);
    expect(operationName).toBe('UpdateProject');
  });
});

describe('against an API that requires published documents from partners', () => {
  let api: RestartableApi;
  let partnerKey: string;
  const sent: { method: string; url: string; body: Record<string, unknown> | undefined }[] = [];
  const recording: typeof fetch = async (input, init) => {
    sent.push({ method: init?.method ?? 'GET', url: String(input), body: init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined });
    return fetch(input, init);
  };

  beforeAll(async () => {
    api = await startRestartableApi({ TRUSTED_DOCUMENTS_REQUIRED_FOR: ['partner'] });
    partnerKey = (await createApiKey(api.db.prisma, { holder: 'sdk persisted partner', role: 'PARTNER' })).key;
  });
  afterAll(async () => {
    await api?.close();
  });

  test('a partner sending documents is refused; the same client in persisted mode is served, by hash alone', async () => {
    const plain = createClient({ url: api.url, apiKey: partnerKey });
    const refused = await plain.campaigns().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GraphQLResponseError);
    expect((refused as GraphQLResponseError).code).toBe('PERSISTED_QUERY_REQUIRED');

    sent.length = 0;
    const persisted = createClient({ url: api.url, apiKey: partnerKey, persistedDocuments: true, fetch: recording });
    const { campaigns } = await persisted.campaigns({ first: 2 });
    expect(campaigns.totalCount).toBe(6);
    expect(sent[0]?.body).toEqual({
      operationName: 'Campaigns',
      variables: { first: 2 },
      extensions: { persistedQuery: { version: 1, sha256Hash: prepare(operations.campaigns).hash } },
    });
  });

  test('over GET too: the hash and variables in the URL, no document', async () => {
    sent.length = 0;
    const client = createClient({ url: api.url, apiKey: partnerKey, persistedDocuments: true, getForQueries: true, fetch: recording });
    const { project } = await client.project({ code: 'GZK-2020-P01' });
    expect(project?.nameZh).toBe('军地医院');
    const url = new URL(sent[0]!.url);
    expect(sent[0]?.method).toBe('GET');
    expect(url.searchParams.get('query')).toBeNull();
    expect(JSON.parse(url.searchParams.get('extensions')!)).toEqual({ persistedQuery: { version: 1, sha256Hash: prepare(operations.project).hash } });
  });

  test('a document of your own has no hash: it is sent in full, and this API refuses it to a partner', async () => {
    const own: TypedDocumentNode<{ sectors: { totalCount: number } }, Record<string, never>> = parse('query OwnSectors { sectors { totalCount } }');
    sent.length = 0;
    const client = createClient({ url: api.url, apiKey: partnerKey, persistedDocuments: true, fetch: recording });
    const error = await client.request(own).catch((e: unknown) => e);
    expect(sent[0]?.body?.['query']).toContain('OwnSectors');
    expect((error as GraphQLResponseError).code).toBe('PERSISTED_QUERY_REQUIRED');
  });

  test('a hash the API does not know: PERSISTED_QUERY_NOT_FOUND', async () => {
    const stale = parse('query Campaigns { campaigns { totalCount } }') as TypedDocumentNode<unknown, Record<string, never>>;
    (stale as { __meta__?: unknown }).__meta__ = { hash: '0'.repeat(64) };
    const error = await createClient({ url: api.url, apiKey: partnerKey, persistedDocuments: true }).request(stale).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLResponseError);
    expect((error as GraphQLResponseError).code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  test('subscriptions open by hash as well', async () => {
    sent.length = 0;
    const client = createClient({ url: api.url, apiKey: partnerKey, persistedDocuments: true, fetch: recording });
    const connected = new Promise<boolean>((resolve) => {
      const subscription = client.subscriptions.projectStageChanged(undefined, {
        onConnected: (reconnected) => {
          resolve(reconnected);
          void subscription.close();
        },
      });
      void subscription.next().catch(() => {});
    });
    expect(await connected).toBe(false);
    expect(sent[0]?.body).toMatchObject({ operationName: 'ProjectStageChanged', extensions: { persistedQuery: { sha256Hash: prepare(subscriptions.projectStageChanged).hash } } });
    expect(sent[0]?.body?.['query']).toBeUndefined();
  });
});
