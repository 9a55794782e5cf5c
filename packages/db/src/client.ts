import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.ts';
import type { DatabaseTarget } from './target.ts';

export interface SqlStatement {
  sql: string;
  durationMs: number;
}

export interface OpenOptions {
  /** Called for every SQL statement the client sends (tests count them). */
  onStatement?: (statement: SqlStatement) => void;
  /** Connections in the PostgreSQL pool; PGlite always has exactly one. */
  poolSize?: number;
  /**
   * How long a statement on PostgreSQL waits for a row lock before it gives up
   * (SQLSTATE 55P03, see `isLockTimeout`). Without a limit, a request behind a
   * stuck transaction would wait until its own transaction timed out and fail
   * as an internal error; with one, it fails fast and the caller can say
   * "changed by someone else, retry". PGlite has one connection, so nothing waits.
   */
  lockTimeoutMs?: number;
}

/** Connections of the client's pool, for metrics. */
export interface PoolStats {
  inUse: number;
  idle: number;
  /** Queries queued for a connection. */
  waiting: number;
}

export interface Database {
  readonly target: DatabaseTarget;
  readonly prisma: PrismaClient;
  /** PGlite is one connection held for the life of the process: always 1 in use, 0 idle, 0 waiting. */
  poolStats(): PoolStats;
  /** A driver adapter factory for the schema engine (migrations). */
  adapterFactory(): SqlMigrationAwareDriverAdapterFactory;
  /** One connection of its own, outside Prisma, for administration (applying migrations). */
  adminSession(): Promise<AdminSession>;
  /** The embedded database itself (backups dump its folder); absent on PostgreSQL. */
  readonly pglite?: PGlite;
  /** Read statements written outside Prisma, prepared when they recur (PostgreSQL only; see `preparedReads`). */
  readonly preparedReads?: PreparedReads;
  close(): Promise<void>;
}

export interface PreparedReads {
  query<Row>(sql: string, params: unknown[]): Promise<Row[]>;
}

/**
 * Statements in order on one connection (so a session-level advisory lock
 * holds across them). `exec` sends a script whole, as one simple-protocol
 * query: PostgreSQL splits it itself, dollar-quoted function bodies included,
 * and runs it as one implicit transaction.
 */
export interface AdminSession {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Settings for every connection. A programme's data is small beside memory and
 * sits on SSDs, so a random page costs about what a sequential one does (the
 * default, 4, is for spinning disks). With the default, a page of a small
 * campaign's projects — `WHERE campaignId = $1 ORDER BY code LIMIT 21` — was
 * planned as a walk of the whole code index (the column's average of rows per
 * campaign makes that look cheap) instead of the (campaignId, code) index, and
 * read every project of the other campaigns: work grew with the table.
 */
const PLANNER_SETTINGS: [string, string][] = [['random_page_cost', '1.1']];

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  if (target.kind === 'pglite') {
    const onDisk = !target.dataDir.startsWith('memory://');
    if (onDisk) mkdirSync(target.dataDir, { recursive: true });
    const unlock = onDisk ? lockDataDir(target.dataDir) : () => {};
    let pglite: PGlite;
    try {
      pglite = await PGlite.create(target.dataDir);
    } catch (error) {
      unlock();
      throw error;
    }
    for (const [name, value] of PLANNER_SETTINGS) await pglite.exec(`SET ${name} = ${value}`);
    const factory = new PrismaPGlite(pglite);
    const prisma = createClient(factory, options);
    return {
      target,
      prisma,
      pglite,
      // The engine shares the one PGlite instance: it serves one connection at a time.
      adapterFactory: () => factory,
      // PGlite has one connection: the session is that one, and closing it closes nothing.
      adminSession: async () => ({
        query: async <Row>(sql: string, params?: unknown[]) => (await pglite.query<Row>(sql, params)).rows,
        exec: async (script: string) => {
          await pglite.exec(script);
        },
        close: async () => {},
      }),
      poolStats: () => ({ inUse: 1, idle: 0, waiting: 0 }),
      async close() {
        await prisma.$disconnect();
        if (!pglite.closed) await pglite.close();
        unlock();
      },
    };
  }

  // Our own pool, handed to the adapter, so that its counters can be read for metrics.
  const pool = new pg.Pool({
    connectionString: target.url,
    max: options.poolSize ?? 10,
    lock_timeout: options.lockTimeoutMs ?? 5000,
    options: PLANNER_SETTINGS.map(([name, value]) => `-c ${name}=${value}`).join(' '),
  });
  const factory = new PrismaPg(pool, { disposeExternalPool: true });
  const prisma = createClient(factory, options);
  return {
    target,
    prisma,
    preparedReads: preparedReads(pool, options.onStatement),
    adapterFactory: () => wholeScripts(new PrismaPg({ connectionString: target.url, max: 1 })),
    async adminSession() {
      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      return {
        query: async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[],
        // Without parameters, pg sends the simple-protocol query that runs a script whole.
        exec: async (script: string) => {
          await client.query(script);
        },
        close: () => client.end(),
      };
    },
    poolStats: () => ({ inUse: pool.totalCount - pool.idleCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      await prisma.$disconnect();
      // A client that never connected never handed the pool to the adapter to dispose of.
      if (!pool.ended) await pool.end();
    },
  };
}

/**
 * The compiled read path's statements are long (a JSON answer built in SQL)
 * and PostgreSQL spends about as long planning one as running it. A statement
 * text seen a second time becomes a named prepared statement, planned once
 * per connection, as PostGraphile's are. At most `maxPrepared` texts are ever
 * prepared, the first hot ones, so that a caller sending ever-new documents
 * cannot grow every connection's statement cache without bound; the rest run
 * unnamed, planned each time.
 */
function preparedReads(pool: pg.Pool, onStatement: OpenOptions['onStatement'], maxPrepared = 100): PreparedReads {
  const names = new Map<string, string>();
  let seenOnce = new Set<string>();
  const nameFor = (sql: string): string | undefined => {
    const known = names.get(sql);
    if (known || names.size >= maxPrepared) return known;
    if (!seenOnce.has(sql)) {
      // Forgotten wholesale when large: a recurring text is seen again soon enough.
      if (seenOnce.size >= 10_000) seenOnce = new Set();
      seenOnce.add(sql);
      return undefined;
    }
    seenOnce.delete(sql);
    const name = `zg_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    names.set(sql, name);
    return name;
  };
  return {
    async query<Row>(sql: string, params: unknown[]) {
      const started = performance.now();
      const result = await pool.query({ name: nameFor(sql), text: sql, values: params });
      onStatement?.({ sql, durationMs: performance.now() - started });
      return result.rows as Row[];
    },
  };
}

function createClient(adapter: SqlMigrationAwareDriverAdapterFactory, options: OpenOptions): PrismaClient {
  if (!options.onStatement) return joinRelations(new PrismaClient({ adapter }));
  const prisma = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  const onStatement = options.onStatement;
  prisma.$on('query', (event) => onStatement({ sql: event.query, durationMs: event.duration }));
  return joinRelations(prisma);
}

const findOperations = new Set(['findMany', 'findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow']);

/**
 * Every read loads its relations in the same statement, with lateral joins.
 * Prisma's default strategy ("query") loads a nested page for many parents as
 * one `WHERE parentId IN (…)` without a per-parent LIMIT and cuts it in
 * JavaScript, so a page of 20 projects under each of 10 campaigns read every
 * project of those campaigns; the join strategy puts the LIMIT in SQL.
 */
function joinRelations(prisma: PrismaClient): PrismaClient {
  return prisma.$extends({
    query: {
      $allModels: {
        $allOperations({ operation, args, query }) {
          if (!findOperations.has(operation) || (args as { relationLoadStrategy?: unknown }).relationLoadStrategy) return query(args);
          return query({ ...args, relationLoadStrategy: 'join' } as typeof args);
        },
      },
    },
  }) as unknown as PrismaClient;
}

/** What the schema engine runs a migration file through. */
interface ScriptRunner {
  executeScript(script: string): Promise<void>;
  underlyingDriver(): unknown;
}

/**
 * PrismaPg runs a migration file by splitting it at every ";" — inside a
 * function body too — so a migration that creates a PL/pgSQL function (the
 * investment rollup's triggers) fails on PostgreSQL. Here each script goes to
 * the server whole, as one simple-protocol query, which PostgreSQL splits
 * itself, dollar quotes and all. (PGlite's adapter already sends it whole.)
 */
function wholeScripts(factory: PrismaPg): SqlMigrationAwareDriverAdapterFactory {
  const whole = <A extends ScriptRunner>(adapter: A): A => {
    adapter.executeScript = async (script: string) => {
      try {
        await (adapter.underlyingDriver() as { query(sql: string): Promise<unknown> }).query(script);
      } catch (error) {
        // The adapter's own conversion into the error the engine understands.
        (adapter as unknown as { onError(error: unknown): never }).onError(error);
      }
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => whole(await factory.connect()),
    connectToShadowDb: async () => whole(await factory.connectToShadowDb()),
  };
}

/** PostgreSQL gave up waiting for a lock (`lock_timeout`), however Prisma wrapped the error. */
export function isLockTimeout(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown): boolean => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return false;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (record['code'] === '55P03' || record['originalCode'] === '55P03') return true;
    return ['meta', 'cause', 'driverAdapterError'].some((key) => visit(record[key]));
  };
  return visit(error);
}

/** Another process has the embedded database open. */
export class DatabaseInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `the embedded database in ${dataDir} is in use by process ${pid} (a running API server?). ` +
        'PGlite serves one process at a time: stop that process first, or set DATABASE_URL to use a PostgreSQL server.',
    );
    this.name = 'DatabaseInUseError';
  }
}

/**
 * One process at a time in a PGlite folder: it is a library, not a server, and
 * two processes writing one folder lose each other's writes (a key created from
 * the shell beside a running server was never seen by it). The lock is a file
 * holding the owner's pid; one whose process is gone is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'zonegraph.pid');
  const mine = String(process.pid);
  for (;;) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      return () => {
        if (readOwner(file) === process.pid) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    // This process already holds it (a second client in one process): the first one releases it.
    if (owner === process.pid) return () => {};
    if (owner !== null && isRunning(owner)) throw new DatabaseInUseError(dataDir, owner);
    rmSync(file, { force: true });
  }
}

function readOwner(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
