import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase, copyDatabase, createApiKey, openDatabase, prepareDatabase, restoreDatabase, TargetNotEmptyError, type Database, type DatabaseTarget } from '../src/index.ts';

/** Every table's rows (in a stable order) and every sequence's position: what a restore must give back. */
async function contents(db: Database): Promise<Record<string, string>> {
  const tables = await db.prisma.$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
  const out: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [row] = await db.prisma.$queryRawUnsafe<{ rows: string }[]>(`SELECT coalesce(json_agg(t ORDER BY t::text), '[]')::text AS rows FROM "public"."${tablename}" t`);
    out[tablename] = row!.rows;
  }
  const sequences = await db.prisma.$queryRaw<{ name: string; value: string | null }[]>`SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`;
  out['(sequences)'] = JSON.stringify(sequences);
  return out;
}

/**
 * Writes of several kinds on top of the seed, so that a copy holds more than
 * the seed would recreate: a renamed and a deleted record, an API key and its
 * audit trail, and investment recorded (which moves the rollup).
 */
async function write(db: Database) {
  const [first, second] = await db.prisma.project.findMany({ orderBy: { code: 'asc' }, take: 2 });
  await db.prisma.project.update({ where: { id: first!.id }, data: { nameEn: `${first!.nameEn} (renamed before the backup)` } });
  const { record } = await createApiKey(db.prisma, { holder: 'Backup desk', role: 'EDITOR' });
  await db.prisma.auditEvent.create({
    data: { apiKeyId: record.id, holder: 'Backup desk', role: 'EDITOR', action: 'update', recordType: 'Project', recordId: first!.id, recordCode: first!.code, before: { nameEn: first!.nameEn }, after: { nameEn: 'x', tags: ['a', 'b'] }, requestId: 'req-backup-1' },
  });
  await db.prisma.investmentRecord.upsert({
    where: { projectId_month: { projectId: second!.id, month: new Date('2026-11-01') } },
    create: { projectId: second!.id, month: new Date('2026-11-01'), amount: '1234567.89' },
    update: { amount: '1234567.89' },
  });
  const last = await db.prisma.inspectionFinding.findFirst({ orderBy: { id: 'desc' } });
  if (last) await db.prisma.inspectionFinding.delete({ where: { id: last.id } });
}

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'zonegraph-backup-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function emptyPostgres(): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  const name = `zonegraph_backup_${Math.random().toString(16).slice(2, 10)}`;
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return { target: { kind: 'postgres', url: url.toString() }, drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

describe('backup and restore', () => {
  it.runIf(!process.env.DATABASE_URL)('gives back every table of the embedded database, and refuses to overwrite one unless forced', async () => {
    const source: DatabaseTarget = { kind: 'pglite', dataDir: join(freshDir(), 'source') };
    const db = await prepareDatabase(source);
    await write(db);
    const before = await contents(db);
    await db.close();

    const file = join(freshDir(), 'zonegraph.tar.gz');
    await backupDatabase(source, file);
    expect(statSync(file).size).toBeGreaterThan(0);

    const copy: DatabaseTarget = { kind: 'pglite', dataDir: join(freshDir(), 'restored') };
    await restoreDatabase(copy, file);
    const restored = await openDatabase(copy);
    try {
      expect(await contents(restored)).toEqual(before);
    } finally {
      await restored.close();
    }

    await expect(restoreDatabase(copy, file)).rejects.toBeInstanceOf(TargetNotEmptyError);
    await restoreDatabase(copy, file, { force: true });
    const again = await openDatabase(copy);
    try {
      expect(Object.keys(await contents(again))).toEqual(Object.keys(before));
    } finally {
      await again.close();
    }
  });

  it.runIf(Boolean(process.env.DATABASE_URL))('gives back every table of a PostgreSQL database (pg_dump custom format), and refuses to overwrite one unless forced', async () => {
    const source = await emptyPostgres();
    const copy = await emptyPostgres();
    try {
      const db = await prepareDatabase(source.target);
      await write(db);
      const before = await contents(db);
      await db.close();

      const file = join(freshDir(), 'zonegraph.dump');
      await backupDatabase(source.target, file);
      await restoreDatabase(copy.target, file);
      const restored = await openDatabase(copy.target);
      try {
        expect(await contents(restored)).toEqual(before);
      } finally {
        await restored.close();
      }

      await expect(restoreDatabase(copy.target, file)).rejects.toBeInstanceOf(TargetNotEmptyError);
      await restoreDatabase(copy.target, file, { force: true });
      const again = await openDatabase(copy.target);
      try {
        expect(await contents(again)).toEqual(before);
      } finally {
        await again.close();
      }
    } finally {
      await source.drop();
      await copy.drop();
    }
  });
});

describe('moving from the embedded database to PostgreSQL', () => {
  it.runIf(Boolean(process.env.DATABASE_URL))('copies every table, keys and audit trail included, with the rollup right; refuses a target with data unless forced', async () => {
    const source: DatabaseTarget = { kind: 'pglite', dataDir: join(freshDir(), 'embedded') };
    const target = await emptyPostgres();
    try {
      const db = await prepareDatabase(source);
      await write(db);
      const { ['_prisma_migrations']: _ledger, ...before } = await contents(db);
      expect(JSON.parse(before['ApiKey']!).length).toBeGreaterThan(0);
      expect(JSON.parse(before['AuditEvent']!).length).toBeGreaterThan(0);
      expect(JSON.parse(before['InvestmentRollup']!).length).toBeGreaterThan(0);

      const summary = await copyDatabase(db, target.target as Extract<DatabaseTarget, { kind: 'postgres' }>);
      expect(summary.rows['Project']).toBeGreaterThan(0);
      const copied = await openDatabase(target.target);
      try {
        const { ['_prisma_migrations']: _copiedLedger, ...after } = await contents(copied);
        expect(after).toEqual(before);
        // The copy works as a database: a new record goes in, and the rollup follows it.
        const project = await copied.prisma.project.findFirstOrThrow({ orderBy: { code: 'desc' } });
        await copied.prisma.investmentRecord.create({ data: { projectId: project.id, month: new Date('2030-01-01'), amount: '10.00' } });
        const [rollup] = await copied.prisma.$queryRaw<{ amount: string }[]>`SELECT sum(amount)::text AS amount FROM "InvestmentRollup" WHERE month = '2030-01-01'`;
        expect(rollup!.amount).toBe('10.00');
      } finally {
        await copied.close();
      }

      await expect(copyDatabase(db, target.target as Extract<DatabaseTarget, { kind: 'postgres' }>)).rejects.toBeInstanceOf(TargetNotEmptyError);
      await copyDatabase(db, target.target as Extract<DatabaseTarget, { kind: 'postgres' }>, { force: true });
      const again = await openDatabase(target.target);
      try {
        const { ['_prisma_migrations']: _l, ...afterForce } = await contents(again);
        expect(afterForce).toEqual(before);
      } finally {
        await again.close();
      }
      await db.close();
    } finally {
      await target.drop();
    }
  });
});
