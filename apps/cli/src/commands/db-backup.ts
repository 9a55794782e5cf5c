import { resolve } from 'node:path';
import { Command } from 'commander';
import type { DatabaseTarget } from '@zonegraph/db';
import { CommandFailed, UsageError } from '../errors.ts';
import { ExitCode } from '../exit-codes.ts';
import type { CliIo } from '../io.ts';
import { databaseOption, withDatabase } from './db.ts';

const loadDb = () => import('@zonegraph/db');

interface Options {
  databaseUrl?: string;
  force?: boolean;
  to?: string;
}

async function targetOf(io: CliIo, options: Options): Promise<DatabaseTarget> {
  const { describeTarget, targetFromEnv } = await loadDb();
  try {
    const target = targetFromEnv({ ...io.env, ...(options.databaseUrl && { DATABASE_URL: options.databaseUrl }) });
    io.stderr.write(`${describeTarget(target)}\n`);
    return target;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Turns the library's refusals into exit statuses and one-line messages. */
async function reported<T>(work: () => Promise<T>): Promise<T> {
  const { BackupToolError, DatabaseInUseError, TargetNotEmptyError } = await loadDb();
  try {
    return await work();
  } catch (error) {
    if (error instanceof TargetNotEmptyError) throw new CommandFailed(ExitCode.rejected, [error.message]);
    if (error instanceof BackupToolError || error instanceof DatabaseInUseError) throw new CommandFailed(ExitCode.apiError, [error.message]);
    throw error;
  }
}

/** `zonegraph db backup FILE`, `zonegraph db restore FILE [--force]` and `zonegraph db copy --to URL [--force]`. */
export function backupCommands(io: CliIo): Command[] {
  const backup = new Command('backup')
    .description('write a backup of the database to FILE: pg_dump custom format on PostgreSQL, a gzipped dump of the folder for the embedded database')
    .argument('<file>', 'where to write the backup')
    .addOption(databaseOption())
    .action(async (file: string, options: Options) => {
      const { backupDatabase } = await loadDb();
      const target = await targetOf(io, options);
      await reported(() => backupDatabase(target, resolve(file)));
      io.stdout.write(`backed up to ${file}\n`);
    });
  const restore = new Command('restore')
    .description('restore a backup written by `db backup` into an empty database (the same kind as the backup); exit 4 when the target holds data, unless --force')
    .argument('<file>', 'the backup to restore')
    .addOption(databaseOption())
    .option('--force', 'replace what the target holds (PostgreSQL: drop and recreate; embedded: move the folder aside)')
    .action(async (file: string, options: Options) => {
      const { restoreDatabase } = await loadDb();
      const target = await targetOf(io, options);
      await reported(() => restoreDatabase(target, resolve(file), { force: Boolean(options.force) }));
      io.stdout.write(`restored from ${file}\n`);
    });
  const copy = new Command('copy')
    .description('copy every table of this database (the embedded one unless --database-url) into the PostgreSQL database --to; exit 4 when that one holds rows, unless --force')
    .requiredOption('--to <url>', 'the PostgreSQL database to fill, e.g. postgresql://zonegraph@db.internal:5432/zonegraph')
    .addOption(databaseOption())
    .option('--force', 'delete what the target holds first')
    .action(async (options: Options) => {
      const { copyDatabase, describeTarget } = await loadDb();
      if (!/^postgres(ql)?:\/\//.test(options.to ?? '')) throw new UsageError('--to must be a PostgreSQL connection string, e.g. postgresql://user@host:5432/zonegraph');
      const to = { kind: 'postgres' as const, url: options.to! };
      const { rows } = await withDatabase(io, options, (db) => reported(() => copyDatabase(db, to, { force: Boolean(options.force) })));
      const total = Object.values(rows).reduce((n, r) => n + r, 0);
      io.stdout.write(`copied ${total} rows in ${Object.keys(rows).length} tables to ${describeTarget(to)}\n`);
    });
  return [backup, restore, copy];
}
