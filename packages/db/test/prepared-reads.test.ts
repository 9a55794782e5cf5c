import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

// Prepared statements live in a PostgreSQL session; the embedded database has no pool to prepare on.
describe.runIf(process.env.DATABASE_URL)('compiled reads prepared when they recur (PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    // One connection, so that every statement, and the look at what it holds prepared, share a session.
    db = await createTestDatabase({ seeded: false, poolSize: 1 });
  });
  afterAll(() => db.close());

  const prepared = async () =>
    (await db.preparedReads!.query<{ name: string }>("SELECT name FROM pg_prepared_statements WHERE name LIKE 'zg_%'", [])).map((r) => r.name);

  it('plans a statement once it is seen a second time, and answers the same', async () => {
    await prepared(); // the look itself recurs, and is prepared from its second time on
    const before = await prepared();
    const sql = 'SELECT $1::int + 1 AS n';
    expect(await db.preparedReads!.query(sql, [1])).toEqual([{ n: 2 }]);
    expect((await prepared()).length - before.length).toBe(0);
    expect(await db.preparedReads!.query(sql, [41])).toEqual([{ n: 42 }]);
    expect((await prepared()).length - before.length).toBe(1);
    expect(await db.preparedReads!.query(sql, [9])).toEqual([{ n: 10 }]);
    expect((await prepared()).length - before.length).toBe(1);
  });

  it('prepares at most 100 texts, however many different ones recur', async () => {
    for (let i = 0; i < 130; i++) {
      const sql = `SELECT ${i} AS n`;
      expect(await db.preparedReads!.query(sql, [])).toEqual([{ n: i }]);
      expect(await db.preparedReads!.query(sql, [])).toEqual([{ n: i }]);
    }
    // The look at pg_prepared_statements took one of the 100.
    expect((await prepared()).length).toBe(100);
  });
});
