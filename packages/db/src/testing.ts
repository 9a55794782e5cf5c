import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type OpenOptions } from './client.ts';
import { applyMigrations } from './migrations/index.ts';
import { seed } from './seed/index.ts';
import type { DatabaseTarget } from './target.ts';

export interface TestDatabase extends Database {
  /** Deletes everything and loads the seed again. */
  reseed(): Promise<void>;
}

/**
 * A migrated (unless told not), empty database of its own for one test file: an in-memory PGlite
 * by default, or a new database on the server named by DATABASE_URL (dropped
 * again on close), so that test files never see each other's writes.
 */
export async function createTestDatabase(options: OpenOptions & { seeded?: boolean; migrated?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  let target: DatabaseTarget = { kind: 'pglite', dataDir: 'memory://' };
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `zonegraph_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    target = { kind: 'postgres', url: url.toString() };
    dropDatabase = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  const db = await openDatabase(target, options);
  if (options.migrated !== false) await applyMigrations(db);
  if (options.seeded) await seed(db.prisma);
  return {
    ...db,
    async reseed() {
      await truncateAll(db);
      await seed(db.prisma);
    },
    async close() {
      await db.close();
      await dropDatabase();
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function truncateAll(db: Database): Promise<void> {
  const tables = await db.prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const list = tables.map((t) => `"public"."${t.tablename}"`).join(', ');
  await db.prisma.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}
