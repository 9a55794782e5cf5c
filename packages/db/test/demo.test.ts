// The demo year: what it adds on top of the seed, that it is marked and
// repeatable, and that removing it gives back the seeded database row for row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoConflictError, loadDemoYear, removeDemoYear, type DemoSummary } from '../src/demo/index.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

let db: TestDatabase;
let seeded: Record<string, string[]>;
let summary: DemoSummary | null;

/** Every row of every table but the migration log, as text, in a stable order. */
async function everyRow(database: TestDatabase): Promise<Record<string, string[]>> {
  const tables = await database.prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await database.prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT to_jsonb(t)::text AS row FROM "${name}" t ORDER BY 1`);
    out[name] = rows.map((r) => r.row);
  }
  return out;
}

beforeAll(async () => {
  db = await createTestDatabase({ seeded: true });
  seeded = await everyRow(db);
  summary = await loadDemoYear(db.prisma);
}, 180_000);

afterAll(async () => {
  await db?.close();
});

describe('the demo year', () => {
  it('adds a year of activity to the seeded programme', () => {
    expect(summary).not.toBeNull();
    const s = summary!;
    expect(s.programme).toBe('GZK-2020');
    // Most of the 18 projects move toward their targets; two years of months for the signed ones.
    expect(s.stageChanges).toBeGreaterThanOrEqual(12);
    expect(s.investmentRecords).toBeGreaterThan(300);
    expect(s.indicatorValues).toBe(13 * 12);
    // Talks on most of the 366 days of 2020.
    expect(s.engagements).toBeGreaterThan(250);
    expect([s.obstacles, s.findings]).toEqual([10, 8]);
  });

  it('marks every row it adds as demo data', async () => {
    const p = db.prisma;
    expect(await p.engagement.count({ where: { demo: false } })).toBe(0);
    expect(await p.investmentRecord.count({ where: { demo: false } })).toBe(0);
    expect(await p.projectStageChange.count({ where: { demo: false } })).toBe(0);
    expect(await p.obstacle.count({ where: { demo: false } })).toBe(0);
    expect(await p.demoYear.count()).toBe(1);
  });

  it('brings investment in 2020 near the 19.5 bn target, and above 2019 by at least 20 %', async () => {
    const sum = async (from: string, to: string) =>
      Number((await db.prisma.investmentRecord.aggregate({ where: { month: { gte: new Date(from), lt: new Date(to) } }, _sum: { amount: true } }))._sum.amount);
    const y2020 = await sum('2020-01-01', '2021-01-01');
    const y2019 = await sum('2019-01-01', '2020-01-01');
    expect(y2020 / 19.5e9).toBeGreaterThan(0.95);
    expect(y2020 / 19.5e9).toBeLessThan(1.05);
    expect(y2020 / y2019).toBeGreaterThanOrEqual(1.2);
    // The rollup the reports read agrees with the records, and each project's total with its months.
    const rolled = await db.prisma.investmentRollup.aggregate({ _sum: { amount: true } });
    expect(Number(rolled._sum.amount)).toBeCloseTo(y2019 + y2020, 2);
    const projects = await db.prisma.project.findMany({ include: { investments: true } });
    for (const p of projects) expect(Number(p.completedInvestment)).toBeCloseTo(p.investments.reduce((n, r) => n + Number(r.amount), 0), 2);
  });

  it('moves projects along the allowed stages, each move in the history', async () => {
    const projects = await db.prisma.project.findMany({ include: { stageChanges: { orderBy: { occurredOn: 'asc' } } } });
    const moved = projects.filter((p) => p.stageChanges.length > 0);
    expect(moved.length).toBeGreaterThan(10);
    for (const p of moved) {
      expect(p.stageChanges.at(-1)!.toStage).toBe(p.stage);
      expect(p.stageChangedAt.toISOString().slice(0, 10)).toBe(p.stageChanges.at(-1)!.occurredOn.toISOString().slice(0, 10));
    }
    // Some stay short of their target, as a real year would have it.
    expect(projects.some((p) => p.stage !== p.targetStage)).toBe(true);
  });

  it('is loaded once: a second load writes nothing', async () => {
    const before = await everyRow(db);
    expect(await loadDemoYear(db.prisma)).toBeNull();
    expect(await everyRow(db)).toEqual(before);
  });

  it('is the same year every time for the same seed', async () => {
    const other = await createTestDatabase({ seeded: true });
    try {
      expect(await loadDemoYear(other.prisma)).toEqual(summary);
      const amounts = async (d: TestDatabase) =>
        (await d.prisma.investmentRecord.findMany({ include: { project: { select: { code: true } } } }))
          .map((r) => `${r.project.code} ${r.month.toISOString().slice(0, 7)} ${r.amount.toFixed(2)}`)
          .sort();
      expect(await amounts(other)).toEqual(await amounts(db));
    } finally {
      await other.close();
    }
  }, 180_000);

  it('refuses to be removed over a change made after it, and changes nothing', async () => {
    const project = await db.prisma.project.findFirstOrThrow({ where: { code: 'GZK-2020-P01' } });
    await db.prisma.project.update({ where: { id: project.id }, data: { version: { increment: 1 } } });
    const before = await everyRow(db);
    await expect(removeDemoYear(db.prisma)).rejects.toThrow(DemoConflictError);
    expect(await everyRow(db)).toEqual(before);
    await db.prisma.project.update({ where: { id: project.id }, data: { version: project.version, updatedAt: project.updatedAt } });
  });

  it('is removed by one call, which gives back the seeded database row for row', async () => {
    expect(await removeDemoYear(db.prisma)).toBe(true);
    expect(await everyRow(db)).toEqual(seeded);
    expect(await removeDemoYear(db.prisma)).toBe(false);
  });
});
