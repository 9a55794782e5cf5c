import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, createProgramme, createProject, day, keyFor, type TestProgramme } from './analytics-kit.ts';
import { globalId, mutate } from './mutation-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

// Investment summed from hand-made monthly records. The programme's target is
// 1,000,000 yuan for 2020 (366 days). Records, in yuan:
//
//   project        visible to   figures visible to   campaign   2019            2020
//   T-A            everyone     everyone             C1         Mar 100         Jan 200, Mar 300 → corrected to 350
//   T-B            everyone     staff (INTERNAL)     C2         Feb 500         Feb 1,000
//   T-R            editors      everyone             C1                         Jan 10,000
//   T-Z (archived) everyone     everyone             C1                         Jan 99,999
//   T-A also has December 2018: 7, outside both years.

const REPORT = /* GraphQL */ `
  query ($filter: InvestmentFilter, $from: Date, $to: Date) {
    investmentReport(programme: "TEST-2020", filter: $filter, from: $from, to: $to) {
      from
      to
      target
      total { amount previousYearAmount growthPercent targetPercent }
      hidden: total { hiddenRecords }
      previousHidden: total { previousYearAmount previousYearHiddenRecords }
      months { start end label amount previousYearAmount growthPercent cumulative cumulativeTargetPercent expectedCumulative }
      hiddenMonths: months { label hiddenRecords }
      previousHiddenMonths: months { label previousYearAmount previousYearHiddenRecords }
      previousHiddenQuarters: quarters { label previousYearHiddenRecords }
      hiddenCampaigns: groups(by: CAMPAIGN) { group { code } amount hiddenRecords }
      previousHiddenCampaigns: groups(by: CAMPAIGN) { group { code } previousYearAmount previousYearHiddenRecords }
      quarters { label start end amount previousYearAmount growthPercent cumulative expectedCumulative }
      campaigns: groups(by: CAMPAIGN) { group { code } amount previousYearAmount growthPercent sharePercent }
    }
  }
`;

describe('investment report', () => {
  let api: TestApi;
  let programme: TestProgramme;
  let editor: Record<string, string>;
  let analyst: Record<string, string>;
  let partner: Record<string, string>;
  let projectA: { id: string };

  beforeAll(async () => {
    api = await startTestApi({ seeded: false });
    programme = await createProgramme(api, 'TEST-2020', { investmentTarget: '1000000' });
    editor = await keyFor(api, 'EDITOR');
    analyst = await keyFor(api, 'ANALYST');
    partner = await keyFor(api, 'PARTNER');
    const records = (projectId: string, rows: [string, string][]) =>
      api.db.prisma.investmentRecord.createMany({ data: rows.map(([month, amount]) => ({ projectId, month: day(month), amount })) });

    projectA = await createProject(api, programme, 'T-A', { campaign: 'C1' });
    await records(projectA.id, [
      ['2018-12-01', '7'],
      ['2019-03-01', '100'],
      ['2020-01-01', '200'],
    ]);
    const b = await createProject(api, programme, 'T-B', { campaign: 'C2', investmentVisibility: 'INTERNAL' });
    await records(b.id, [
      ['2019-02-01', '500'],
      ['2020-02-01', '1000'],
    ]);
    const r = await createProject(api, programme, 'T-R', { campaign: 'C1', visibility: 'RESTRICTED' });
    await records(r.id, [['2020-01-01', '10000']]);
    const z = await createProject(api, programme, 'T-Z', { campaign: 'C1', archived: true });
    await records(z.id, [['2020-01-01', '99999']]);

    // March is recorded through the API, then corrected: the second figure replaces the first.
    for (const amount of ['300', '350']) {
      const result = await mutate(api, editor, 'recordInvestment', 'RecordInvestmentInput', { id: globalId('Project', projectA.id), month: '2020-03-20', amount }, '');
      expect(result.__typename).toBe('RecordInvestmentSuccess');
    }
  });
  afterAll(() => api.close());

  it('replaces a corrected month rather than adding to it', async () => {
    const march = await api.db.prisma.investmentRecord.findMany({ where: { projectId: projectA.id, month: day('2020-03-01') } });
    expect(march.map((r) => r.amount.toFixed())).toEqual(['350']);
    const data = await ask(api, editor, REPORT);
    expect(data.investmentReport.months[2]).toMatchObject({ label: '2020-03', amount: '350', previousYearAmount: '100', growthPercent: 250 });
  });

  it('sums months, quarters and the year against the target and a year earlier, for an editor', async () => {
    const { investmentReport: report } = await ask(api, editor, REPORT);
    expect(report).toMatchObject({ from: '2020-01-01', to: '2020-12-31', target: '1000000' });
    // 200 + 10,000 + 1,000 + 350; a year earlier 500 + 100. The archived project's 99,999 is left out.
    expect(report.total).toEqual({ amount: '11550', previousYearAmount: '600', growthPercent: 1825, targetPercent: 1.16 });
    expect(report.months).toHaveLength(12);
    expect(report.months.slice(0, 4)).toEqual([
      {
        start: '2020-01-01', end: '2020-01-31', label: '2020-01', amount: '10200', previousYearAmount: '0', growthPercent: null,
        // 1,000,000 × 31 / 366
        cumulative: '10200', cumulativeTargetPercent: 1.02, expectedCumulative: '84699.45',
      },
      {
        start: '2020-02-01', end: '2020-02-29', label: '2020-02', amount: '1000', previousYearAmount: '500', growthPercent: 100,
        // × 60 / 366
        cumulative: '11200', cumulativeTargetPercent: 1.12, expectedCumulative: '163934.43',
      },
      {
        start: '2020-03-01', end: '2020-03-31', label: '2020-03', amount: '350', previousYearAmount: '100', growthPercent: 250,
        // × 91 / 366
        cumulative: '11550', cumulativeTargetPercent: 1.16, expectedCumulative: '248633.88',
      },
      {
        start: '2020-04-01', end: '2020-04-30', label: '2020-04', amount: '0', previousYearAmount: '0', growthPercent: null,
        cumulative: '11550', cumulativeTargetPercent: 1.16, expectedCumulative: '330601.09',
      },
    ]);
    expect(report.months[11]).toMatchObject({ label: '2020-12', cumulative: '11550', expectedCumulative: '1000000' });
    expect(report.quarters).toEqual([
      { label: '2020-Q1', start: '2020-01-01', end: '2020-03-31', amount: '11550', previousYearAmount: '600', growthPercent: 1825, cumulative: '11550', expectedCumulative: '248633.88' },
      { label: '2020-Q2', start: '2020-04-01', end: '2020-06-30', amount: '0', previousYearAmount: '0', growthPercent: null, cumulative: '11550', expectedCumulative: '497267.76' },
      { label: '2020-Q3', start: '2020-07-01', end: '2020-09-30', amount: '0', previousYearAmount: '0', growthPercent: null, cumulative: '11550', expectedCumulative: '748633.88' },
      { label: '2020-Q4', start: '2020-10-01', end: '2020-12-31', amount: '0', previousYearAmount: '0', growthPercent: null, cumulative: '11550', expectedCumulative: '1000000' },
    ]);
    expect(report.campaigns).toEqual([
      // 200 + 350 + 10,000 against 100; 10,550 of 11,550.
      { group: { code: 'TEST-2020-C1' }, amount: '10550', previousYearAmount: '100', growthPercent: 10450, sharePercent: 91.34 },
      { group: { code: 'TEST-2020-C2' }, amount: '1000', previousYearAmount: '500', growthPercent: 100, sharePercent: 8.66 },
    ]);
  });

  it('leaves out a restricted project and figures a partner may not see', async () => {
    const { investmentReport: report } = await ask(api, partner, REPORT);
    // Only T-A: its project and its figures are public.
    expect(report.total).toEqual({ amount: '550', previousYearAmount: '100', growthPercent: 450, targetPercent: 0.06 });
    expect(report.months.slice(0, 3).map((m: { amount: string }) => m.amount)).toEqual(['200', '0', '350']);
    // Campaign C2 is listed with nothing summed: its only figures are hidden (hiddenRecords, next test).
    expect(report.campaigns).toEqual([
      { group: { code: 'TEST-2020-C1' }, amount: '550', previousYearAmount: '100', growthPercent: 450, sharePercent: 100 },
      { group: { code: 'TEST-2020-C2' }, amount: '0', previousYearAmount: '0', growthPercent: null, sharePercent: 0 },
    ]);
  });

  it('says how many records a partner\'s sums leave out, so a hidden amount does not read as 0', async () => {
    const { investmentReport: forPartner } = await ask(api, partner, REPORT);
    // T-B's February 2020 record (its figures are internal); T-R's is of a project the partner may not see at all.
    expect(forPartner.hidden).toEqual({ hiddenRecords: 1 });
    expect(forPartner.hiddenMonths.slice(0, 3)).toEqual([
      { label: '2020-01', hiddenRecords: 0 },
      { label: '2020-02', hiddenRecords: 1 },
      { label: '2020-03', hiddenRecords: 0 },
    ]);
    // Campaign C2's only figures are hidden: it is listed with 0 summed and the record it leaves out.
    expect(forPartner.hiddenCampaigns).toEqual([
      { group: { code: 'TEST-2020-C1' }, amount: '550', hiddenRecords: 0 },
      { group: { code: 'TEST-2020-C2' }, amount: '0', hiddenRecords: 1 },
    ]);
    const { investmentReport: forAnalyst } = await ask(api, analyst, REPORT);
    expect(forAnalyst.hidden).toEqual({ hiddenRecords: 0 });
  });

  it('says how many records of the year before a partner\'s previousYearAmount leaves out, so it does not read as 0 either', async () => {
    const { investmentReport: forPartner } = await ask(api, partner, REPORT);
    // T-B's February 2019 record (500, internal figures) is left out of the year before.
    expect(forPartner.previousHidden).toEqual({ previousYearAmount: '100', previousYearHiddenRecords: 1 });
    expect(forPartner.previousHiddenMonths.slice(0, 3)).toEqual([
      { label: '2020-01', previousYearAmount: '0', previousYearHiddenRecords: 0 },
      { label: '2020-02', previousYearAmount: '0', previousYearHiddenRecords: 1 },
      { label: '2020-03', previousYearAmount: '100', previousYearHiddenRecords: 0 },
    ]);
    expect(forPartner.previousHiddenQuarters[0]).toEqual({ label: '2020-Q1', previousYearHiddenRecords: 1 });
    expect(forPartner.previousHiddenCampaigns).toEqual([
      { group: { code: 'TEST-2020-C1' }, previousYearAmount: '100', previousYearHiddenRecords: 0 },
      { group: { code: 'TEST-2020-C2' }, previousYearAmount: '0', previousYearHiddenRecords: 1 },
    ]);
    // December 2018 is outside the year before: nothing hidden there counts. An analyst sees it all.
    const { investmentReport: forAnalyst } = await ask(api, analyst, REPORT);
    expect(forAnalyst.previousHidden).toEqual({ previousYearAmount: '600', previousYearHiddenRecords: 0 });
  });

  it('shows an analyst internal figures but not the restricted project', async () => {
    const { investmentReport: report } = await ask(api, analyst, REPORT);
    // T-A and T-B: 200 + 1,000 + 350 against 500 + 100.
    expect(report.total).toEqual({ amount: '1550', previousYearAmount: '600', growthPercent: 158.33, targetPercent: 0.16 });
  });

  it('narrows to a campaign and to whole months of a range', async () => {
    const byCampaign = await ask(api, editor, REPORT, { filter: { campaign: ['TEST-2020-C2'] } });
    expect(byCampaign.investmentReport.total).toMatchObject({ amount: '1000', previousYearAmount: '500', growthPercent: 100 });

    const range = await ask(api, editor, REPORT, { from: '2020-02-10', to: '2020-03-05' });
    expect(range.investmentReport).toMatchObject({ from: '2020-02-01', to: '2020-03-31' });
    expect(range.investmentReport.total).toMatchObject({ amount: '1350', previousYearAmount: '600' });
    expect(range.investmentReport.months.map((m: { label: string; cumulative: string }) => [m.label, m.cumulative])).toEqual([
      ['2020-02', '1000'],
      ['2020-03', '1350'],
    ]);
  });
});

// The report reads InvestmentRollup, which triggers keep equal to the records
// summed by programme, month, campaign, cluster, sector, park, visibilities and
// archive mark. After every kind of change, the sums must equal the records.
describe('investment sums kept by the database', () => {
  let api: TestApi;
  let programme: TestProgramme;
  let editor: Record<string, string>;
  let partner: Record<string, string>;

  beforeAll(async () => {
    // Records are changed straight in the database between reads, which the response
    // cache cannot see (README "Caching").
    api = await startTestApi({ seeded: false, app: { settings: { RESPONSE_CACHE: false } } });
    programme = await createProgramme(api, 'TEST-2020', { investmentTarget: '1000000' });
    editor = await keyFor(api, 'EDITOR');
    partner = await keyFor(api, 'PARTNER');
  });
  afterAll(() => api.close());

  /** Rows of the rollup that differ from the records summed afresh (both ways). */
  async function mismatches(): Promise<number> {
    const [row] = await api.db.prisma.$queryRawUnsafe<{ n: number }[]>(`
      WITH truth AS (
        SELECT p."programmeId", r.month, p."campaignId",
               COALESCE(p."clusterId", '00000000-0000-0000-0000-000000000000') AS "clusterId",
               COALESCE(p."sectorId", '00000000-0000-0000-0000-000000000000') AS "sectorId",
               COALESCE(p."parkId", '00000000-0000-0000-0000-000000000000') AS "parkId",
               p.visibility, p."investmentVisibility", p."archivedAt" IS NOT NULL AS archived,
               sum(r.amount)::numeric(24, 2) AS amount, count(*)::int AS records
          FROM "InvestmentRecord" r JOIN "Project" p ON p.id = r."projectId" GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9),
      kept AS (
        SELECT "programmeId", month, "campaignId", "clusterId", "sectorId", "parkId", visibility, "investmentVisibility", archived, amount, records
          FROM "InvestmentRollup" WHERE records <> 0)
      SELECT ((SELECT count(*) FROM (SELECT * FROM truth EXCEPT SELECT * FROM kept) a)
            + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM truth) b)
            + (SELECT count(*) FROM "InvestmentRollup" WHERE records = 0 AND amount <> 0))::int AS n`);
    return row!.n;
  }

  const TOTALS = `{ investmentReport(programme: "TEST-2020") { total { amount } campaigns: groups(by: CAMPAIGN) { group { code } amount } } }`;

  it('follows records written, corrected, moved and deleted, and projects moved, hidden, archived and deleted', async () => {
    const prisma = api.db.prisma;
    const cluster = await prisma.industryCluster.create({ data: { code: 'CL-R', nameZh: '集群', nameEn: 'Cluster R' } });
    const a = await createProject(api, programme, 'R-A', { campaign: 'C1', clusterId: cluster.id });
    const b = await createProject(api, programme, 'R-B', { campaign: 'C2' });
    await prisma.investmentRecord.createMany({
      data: [
        { projectId: a.id, month: day('2020-01-01'), amount: '100' },
        { projectId: a.id, month: day('2020-02-01'), amount: '200' },
        { projectId: b.id, month: day('2020-01-01'), amount: '1000' },
      ],
    });
    expect(await mismatches()).toBe(0);
    expect((await ask(api, editor, TOTALS)).investmentReport.total.amount).toBe('1300');

    // A correction through the API, and records changed directly.
    await mutate(api, editor, 'recordInvestment', 'RecordInvestmentInput', { id: globalId('Project', a.id), month: '2020-02-01', amount: '250' }, '');
    await prisma.investmentRecord.update({ where: { projectId_month: { projectId: b.id, month: day('2020-01-01') } }, data: { month: day('2020-03-01') } });
    await prisma.investmentRecord.create({ data: { projectId: b.id, month: day('2020-04-01'), amount: '5' } });
    await prisma.investmentRecord.delete({ where: { projectId_month: { projectId: b.id, month: day('2020-04-01') } } });
    expect(await mismatches()).toBe(0);

    // R-A moves to the second campaign through the API, with its cluster dropped.
    const { version } = await prisma.project.findUniqueOrThrow({ where: { id: a.id } });
    const moved = await mutate(api, editor, 'updateProject', 'UpdateProjectInput', { id: globalId('Project', a.id), version, campaign: 'TEST-2020-C2', cluster: null }, '');
    expect(moved.__typename).toBe('UpdateProjectSuccess');
    expect(await mismatches()).toBe(0);
    expect((await ask(api, editor, TOTALS)).investmentReport.campaigns).toEqual([{ group: { code: 'TEST-2020-C2' }, amount: '1350' }]);

    // Its figures hidden from partners, then the project archived and brought back.
    await prisma.project.update({ where: { id: a.id }, data: { investmentVisibility: 'INTERNAL' } });
    expect(await mismatches()).toBe(0);
    expect((await ask(api, partner, TOTALS)).investmentReport.total.amount).toBe('1000');
    await prisma.project.update({ where: { id: b.id }, data: { archivedAt: new Date() } });
    expect(await mismatches()).toBe(0);
    expect((await ask(api, editor, TOTALS)).investmentReport.total.amount).toBe('350');
    await prisma.project.update({ where: { id: b.id }, data: { archivedAt: null } });
    expect(await mismatches()).toBe(0);

    // A deleted project takes its records with it.
    await prisma.project.delete({ where: { id: b.id } });
    expect(await mismatches()).toBe(0);
    expect((await ask(api, editor, TOTALS)).investmentReport.total.amount).toBe('350');
  });

  it('stays right when records are written while their projects move (concurrently on PostgreSQL)', async () => {
    const prisma = api.db.prisma;
    const projects = await Promise.all(['M1', 'M2', 'M3', 'M4'].map((code) => createProject(api, programme, code, { campaign: 'C1' })));
    const months = ['2020-05-01', '2020-06-01', '2020-07-01'];
    await Promise.all([
      // Every project records three months through the API…
      ...projects.flatMap((project) =>
        months.map((month) => mutate(api, editor, 'recordInvestment', 'RecordInvestmentInput', { id: globalId('Project', project.id), month, amount: '10' }, '')),
      ),
      // …while each moves to the other campaign and back, and two are archived.
      ...projects.map(async (project, i) => {
        await prisma.project.update({ where: { id: project.id }, data: { campaignId: programme.campaigns.C2 } });
        await prisma.project.update({ where: { id: project.id }, data: { campaignId: programme.campaigns.C1, archivedAt: i % 2 ? new Date() : null } });
      }),
    ]);
    expect(await prisma.investmentRecord.count({ where: { projectId: { in: projects.map((p) => p.id) } } })).toBe(12);
    expect(await mismatches()).toBe(0);
  });
});
