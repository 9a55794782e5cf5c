import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type RunningApi } from '@zonegraph/api/testing';
import { checkApiKey, createApiKey, openDatabase } from '@zonegraph/db';
import { zonegraph } from './support/cli.ts';

let api: RunningApi;
let adminEnv: Record<string, string>;

beforeAll(async () => {
  api = await startApi();
  const { key } = await createApiKey(api.db.prisma, { holder: 'Zone IT', role: 'ADMIN' });
  adminEnv = { ZONEGRAPH_URL: api.url, ZONEGRAPH_API_KEY: key };
});

afterAll(async () => {
  await api?.close();
});

describe('zonegraph keys', () => {
  test('create prints the key alone on stdout; the key works, with its role', async () => {
    const { code, stdout, stderr } = await zonegraph(['keys', 'create', '--role', 'Analyst', '--holder', 'Statistics bureau'], adminEnv);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^zg_\S+\n$/);
    expect(stderr).toMatch(/^created analyst key zg_\S+… for Statistics bureau; it is shown once, store it now:\n$/);
    const key = stdout.trim();
    const record = await api.db.prisma.apiKey.findFirstOrThrow({ where: { holder: 'Statistics bureau' } });
    expect(record.role).toBe('ANALYST');
    expect(record.createdBy).toBe('Zone IT');
    // Only its hash is stored.
    expect(JSON.stringify(record)).not.toContain(key);
    const used = await zonegraph(['projects', 'list', '--first', '1', '--json'], { ZONEGRAPH_URL: api.url, ZONEGRAPH_API_KEY: key });
    expect(used.code).toBe(0);
  });

  test('list shows holders, roles and states, never the keys', async () => {
    const { key } = await createApiKey(api.db.prisma, { holder: 'Partner portal', role: 'PARTNER' });
    const { code, stdout } = await zonegraph(['keys', 'list'], adminEnv);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^PREFIX\s+HOLDER\s+ROLE\s+STATE\s+CREATED\s+EXPIRES\s+LAST USED\n/);
    expect(stdout).toMatch(/\nzg_\S+\s+Partner portal\s+PARTNER\s+active\s+\d{4}-\d{2}-\d{2}\s+-\s+-\n/);
    expect(stdout).not.toContain(key);
    const json = JSON.parse((await zonegraph(['keys', 'list', '--json', '--role', 'partner'], adminEnv)).stdout) as { holder: string; role: string }[];
    expect(json.map((k) => k.holder)).toEqual(['Partner portal']);
  });

  test('revoke by prefix: the key stops working at once, and revoking again is an error', async () => {
    const created = await zonegraph(['keys', 'create', '--role', 'editor', '--holder', 'Temp editor', '--json'], adminEnv);
    const { key, apiKey } = JSON.parse(created.stdout) as { key: string; apiKey: { prefix: string } };
    const revoked = await zonegraph(['keys', 'revoke', apiKey.prefix], adminEnv);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toBe(`revoked editor key ${apiKey.prefix}… of Temp editor\n`);
    const refused = await zonegraph(['projects', 'list'], { ZONEGRAPH_URL: api.url, ZONEGRAPH_API_KEY: key });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('UNAUTHENTICATED');
    const again = await zonegraph(['keys', 'revoke', apiKey.prefix], adminEnv);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^zonegraph: CONFLICT: .*already revoked/);
    expect((await zonegraph(['keys', 'list'], adminEnv)).stdout).not.toContain('Temp editor');
    expect((await zonegraph(['keys', 'list', '--all'], adminEnv)).stdout).toMatch(/Temp editor\s+EDITOR\s+revoked/);
  });

  test('only an admin key may manage keys (exit 1, FORBIDDEN)', async () => {
    const { key } = await createApiKey(api.db.prisma, { holder: 'an editor', role: 'EDITOR' });
    const env = { ZONEGRAPH_URL: api.url, ZONEGRAPH_API_KEY: key };
    const create = await zonegraph(['keys', 'create', '--role', 'admin', '--holder', 'me'], env);
    expect(create.code).toBe(1);
    expect(create.stderr).toMatch(/^zonegraph: FORBIDDEN: /);
    expect((await zonegraph(['keys', 'list'], env)).stderr).toContain('FORBIDDEN');
  });

  test('usage errors: a role that does not exist, a missing holder, a bad day, an unknown prefix', async () => {
    const badRole = await zonegraph(['keys', 'create', '--role', 'boss', '--holder', 'x'], adminEnv);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('"boss" is not a role; roles: partner, analyst, editor, admin');
    expect((await zonegraph(['keys', 'create', '--role', 'admin'], adminEnv)).code).toBe(2);
    expect((await zonegraph(['keys', 'create', '--role', 'admin', '--holder', 'x', '--expires', '2020-13-01'], adminEnv)).code).toBe(2);
    const unknown = await zonegraph(['keys', 'revoke', 'zg_nosuchkey'], adminEnv);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no API key has the ID or prefix "zg_nosuchkey"');
  });
});

describe('zonegraph db and keys create --direct, on a new embedded database', () => {
  const env = { PGLITE_DIR: mkdtempSync(join(tmpdir(), 'zonegraph-cli-db-')) };

  test('status before migrating lists pending migrations and exits 5; migrate applies them; then status exits 0', async () => {
    const before = await zonegraph(['db', 'status'], env);
    expect(before.code).toBe(5);
    expect(before.stderr).toContain(`PGlite at ${env.PGLITE_DIR}`);
    expect(before.stdout).toMatch(/^STATE\s+MIGRATION\npending\s+\d+_\w+/);
    expect(before.stderr).toMatch(/zonegraph: \d+ pending, 0 failed: run `zonegraph db migrate`/);

    const migrate = await zonegraph(['db', 'migrate'], env);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toMatch(/^applied \d+ migrations?:\n/);
    expect((await zonegraph(['db', 'migrate'], env)).stdout).toBe('already up to date\n');

    const after = await zonegraph(['db', 'status', '--json'], env);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toMatchObject({ upToDate: true, pending: [], failed: [] });
  }, 120_000);

  test('seed loads the programme; a second run writes nothing', async () => {
    const first = await zonegraph(['db', 'seed'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/seeded: \d+ created, 0 updated\n$/);
    const second = await zonegraph(['db', 'seed', '--json'], env);
    const result = JSON.parse(second.stdout) as { records: Record<string, number>; changes: Record<string, { created: number; updated: number }> };
    expect(result.records['projects']).toBe(18);
    expect(Object.values(result.changes).every((c) => c.created === 0 && c.updated === 0)).toBe(true);
  }, 120_000);

  test('keys create --direct writes the first admin key to the database, hashed', async () => {
    const { code, stdout } = await zonegraph(['keys', 'create', '--direct', '--role', 'admin', '--holder', 'Zone IT'], env);
    expect(code).toBe(0);
    const key = stdout.trim();
    const db = await openDatabase({ kind: 'pglite', dataDir: env.PGLITE_DIR });
    try {
      const check = await checkApiKey(db.prisma, key);
      expect(check).toMatchObject({ ok: true });
      const stored = await db.prisma.apiKey.findFirstOrThrow({ where: { holder: 'Zone IT' } });
      expect(stored.createdBy).toBe('shell');
      expect(stored.keyHash).not.toContain(key);
    } finally {
      await db.close();
    }
  }, 60_000);

  test('a PostgreSQL server that is not there exits 3', async () => {
    const { code, stderr } = await zonegraph(['db', 'status', '--database-url', 'postgresql://postgres@127.0.0.1:1/nothing'], {});
    expect(code).toBe(3);
    expect(stderr).toContain('PostgreSQL at postgresql://postgres@127.0.0.1:1/nothing');
    expect(stderr).toMatch(/zonegraph: cannot reach PostgreSQL at \S+: Can't reach database server at `127.0.0.1:1`\n$/);
  }, 60_000);
});
