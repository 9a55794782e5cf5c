import { readdirSync } from 'node:fs';
import type { Database } from '../client.ts';
import { migrationsDir } from './engine.ts';

/**
 * The migration folders this code ships that the database has not finished
 * applying, read from `_prisma_migrations` with one query: cheap enough for a
 * readiness probe, unlike `migrationStatus`, which starts the schema engine.
 */
export async function unappliedMigrations(db: Database): Promise<string[]> {
  const local = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const exists = await db.prisma.$queryRaw<{ found: boolean }[]>`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS found`;
  if (!exists[0]?.found) return local;
  const applied = await db.prisma.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(applied.map((row) => row.migration_name));
  return local.filter((name) => !done.has(name));
}
