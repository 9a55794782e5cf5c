import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminSession, Database } from '../src/client.ts';
import {
  applyMigrations,
  applyMigrationsWithEngine,
  FailedMigrationError,
  localMigrations,
  migrationStatus,
  pendingMigrations,
} from '../src/migrations/index.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

interface Bookkeeping {
  migration_name: string;
  checksum: string;
  applied_steps_count: number;
  logs: string | null;
  rolled_back_at: Date | null;
  finished: boolean;
  in_order: boolean;
}

const bookkeeping = (db: Database) =>
  db.prisma.$queryRaw<Bookkeeping[]>`
    SELECT migration_name, checksum, applied_steps_count, logs, rolled_back_at,
           finished_at IS NOT NULL AS finished, started_at <= finished_at AS in_order
    FROM _prisma_migrations ORDER BY migration_name`;

/** What the migrations built: every column, index, constraint and trigger. */
const schemaOf = (db: Database) =>
  db.prisma.$queryRaw<{ item: string }[]>`
    SELECT item FROM (
      SELECT format('column %s.%s %s %s %s', table_name, column_name, data_type, is_nullable, column_default) AS item
        FROM information_schema.columns WHERE table_schema = 'public'
      UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
      UNION ALL SELECT format('constraint %s %s', conname, pg_get_constraintdef(oid)) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
      UNION ALL SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
    ) AS everything ORDER BY item`;

describe('applying migrations directly, without the schema engine', () => {
  let direct: TestDatabase;
  let engine: TestDatabase;
  beforeAll(async () => {
    [direct, engine] = await Promise.all([createTestDatabase({ migrated: false }), createTestDatabase({ migrated: false })]);
  });
  afterAll(() => Promise.all([direct?.close(), engine?.close()]));

  it('applies every folder, and then the schema engine finds nothing pending, failed or edited', async () => {
    const local = await localMigrations();
    expect(await pendingMigrations(direct)).toEqual(local);
    expect(await applyMigrations(direct)).toEqual(local);

    // The engine compares each applied file's checksum: an edited one would mean ours differs.
    expect(await migrationStatus(direct)).toEqual({ local, pending: [], failed: [], edited: [] });
    expect(await applyMigrationsWithEngine(direct)).toEqual([]);
  });

  it('sees nothing pending on a database the schema engine migrated', async () => {
    const local = await localMigrations();
    expect(await applyMigrationsWithEngine(engine)).toEqual(local);
    expect(await pendingMigrations(engine)).toEqual([]);
    expect(await applyMigrations(engine)).toEqual([]);
  });

  it('keeps the same bookkeeping and builds the same schema as the engine', async () => {
    const ours = await bookkeeping(direct);
    expect(ours).toEqual(await bookkeeping(engine));
    expect(ours.every((row) => row.finished && row.in_order && row.applied_steps_count === 1 && row.logs === null)).toBe(true);
    expect(await schemaOf(direct)).toEqual(await schemaOf(engine));
  });

  it('checks an up-to-date database with one query and writes nothing', async () => {
    const calls: string[] = [];
    const counted: Database = {
      ...direct,
      async adminSession(): Promise<AdminSession> {
        const session = await direct.adminSession();
        return {
          query: (sql, params) => (calls.push(sql), session.query(sql, params)),
          exec: (script) => (calls.push(script), session.exec(script)),
          close: () => session.close(),
        };
      },
    };
    expect(await applyMigrations(counted)).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^SELECT/);
  });
});

describe('a migration that fails', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    dir = mkdtempSync(join(tmpdir(), 'zonegraph-migrations-'));
    const write = (name: string, sql: string) => {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'migration.sql'), sql);
    };
    write('20260101000000_good', 'CREATE TABLE "Good" ("id" INTEGER PRIMARY KEY);\n');
    // A PL/pgSQL body with semicolons inside, then a statement that fails.
    write(
      '20260102000000_bad',
      `CREATE TABLE "Half" ("id" INTEGER);
CREATE FUNCTION half_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.id := NEW.id + 1; RETURN NEW; END; $$;
SELECT 1 / 0;
`,
    );
    write('20260103000000_after', 'CREATE TABLE "After" ("id" INTEGER);\n');
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves nothing of itself behind, is recorded as failed with the error, and stops the rest', async () => {
    await expect(applyMigrations(db, { dir })).rejects.toThrow(/20260102000000_bad failed: division by zero/);
    const tables = await db.prisma.$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;
    expect(tables.map((t) => t.tablename)).toEqual(['Good']);
    const rows = await bookkeeping(db);
    expect(rows.map((r) => [r.migration_name, r.finished, r.applied_steps_count])).toEqual([
      ['20260101000000_good', true, 1],
      ['20260102000000_bad', false, 0],
    ]);
    expect(rows[1]!.logs).toContain('division by zero');
  });

  it('is refused on the next attempt, as Prisma refuses it, naming the migration', async () => {
    await expect(pendingMigrations(db, { dir })).rejects.toThrow(FailedMigrationError);
    await expect(applyMigrations(db, { dir })).rejects.toThrow(/20260102000000_bad failed on this database earlier/);
  });
});

describe.runIf(process.env.DATABASE_URL)('two processes migrating one PostgreSQL database at once', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
  });
  afterAll(() => db?.close());

  it('applies each migration once: the second waits for the first and finds nothing left', async () => {
    // Each call opens its own connection, as two API instances starting together would.
    const results = await Promise.all([applyMigrations(db), applyMigrations(db), applyMigrations(db)]);
    const local = await localMigrations();
    expect(results.flat().sort()).toEqual(local);
    expect((await bookkeeping(db)).map((row) => row.migration_name)).toEqual(local);
  });
});
