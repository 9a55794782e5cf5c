import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationStatus, pendingSchemaChange } from '../src/migrations/index.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it('applies every migration folder and records it as Prisma does', async () => {
    const status = await migrationStatus(db);
    expect(status.local.length).toBeGreaterThan(0);
    expect(status.pending).toEqual([]);
    expect(status.failed).toEqual([]);
    const rows = await db.prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(status.local);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it('has a migration for every change in schema.prisma', async () => {
    // A schema edit without `pnpm db:new-migration` would make this diff non-empty.
    expect(await pendingSchemaChange()).toBe('');
  });
});

describe('the status history backfill (20261128110500)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it('copies moves the audit trail alone held into the history, once, notes and holders included', async () => {
    const obstacle = await db.prisma.obstacle.create({
      data: { code: 'OB-BACKFILL', titleZh: '回填', titleEn: 'Backfill', raisedOn: new Date('2020-03-01'), status: 'RESOLVED' },
    });
    const move = (from: string, to: string, on: string, note: string | null, at: string) =>
      db.prisma.auditEvent.create({
        data: {
          holder: 'inspection office',
          action: 'changeStatus',
          recordType: 'Obstacle',
          recordId: obstacle.id,
          occurredAt: new Date(at),
          after: { status: to, statusChange: { from, to, on: `${on}T00:00:00.000Z`, note } },
        },
      });
    await move('OPEN', 'IN_PROGRESS', '2020-03-02', '已交办', '2020-03-02T03:00:00Z');
    await move('IN_PROGRESS', 'RESOLVED', '2020-03-09', null, '2020-03-09T03:00:00Z');
    // An event of another kind is no move.
    await db.prisma.auditEvent.create({ data: { holder: 'x', action: 'update', recordType: 'Obstacle', recordId: obstacle.id, after: { titleEn: 'Backfill' } } });

    const sql = readFileSync(new URL('../prisma/migrations/20261128110500_status_history_backfill/migration.sql', import.meta.url), 'utf8');
    const backfill = async () => {
      for (const statement of sql.split(/;\s*$/m).filter((s) => s.replace(/--.*$/gm, '').trim())) await db.prisma.$executeRawUnsafe(statement);
    };
    await backfill();
    await backfill(); // a second run adds nothing

    const history = await db.prisma.obstacleStatusChange.findMany({ where: { obstacleId: obstacle.id }, orderBy: { occurredOn: 'asc' } });
    expect(history.map(({ fromStatus, toStatus, occurredOn, note, recordedBy }) => ({ fromStatus, toStatus, on: occurredOn.toISOString().slice(0, 10), note, recordedBy }))).toEqual([
      { fromStatus: 'OPEN', toStatus: 'IN_PROGRESS', on: '2020-03-02', note: '已交办', recordedBy: 'inspection office' },
      { fromStatus: 'IN_PROGRESS', toStatus: 'RESOLVED', on: '2020-03-09', note: null, recordedBy: 'inspection office' },
    ]);
  });
});
