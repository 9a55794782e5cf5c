import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AdminSession, Database } from '../client.ts';
import { migrationsDir } from './paths.ts';

// Applying migrations without Prisma's schema engine: instantiating its
// WebAssembly build costs seconds at every start, and for `migrate deploy` it
// only runs each pending migration.sql and records it. This does the same,
// with the same bookkeeping in `_prisma_migrations` (as the schema engine
// creates and fills it), so the engine and this agree on what is applied.

/** The schema engine's advisory lock key: the two never migrate one database at once. */
const MIGRATION_LOCK = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** A migration started on this database and never finished: Prisma refuses to go on (P3009), and so do we. */
export class FailedMigrationError extends Error {
  constructor(readonly migrations: string[]) {
    super(
      `migration${migrations.length > 1 ? 's' : ''} ${migrations.join(', ')} failed on this database earlier; ` +
        'look at its logs column in _prisma_migrations, repair the database, then mark it resolved (prisma migrate resolve).',
    );
    this.name = 'FailedMigrationError';
  }
}

export interface MigrationsOptions {
  /** The folder of migration folders; this package's prisma/migrations unless given (tests give their own). */
  dir?: string;
}

/** Every migration folder's name, in the order they apply. */
export async function localMigrations(dir = migrationsDir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

/** The folders this database has not applied: one query, and nothing written. */
export async function pendingMigrations(db: Database, { dir = migrationsDir }: MigrationsOptions = {}): Promise<string[]> {
  const session = await db.adminSession();
  try {
    const { pending } = await readState(session, dir);
    return pending;
  } finally {
    await session.close();
  }
}

/**
 * What `prisma migrate deploy` does, without the engine: applies every pending
 * migration folder in order, each file sent whole (one implicit transaction),
 * and records it in `_prisma_migrations`. Returns the names applied.
 */
export async function applyMigrationsDirectly(db: Database, { dir = migrationsDir }: MigrationsOptions = {}): Promise<string[]> {
  const session = await db.adminSession();
  try {
    // The common case, a database already up to date, costs one query.
    if ((await readState(session, dir)).pending.length === 0) return [];
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await session.exec(CREATE_TABLE);
      // Read again under the lock: another process may have migrated meanwhile.
      const { pending } = await readState(session, dir);
      for (const name of pending) await applyOne(session, dir, name);
      return pending;
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await session.close();
  }
}

async function readState(session: AdminSession, dir: string): Promise<{ pending: string[] }> {
  const local = await localMigrations(dir);
  let rows: AppliedRow[];
  try {
    rows = await session.query<AppliedRow>('SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"');
  } catch (error) {
    // 42P01: no such table, so a database no migration has touched.
    if ((error as { code?: string }).code === '42P01') return { pending: local };
    throw error;
  }
  const live = rows.filter((row) => row.rolled_back_at === null);
  const failed = live.filter((row) => row.finished_at === null).map((row) => row.migration_name);
  if (failed.length > 0) throw new FailedMigrationError(failed);
  const applied = new Set(live.map((row) => row.migration_name));
  return { pending: local.filter((name) => !applied.has(name)) };
}

async function applyOne(session: AdminSession, dir: string, name: string): Promise<void> {
  const script = await readFile(join(dir, name, 'migration.sql'));
  const id = randomUUID();
  await session.query('INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)', [
    id,
    createHash('sha256').update(script).digest('hex'),
    name,
  ]);
  try {
    await session.exec(script.toString('utf8'));
  } catch (error) {
    // As the engine does: the row stays unfinished, with the error in its logs.
    const message = error instanceof Error ? error.message : String(error);
    await session.query('UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1', [id, message]);
    throw new Error(`migration ${name} failed: ${message}`, { cause: error });
  }
  await session.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = applied_steps_count + 1 WHERE id = $1', [id]);
}
