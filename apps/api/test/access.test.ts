import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createApiKey, hashApiKey, openDatabase, type Database } from '@zonegraph/db';
import { createTestDatabase } from '@zonegraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { createApp } from '../src/yoga.ts';
import { ERRORS, expectForbidden, headersFor, type Headers } from './mutation-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

const API_KEY = /* GraphQL */ `id holder role prefix createdAt createdBy expiresAt revokedAt lastUsedAt isActive`;

const CREATE = /* GraphQL */ `
  mutation ($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { ${ERRORS} ... on CreateApiKeySuccess { key apiKey { ${API_KEY} } } }
  }`;
const REVOKE = /* GraphQL */ `
  mutation ($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) { ${ERRORS} ... on RevokeApiKeySuccess { apiKey { ${API_KEY} } } }
  }`;
const LIST = /* GraphQL */ `
  query ($filter: ApiKeyFilter, $first: Int) {
    apiKeys(filter: $filter, first: $first) { totalCount nodes { ${API_KEY} } }
  }`;
const VIEWER = /* GraphQL */ `{ viewer { holder role sees } }`;

const bearer = (key: string): Headers => ({ authorization: `Bearer ${key}` });

describe('API key administration', () => {
  let api: TestApi;
  let admin: Headers;
  let others: [string, Headers][];

  async function create(input: Record<string, unknown>, headers = admin) {
    const result = await api.execute(CREATE, { input }, headers);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.createApiKey;
  }
  async function revoke(id: string, headers = admin) {
    const result = await api.execute(REVOKE, { input: { id } }, headers);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.revokeApiKey;
  }

  beforeAll(async () => {
    api = await startTestApi({ seeded: false });
    admin = await headersFor(api, 'ADMIN', 'key office');
    others = [
      ['editor', await headersFor(api, 'EDITOR')],
      ['analyst', await headersFor(api, 'ANALYST')],
      ['partner', await headersFor(api, 'PARTNER')],
      ['anonymous', {}],
    ];
  });
  afterAll(() => api.close());

  it('an administrator creates a key that works at once, with the role and holder asked for', async () => {
    const created = await create({ holder: 'CAS partner portal', role: 'PARTNER' });
    expect(created).toMatchObject({
      __typename: 'CreateApiKeySuccess',
      apiKey: { holder: 'CAS partner portal', role: 'PARTNER', createdBy: 'key office', revokedAt: null, expiresAt: null, lastUsedAt: null, isActive: true },
    });
    expect(created.key).toMatch(/^zg_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.apiKey.prefix)).toBe(true);

    const viewer = await api.execute(VIEWER, {}, bearer(created.key));
    expect(viewer.status).toBe(200);
    expect(viewer.data).toEqual({ viewer: { holder: 'CAS partner portal', role: 'PARTNER', sees: ['PUBLIC'] } });
  });

  it('stores the key\'s hash, never the key, and leaves both out of the audit trail', async () => {
    const created = await create({ holder: 'planning office app', role: 'EDITOR' });
    const id = Buffer.from(created.apiKey.id, 'base64').toString().split(':')[1]!;
    const row = await api.db.prisma.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.keyHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);
    // Nowhere in the table: no column was added that keeps it.
    const [{ n }] = await api.db.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "ApiKey" k WHERE position($1 in row_to_json(k)::text) > 0`,
      created.key,
    ) as [{ n: number }];
    expect(n).toBe(0);

    const events = await api.db.prisma.auditEvent.findMany({ where: { recordId: id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'create', recordType: 'ApiKey', holder: 'key office', role: 'ADMIN', recordCode: row.prefix });
    const logged = JSON.stringify(events[0]);
    expect(logged).not.toContain(created.key);
    expect(logged).not.toContain(row.keyHash);
    expect(events[0]!.after).toMatchObject({ holder: 'planning office app', role: 'EDITOR', prefix: row.prefix });
  });

  it('the schema has no field that could expose a key\'s hash', async () => {
    const result = await api.data<{ __type: { fields: { name: string }[] } }>(`{ __type(name: "ApiKey") { fields { name } } }`);
    const names = result.__type.fields.map((f) => f.name).sort();
    expect(names).toEqual(['createdAt', 'createdBy', 'expiresAt', 'holder', 'id', 'isActive', 'lastUsedAt', 'prefix', 'revokedAt', 'role']);
  });

  it('a revoked key is refused with 401, the revocation is audited, and revoking again is a ConflictError', async () => {
    const created = await create({ holder: 'retired importer', role: 'ANALYST' });
    expect((await api.execute(VIEWER, {}, bearer(created.key))).status).toBe(200);

    const revoked = await revoke(created.apiKey.id);
    expect(revoked).toMatchObject({ __typename: 'RevokeApiKeySuccess', apiKey: { id: created.apiKey.id, isActive: false } });
    expect(revoked.apiKey.revokedAt).not.toBeNull();

    const refused = await api.execute(VIEWER, {}, bearer(created.key));
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]).toMatchObject({ message: 'The API key has been revoked.', extensions: { code: 'UNAUTHENTICATED' } });

    const id = Buffer.from(created.apiKey.id, 'base64').toString().split(':')[1]!;
    const before = await api.db.prisma.auditEvent.count({ where: { recordId: id } });
    expect(await revoke(created.apiKey.id)).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    const events = await api.db.prisma.auditEvent.findMany({ where: { recordId: id }, orderBy: { occurredAt: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['create', 'revoke']);
    expect(events).toHaveLength(before);
    expect(events[1]!.before).toMatchObject({ revokedAt: null });
    expect((events[1]!.after as { revokedAt: string }).revokedAt).toBeTruthy();
    expect(JSON.stringify(events)).not.toContain(hashApiKey(created.key));
  });

  it('revoking a key that does not exist is a NotFoundError', async () => {
    const id = Buffer.from('ApiKey:00000000-0000-7000-8000-000000000000').toString('base64');
    expect(await revoke(id)).toMatchObject({ __typename: 'NotFoundError', recordType: 'ApiKey' });
  });

  it('an expired key is refused with 401; a key cannot be created already expired', async () => {
    const { key } = await createApiKey(api.db.prisma, { holder: 'old script', role: 'ANALYST', expiresAt: new Date(Date.now() - 1000) });
    const refused = await api.execute(VIEWER, {}, bearer(key));
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]).toMatchObject({ message: 'The API key has expired.', extensions: { code: 'UNAUTHENTICATED' } });

    const count = await api.db.prisma.apiKey.count();
    const result = await create({ holder: 'late', role: 'ANALYST', expiresAt: '2001-01-01T00:00:00Z' });
    expect(result).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'expiresAt'], message: 'must be in the future' }] });
    expect(await create({ holder: '   ', role: 'ANALYST' })).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'holder'] }] });
    expect(await api.db.prisma.apiKey.count()).toBe(count);

    const later = new Date(Date.now() + 3_600_000).toISOString();
    const expiring = await create({ holder: 'visiting auditor', role: 'ANALYST', expiresAt: later });
    expect(expiring.apiKey).toMatchObject({ expiresAt: later, isActive: true });
    expect((await api.execute(VIEWER, {}, bearer(expiring.key))).status).toBe(200);
  });

  it('records when a key was last used', async () => {
    const created = await create({ holder: 'dashboard', role: 'ANALYST' });
    await api.execute(VIEWER, {}, bearer(created.key));
    const id = Buffer.from(created.apiKey.id, 'base64').toString().split(':')[1]!;
    // The touch is not awaited by the request; give it a moment.
    for (let i = 0; i < 50 && !(await api.db.prisma.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const list = await api.execute(LIST, { filter: { holder: 'dashboard' } }, admin);
    expect(list.data!.apiKeys.nodes[0].lastUsedAt).not.toBeNull();
  });

  it('lists keys newest first, by role and holder, revoked ones only when asked', async () => {
    const a = await create({ holder: 'List Test', role: 'PARTNER' });
    const b = await create({ holder: 'list test', role: 'ANALYST' });
    const c = await create({ holder: 'list test', role: 'PARTNER' });
    await revoke(c.apiKey.id);

    const byHolder = await api.execute(LIST, { filter: { holder: 'list test' } }, admin);
    expect(byHolder.errors).toBeUndefined();
    expect(byHolder.data!.apiKeys.totalCount).toBe(2);
    expect(byHolder.data!.apiKeys.nodes.map((k: { id: string }) => k.id)).toEqual([b.apiKey.id, a.apiKey.id]);

    const withRevoked = await api.execute(LIST, { filter: { holder: 'list test', includeRevoked: true } }, admin);
    expect(withRevoked.data!.apiKeys.nodes.map((k: { id: string }) => k.id)).toEqual([c.apiKey.id, b.apiKey.id, a.apiKey.id]);

    const partners = await api.execute(LIST, { filter: { holder: 'list test', role: 'PARTNER', includeRevoked: true } }, admin);
    expect(partners.data!.apiKeys.nodes.map((k: { id: string }) => k.id)).toEqual([c.apiKey.id, a.apiKey.id]);

    const page = await api.execute(LIST, { first: 1 }, admin);
    expect(page.data!.apiKeys.nodes).toHaveLength(1);
    expect(page.data!.apiKeys.totalCount).toBe(await api.db.prisma.apiKey.count({ where: { revokedAt: null } }));
  });

  it('only administrators create, list, revoke or read keys', async () => {
    const target = await create({ holder: 'protected', role: 'PARTNER' });
    const keys = await api.db.prisma.apiKey.count();
    const events = await api.db.prisma.auditEvent.count();
    for (const [who, headers] of others) {
      await expectForbidden(api, headers, 'createApiKey', 'CreateApiKeyInput', { holder: `made by ${who}`, role: 'ADMIN' }, who);
      await expectForbidden(api, headers, 'revokeApiKey', 'RevokeApiKeyInput', { id: target.apiKey.id }, who);

      const list = await api.execute(LIST, {}, headers);
      expect(list.data ?? null, who).toBeNull(); // refused before execution: no data at all
      expect(list.errors?.[0]?.extensions, who).toMatchObject({ code: 'FORBIDDEN' });

      const node = await api.execute(`query ($id: ID!) { node(id: $id) { ... on ApiKey { holder } } }`, { id: target.apiKey.id }, headers);
      expect(node.data?.node ?? null, who).toBeNull();
      expect(JSON.stringify(node.data)).not.toContain('protected');
    }
    expect(await api.db.prisma.apiKey.count()).toBe(keys);
    expect(await api.db.prisma.auditEvent.count()).toBe(events);
    const asAdmin = await api.execute(`query ($id: ID!) { node(id: $id) { ... on ApiKey { holder } } }`, { id: target.apiKey.id }, admin);
    expect(asAdmin.data).toEqual({ node: { holder: 'protected' } });
    expect((await api.execute(VIEWER, {}, bearer(target.key))).status).toBe(200);
  });

  it('viewer tells anonymous callers and every role who they are', async () => {
    expect((await api.data(VIEWER)).viewer).toEqual({ holder: 'anonymous', role: null, sees: ['PUBLIC'] });
    const seen = [];
    for (const role of ['PARTNER', 'ANALYST', 'EDITOR', 'ADMIN'] as const) {
      const { key } = await createApiKey(api.db.prisma, { holder: `${role} desk`, role });
      seen.push((await api.execute(VIEWER, {}, bearer(key))).data!.viewer);
    }
    expect(seen).toEqual([
      { holder: 'PARTNER desk', role: 'PARTNER', sees: ['PUBLIC'] },
      { holder: 'ANALYST desk', role: 'ANALYST', sees: ['PUBLIC', 'INTERNAL'] },
      { holder: 'EDITOR desk', role: 'EDITOR', sees: ['PUBLIC', 'INTERNAL', 'RESTRICTED'] },
      { holder: 'ADMIN desk', role: 'ADMIN', sees: ['PUBLIC', 'INTERNAL', 'RESTRICTED'] },
    ]);
  });
});

describe('pnpm keys:create', () => {
  const root = join(import.meta.dirname, '..', '..', '..');

  it('creates a working key from the shell and prints it alone on the last line; only its hash is stored', async () => {
    // On PostgreSQL the command writes to a test database; on PGlite to a
    // folder of its own, opened here once the command has let go of it.
    const onPostgres = Boolean(process.env.DATABASE_URL);
    const server = onPostgres ? await createTestDatabase() : undefined;
    const folder = onPostgres ? undefined : await mkdtemp(join(tmpdir(), 'zonegraph-keys-'));
    const { DATABASE_URL: _unused, PGLITE_DIR: _unused2, ...env } = process.env;
    const target = server ? { DATABASE_URL: (server.target as { url: string }).url } : { PGLITE_DIR: folder! };
    let db: Database | undefined;
    try {
      const { stdout } = await promisify(execFile)('pnpm', ['keys:create', '--role', 'admin', '--holder', 'first admin'], {
        cwd: root,
        env: { ...env, ...target },
      });
      const lines = stdout.trimEnd().split('\n');
      const key = lines.at(-1)!;
      expect(key).toMatch(/^zg_[A-Za-z0-9_-]{43}$/);

      db = server ?? (await openDatabase({ kind: 'pglite', dataDir: folder! }));
      const rows = await db.prisma.apiKey.findMany();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ holder: 'first admin', role: 'ADMIN', createdBy: 'shell', keyHash: hashApiKey(key) });
      expect(JSON.stringify(rows)).not.toContain(key);

      // The key works, as an administrator's.
      const app = createApp({ db, logger: createLogger('silent') });
      const response = await app.fetch('http://zonegraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: '{ viewer { holder role } apiKeys { totalCount } }' }),
      });
      expect(await response.json()).toMatchObject({ data: { viewer: { holder: 'first admin', role: 'ADMIN' }, apiKeys: { totalCount: 1 } } });
    } finally {
      if (server) await server.close();
      else await db?.close();
      if (folder) await rm(folder, { recursive: true, force: true });
    }
  });
});
