import { Command, Option } from 'commander';
import type { Database, DatabaseTarget } from '@zonegraph/db';
import { CommandFailed, UsageError } from '../errors.ts';
import { ExitCode } from '../exit-codes.ts';
import type { CliIo } from '../io.ts';
import { renderTable } from '../output/table.ts';
import { backupCommands } from './db-backup.ts';

// These commands work on the database itself through packages/db, not through
// the API: for whoever runs the server. @zonegraph/db (Prisma, PGlite) is
// loaded only when one of them runs, so the API commands start quickly.
const loadDb = () => import('@zonegraph/db');

interface DbOptions {
  databaseUrl?: string;
  json?: boolean;
}

export const databaseOption = () =>
  new Option('--database-url <url>', 'PostgreSQL connection string (default: $DATABASE_URL, else the embedded database in $PGLITE_DIR or .data/pglite)');

/** Opens the database these options and the environment name, runs `work`, and closes it. */
export async function withDatabase<T>(io: CliIo, options: DbOptions, work: (db: Database, target: DatabaseTarget) => Promise<T>): Promise<T> {
  const { describeTarget, openDatabase, targetFromEnv } = await loadDb();
  let target: DatabaseTarget;
  try {
    target = targetFromEnv({ ...io.env, ...(options.databaseUrl && { DATABASE_URL: options.databaseUrl }) });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // Which database, on stderr: stdout holds only results. Never the password.
  io.stderr.write(`${describeTarget(target)}\n`);
  let db: Database;
  try {
    db = await openDatabase(target);
  } catch (error) {
    throw new CommandFailed(ExitCode.unreachable, [`cannot open ${describeTarget(target)}: ${(error as Error).message}`]);
  }
  try {
    return await work(db, target);
  } catch (error) {
    if (isConnectionFailure(error)) throw new CommandFailed(ExitCode.unreachable, [`cannot reach ${describeTarget(target)}: ${firstLine(error)}`]);
    throw error;
  } finally {
    await db.close();
  }
}

const firstLine = (error: unknown) => ((error as Error).message ?? String(error)).split('\n')[0];

/** PostgreSQL not listening, or not resolvable: the database is unreachable, not in error. */
function isConnectionFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ETIMEDOUT' || code === 'P1001') return true;
    // Prisma's schema engine (migrations) reports it in words only.
    if (/ECONNREFUSED|ENOTFOUND|Can't reach database server/.test(current.message)) return true;
  }
  return false;
}

export function dbCommand(io: CliIo): Command {
  const db = new Command('db').description('the database itself: migrations and the seed (on $DATABASE_URL, or the embedded database)');

  const migrate = new Command('migrate').description('apply the migrations not yet applied');
  const status = new Command('status').description('list the migrations: applied, pending or failed; exit 5 when not up to date');
  const seed = new Command('seed').description('load the seeded programme (migrating first); a second run writes nothing');
  for (const command of [migrate, status, seed]) command.addOption(databaseOption()).option('--json', 'print the result as JSON');

  migrate.action(async (options: DbOptions) => {
    const { applyMigrations } = await loadDb();
    const applied = await withDatabase(io, options, (database) => applyMigrations(database));
    if (options.json) io.stdout.write(`${JSON.stringify({ applied }, null, 2)}\n`);
    else io.stdout.write(applied.length ? `applied ${applied.length} migration${applied.length === 1 ? '' : 's'}:\n${applied.map((m) => `  ${m}\n`).join('')}` : 'already up to date\n');
  });

  status.action(async (options: DbOptions) => {
    const { migrationStatus } = await loadDb();
    const result = await withDatabase(io, options, (database) => migrationStatus(database));
    const state = (name: string) => (result.failed.includes(name) ? 'failed' : result.pending.includes(name) ? 'pending' : 'applied');
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ upToDate: !result.pending.length && !result.failed.length, ...result }, null, 2)}\n`);
    } else {
      io.stdout.write(
        renderTable(
          [{ header: 'STATE' }, { header: 'MIGRATION' }],
          result.local.map((name) => [state(name), `${name}${result.edited.includes(name) ? ' (edited since applied)' : ''}`]),
        ),
      );
    }
    if (result.pending.length || result.failed.length) {
      throw new CommandFailed(ExitCode.notUpToDate, [
        `${result.pending.length} pending, ${result.failed.length} failed: run \`zonegraph db migrate\``,
      ]);
    }
  });

  seed.action(async (options: DbOptions) => {
    const { applyMigrations, seed: load } = await loadDb();
    let changes: Record<string, { created: number; updated: number }> = {};
    const summary = await withDatabase(io, options, async (database) => {
      await applyMigrations(database);
      return load(database.prisma, { onChanges: (c) => (changes = c) });
    });
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ records: summary, changes }, null, 2)}\n`);
      return;
    }
    const created = Object.values(changes).reduce((n, c) => n + c.created, 0);
    const updated = Object.values(changes).reduce((n, c) => n + c.updated, 0);
    io.stdout.write(
      renderTable(
        [{ header: 'RECORDS' }, { header: 'SEEDED' }, { header: 'CREATED' }, { header: 'UPDATED' }],
        Object.entries(summary).map(([model, count]) => [model, String(count), String(changes[model]?.created ?? 0), String(changes[model]?.updated ?? 0)]),
      ),
    );
    io.stdout.write(created || updated ? `seeded: ${created} created, ${updated} updated\n` : 'already seeded: nothing written\n');
  });

  db.addCommand(migrate).addCommand(status).addCommand(seed);
  for (const command of backupCommands(io)) db.addCommand(command);
  return db;
}
