import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '@zonegraph/db';
import { zonegraph } from './support/cli.ts';

let dir: string;
let embedded: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonegraph-cli-backup-'));
  embedded = { PGLITE_DIR: join(dir, 'pglite') };
  const seeded = await zonegraph(['db', 'seed'], embedded);
  expect(seeded.code, seeded.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const projects = async (env: Record<string, string>) => {
  const db = await openDatabase(env['DATABASE_URL'] ? { kind: 'postgres', url: env['DATABASE_URL'] } : { kind: 'pglite', dataDir: env['PGLITE_DIR']! });
  try {
    return await db.prisma.project.count();
  } finally {
    await db.close();
  }
};

describe('zonegraph db backup / restore', () => {
  test('backs up the embedded database and restores it into an empty folder; refuses a folder with data (exit 4) unless --force', async () => {
    const file = join(dir, 'zonegraph.tar.gz');
    const backup = await zonegraph(['db', 'backup', file], embedded);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toBe(`backed up to ${file}\n`);
    expect(statSync(file).size).toBeGreaterThan(1000);

    const elsewhere = { PGLITE_DIR: join(dir, 'restored') };
    const restored = await zonegraph(['db', 'restore', file], elsewhere);
    expect(restored.code, restored.stderr).toBe(0);
    expect(await projects(elsewhere)).toBe(await projects(embedded));

    const refused = await zonegraph(['db', 'restore', file], elsewhere);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('--force');
    expect((await zonegraph(['db', 'restore', file, '--force'], elsewhere)).code).toBe(0);
  });
});

describe('zonegraph db copy', () => {
  test('refuses a --to that is not PostgreSQL (exit 2)', async () => {
    const { code, stderr } = await zonegraph(['db', 'copy', '--to', 'mysql://x'], embedded);
    expect(code).toBe(2);
    expect(stderr).toContain('--to must be a PostgreSQL connection string');
  });

  test.runIf(Boolean(process.env.DATABASE_URL))('copies the embedded database into an empty PostgreSQL database; refuses one with rows (exit 4) unless --force', async () => {
    const name = `zonegraph_cli_copy_${Math.random().toString(16).slice(2, 10)}`;
    const admin = async (sql: string) => {
      const server = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL! }, { poolSize: 1 });
      await server.prisma.$executeRawUnsafe(sql).finally(() => server.close());
    };
    await admin(`CREATE DATABASE "${name}"`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    try {
      const copied = await zonegraph(['db', 'copy', '--to', url.toString()], embedded);
      expect(copied.code, copied.stderr).toBe(0);
      expect(copied.stdout).toMatch(/^copied \d+ rows in \d+ tables to PostgreSQL/);
      expect(await projects({ DATABASE_URL: url.toString() })).toBe(await projects(embedded));
      const refused = await zonegraph(['db', 'copy', '--to', url.toString()], embedded);
      expect(refused.code).toBe(4);
      expect(refused.stderr).toContain('--force');
      expect((await zonegraph(['db', 'copy', '--to', url.toString(), '--force'], embedded)).code).toBe(0);
    } finally {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});
