import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from './client.ts';
import type { DatabaseTarget } from './target.ts';

/** A restore that would overwrite data, refused unless forced. */
export class TargetNotEmptyError extends Error {
  constructor(what: string) {
    super(`${what} already holds data; restoring would replace it. Pass --force to replace it anyway.`);
    this.name = 'TargetNotEmptyError';
  }
}

/** pg_dump or pg_restore failed, with what it said. */
export class BackupToolError extends Error {}

/**
 * Writes a backup of the database to `file`: `pg_dump`'s custom format for
 * PostgreSQL (restorable with pg_restore too), a gzipped tar of the data
 * folder for the embedded database (PGlite's own dump, restorable only by
 * PGlite of the same major version).
 */
export async function backupDatabase(target: DatabaseTarget, file: string): Promise<void> {
  if (target.kind === 'postgres') {
    await runPgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`], target.url);
    return;
  }
  const db = await openDatabase(target);
  try {
    const dump = await db.pglite!.dumpDataDir('gzip');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
}

/**
 * Restores a backup made by `backupDatabase` for the same kind of database.
 * Refused when the target already holds tables (PostgreSQL) or files
 * (PGlite) unless `force`: PostgreSQL's objects are then dropped and
 * recreated, an embedded folder is moved aside to `<folder>.before-restore-<time>`.
 */
export async function restoreDatabase(target: DatabaseTarget, file: string, { force = false }: { force?: boolean } = {}): Promise<void> {
  if (target.kind === 'postgres') {
    const db = await openDatabase(target, { poolSize: 1 });
    let tables: number;
    try {
      const [row] = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`;
      tables = row?.n ?? 0;
    } finally {
      await db.close();
    }
    if (tables > 0 && !force) throw new TargetNotEmptyError('The PostgreSQL database');
    await runPgTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', ...(tables > 0 ? ['--clean', '--if-exists'] : []), '--dbname'], target.url, [file]);
    return;
  }
  if (target.dataDir.startsWith('memory://')) throw new Error('restore needs an embedded database on disk (PGLITE_DIR), not memory://');
  if (existsSync(target.dataDir) && readdirSync(target.dataDir).length > 0) {
    if (!force) throw new TargetNotEmptyError(`The embedded database folder ${target.dataDir}`);
    // Takes the folder's lock first: a running server keeps its folder.
    await (await openDatabase(target)).close();
    renameSync(target.dataDir, `${target.dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  }
  const pglite = await PGlite.create(target.dataDir, { loadDataDir: new Blob([await readFile(file)]) });
  await pglite.close();
}

/**
 * Runs pg_dump or pg_restore on `url`, the password passed in the
 * environment rather than on the command line, where `ps` would show it.
 */
function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], url: string, trailing: string[] = []): Promise<void> {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, parsed.toString(), ...trailing], {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', (error) => reject(new BackupToolError(`${tool} could not run (${error.message}); install the PostgreSQL client tools`)));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new BackupToolError(`${tool} failed (exit ${code}): ${stderr.trim()}`))));
  });
}
