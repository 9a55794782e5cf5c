import { openDatabase, type Database, type OpenOptions } from './client.ts';
import { applyMigrations, pendingMigrations } from './migrations/index.ts';
import { seed } from './seed/index.ts';
import type { DatabaseTarget } from './target.ts';

export interface PrepareOptions extends OpenOptions {
  /**
   * Apply pending migrations (default true). When false, a database with
   * migrations not yet applied is refused with a PendingMigrationsError.
   */
  migrate?: boolean;
  /** Load the seed when the database holds no programme yet (default true). */
  seedIfEmpty?: boolean;
  log?: (message: string) => void;
}

/** The database lacks migrations this code needs, and starting was not allowed to apply them. */
export class PendingMigrationsError extends Error {
  constructor(readonly pending: string[]) {
    super(
      `the database has ${pending.length} migration${pending.length === 1 ? '' : 's'} not yet applied: ${pending.join(', ')}. ` +
        'Apply them first with `pnpm db:migrate` (or `zonegraph db migrate`), or start with MIGRATE_ON_START=true.',
    );
    this.name = 'PendingMigrationsError';
  }
}

/**
 * Opens a database ready to serve: migrated, and seeded the first time. This
 * is what makes the embedded default zero-setup; a PostgreSQL server gets the
 * same treatment, and a seeded one is left as it is.
 */
export async function prepareDatabase(target: DatabaseTarget, options: PrepareOptions = {}): Promise<Database> {
  const log = options.log ?? (() => {});
  const db = await openDatabase(target, options);
  try {
    if (options.migrate !== false) {
      const applied = await applyMigrations(db);
      if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
    } else {
      const pending = await pendingMigrations(db);
      if (pending.length > 0) throw new PendingMigrationsError(pending);
    }
    if (options.seedIfEmpty !== false && (await db.prisma.programme.count()) === 0) {
      const summary = await seed(db.prisma);
      log(`seeded: ${Object.entries(summary).map(([model, n]) => `${n} ${model}`).join(', ')}`);
    }
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
