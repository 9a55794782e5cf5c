import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { buildSchema, parse, validate } from 'graphql';
import { createClient, GraphQLResponseError } from '../src/index.ts';
import { mergeReleasedDocuments } from '../scripts/persisted.ts';
import { startRestartableApi, type RestartableApi } from './server.ts';

// The published-documents manifest across releases: a client of an older
// release sends hashes of the documents it was built with; the API must keep
// answering them after the SDK's operations changed.

const sdk = new URL('..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(`${sdk}src/gql/persisted-documents.json`, 'utf8')) as Record<string, string>;
const releases = readdirSync(`${sdk}releases`)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({ release: file.slice(0, -5), documents: JSON.parse(readFileSync(`${sdk}releases/${file}`, 'utf8')) as Record<string, string> }));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the stored releases', () => {
  test('every document of every released SDK is in the manifest the API trusts', () => {
    expect(releases.length).toBeGreaterThan(0);
    for (const { documents } of releases) for (const [hash, text] of Object.entries(documents)) expect(manifest[hash]).toBe(text);
  });

  test('every released document is still valid against the schema, so it is answered and not only found', () => {
    const schema = buildSchema(readFileSync(`${sdk}../graph/schema.graphql`, 'utf8'));
    for (const { release, documents } of releases) {
      for (const text of Object.values(documents)) expect({ release, errors: validate(schema, parse(text)).map((e) => e.message) }).toEqual({ release, errors: [] });
    }
  });

  test('a release file whose hash is not its document is refused, not trusted', () => {
    expect(() => mergeReleasedDocuments({}, [{ release: '0.0.9', documents: { ['0'.repeat(64)]: 'query Campaigns { campaigns { totalCount } }' } }])).toThrow(
      /releases\/0\.0\.9\.json: the entry 0{64} is not the SHA-256 of its document/,
    );
  });
});

describe('a client of an older release, against an API that runs only published documents', () => {
  // The Campaigns query as an older SDK had it, before the operation changed.
  const older = 'query Campaigns {\n  campaigns(first: 3) {\n    totalCount\n    nodes {\n      code\n    }\n  }\n}';
  const olderDocument = Object.assign(parse(older), { __meta__: { hash: sha256(older) } }) as TypedDocumentNode<{ campaigns: { totalCount: number; nodes: { code: string }[] } }, Record<string, never>>;
  const folder = mkdtempSync(join(tmpdir(), 'zonegraph-manifest-'));
  let withReleases: RestartableApi;
  let currentOnly: RestartableApi;

  beforeAll(async () => {
    // This build's documents only, and the same with the older release merged in, as `pnpm generate` does.
    const current = Object.fromEntries(Object.entries(manifest).filter(([hash]) => hash !== sha256(older)));
    writeFileSync(join(folder, 'current.json'), JSON.stringify(current));
    writeFileSync(join(folder, 'merged.json'), JSON.stringify(mergeReleasedDocuments(current, [{ release: '0.0.9', documents: { [sha256(older)]: older } }])));
    withReleases = await startRestartableApi({ TRUSTED_DOCUMENTS_FILE: join(folder, 'merged.json'), TRUSTED_DOCUMENTS_REQUIRED_FOR: ['anonymous'] });
    currentOnly = await startRestartableApi({ TRUSTED_DOCUMENTS_FILE: join(folder, 'current.json'), TRUSTED_DOCUMENTS_REQUIRED_FOR: ['anonymous'] });
  });
  afterAll(async () => {
    await withReleases?.close();
    await currentOnly?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test('is answered by hash when the manifest keeps its release', async () => {
    const { campaigns } = await createClient({ url: withReleases.url, persistedDocuments: true }).request(olderDocument);
    expect(campaigns.totalCount).toBe(6);
    expect(campaigns.nodes).toHaveLength(3);
  });

  test('is refused with PERSISTED_QUERY_NOT_FOUND by a manifest of the current build alone', async () => {
    const error = await createClient({ url: currentOnly.url, persistedDocuments: true, retry: false }).request(olderDocument).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLResponseError);
    expect((error as GraphQLResponseError).code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
