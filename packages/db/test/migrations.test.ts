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
