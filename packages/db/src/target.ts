import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Where the data lives: an embedded PGlite folder, or a PostgreSQL server. */
export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'postgres'; url: string };

/**
 * The workspace root (the folder with pnpm-workspace.yaml), so that the default
 * PGlite folder is the same whichever package a command runs from.
 */
export function workspaceRoot(from = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export const defaultPgliteDir = (): string => join(workspaceRoot(), '.data', 'pglite');

/**
 * `DATABASE_URL=postgres(ql)://…` selects a PostgreSQL server; otherwise the
 * embedded database in `PGLITE_DIR` (default `.data/pglite` in the workspace).
 * `PGLITE_DIR=memory://` keeps it in memory.
 */
export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(
        'DATABASE_URL must be a PostgreSQL connection string (postgresql://user@host:5432/db); ' +
          'leave it unset to use the embedded database.',
      );
    }
    return { kind: 'postgres', url };
  }
  const dir = env.PGLITE_DIR?.trim();
  if (dir?.startsWith('memory://')) return { kind: 'pglite', dataDir: dir };
  return { kind: 'pglite', dataDir: dir ? resolve(dir) : defaultPgliteDir() };
}

/** A description safe to log: never the password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return `PGlite at ${target.dataDir}`;
  const url = new URL(target.url);
  if (url.password) url.password = '***';
  return `PostgreSQL at ${url.toString()}`;
}
