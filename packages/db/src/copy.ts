import pg from 'pg';
import { TargetNotEmptyError } from './backup.ts';
import type { Database } from './client.ts';
import { applyMigrations } from './migrations/index.ts';
import { unappliedMigrations } from './migrations/pending.ts';
import type { DatabaseTarget } from './target.ts';

export interface CopySummary {
  /** Rows copied, by table. */
  rows: Record<string, number>;
}

const BATCH = 5_000;
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Copies every table of `source` (typically the embedded database) into the
 * PostgreSQL database `target`, which is migrated first and must hold no
 * rows unless `force` (then its rows are deleted first). One transaction:
 * a failure leaves the target as it was. Rows travel as JSON, so every type
 * (decimals, dates, JSON, enums) arrives exactly; user triggers (the
 * investment rollup's) are off while rows arrive and the rollup is copied
 * as it stands, then rebuilt from the records to be sure; sequences are set
 * past the largest value copied.
 */
export async function copyDatabase(source: Database, target: Extract<DatabaseTarget, { kind: 'postgres' }>, { force = false }: { force?: boolean } = {}): Promise<CopySummary> {
  const behind = await unappliedMigrations(source);
  if (behind.length > 0) throw new Error(`the source database has unapplied migrations (${behind.join(', ')}): run \`zonegraph db migrate\` on it first`);

  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const { openDatabase } = await import('./client.ts');
    const migrated = await openDatabase(target, { poolSize: 1 });
    try {
      await applyMigrations(migrated);
    } finally {
      await migrated.close();
    }

    const tables = await orderedTables(client);
    const nonEmpty: string[] = [];
    for (const table of tables) {
      const { rows } = await client.query<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS found`);
      if (rows[0]?.found) nonEmpty.push(table);
    }
    if (nonEmpty.length > 0 && !force) throw new TargetNotEmptyError(`The target database (tables ${nonEmpty.join(', ')})`);

    const summary: CopySummary = { rows: {} };
    await client.query('BEGIN');
    try {
      for (const table of tables) await client.query(`ALTER TABLE ${quote(table)} DISABLE TRIGGER USER`);
      if (nonEmpty.length > 0) await client.query(`TRUNCATE ${tables.map(quote).join(', ')} RESTART IDENTITY CASCADE`);
      for (const table of tables) summary.rows[table] = await copyTable(source, client, table);
      for (const table of tables) await client.query(`ALTER TABLE ${quote(table)} ENABLE TRIGGER USER`);
      await client.query('SELECT investment_rollup_rebuild()');
      await resetSequences(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    return summary;
  } finally {
    await client.end();
  }
}

/** Our tables (not the migrations' ledger), parents before the tables that refer to them. */
async function orderedTables(client: pg.Client): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public' AND c.conrelid <> c.confrelid`,
  );
  const unquote = (name: string) => name.replace(/^"|"$/g, '').replace(/""/g, '"');
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const { child, parent } of edges) parents.get(unquote(child))?.add(unquote(parent));
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.map((t) => t.name).filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    if (ready.length === 0) throw new Error('the tables refer to each other in a cycle; copy cannot order them');
    for (const t of ready) {
      placed.add(t);
      ordered.push(t);
    }
  }
  return ordered;
}

async function copyTable(source: Database, client: pg.Client, table: string): Promise<number> {
  const { rows: columns } = await client.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  const list = columns.map((c) => quote(c.name)).join(', ');
  let copied = 0;
  // ctid order is stable: the source is held by this process alone while it is read.
  for (let offset = 0; ; offset += BATCH) {
    const [batch] = await source.prisma.$queryRawUnsafe<{ rows: string; n: number }[]>(
      `SELECT coalesce(json_agg(t), '[]')::text AS rows, count(*)::int AS n FROM (SELECT * FROM ${quote(table)} ORDER BY ctid LIMIT ${BATCH} OFFSET ${offset}) t`,
    );
    if (!batch || batch.n === 0) break;
    await client.query(`INSERT INTO ${quote(table)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`, [batch.rows]);
    copied += batch.n;
    if (batch.n < BATCH) break;
  }
  return copied;
}

/** Puts every sequence owned by a column past that column's largest value. */
async function resetSequences(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ seq: string; tbl: string; col: string }>(
    `SELECT s.oid::regclass::text AS seq, t.oid::regclass::text AS tbl, a.attname AS col
       FROM pg_class s JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
       JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
       JOIN pg_namespace n ON n.oid = s.relnamespace
      WHERE s.relkind = 'S' AND n.nspname = 'public'`,
  );
  for (const { seq, tbl, col } of rows) {
    await client.query(`SELECT setval($1::regclass, coalesce((SELECT max(${quote(col)}) FROM ${tbl}), 0) + 1, false)`, [seq]);
  }
}
