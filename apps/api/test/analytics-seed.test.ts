import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, keyFor } from './analytics-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

// The analytics over the seeded programme, whose numbers follow from the
// source document ("打响六大攻坚战，勇当发展排头兵"; see packages/db/src/seed):
//
// - to be signed and settled (签约落地): 360网信融合创新基地, 无人装备研究院, 山东大学研究院 — 3;
// - to start construction (开工建设): 易瑞国际, 中远集团, 恒华数字产业, 华泰森淼哈瓦无人机 — 4;
// - to start operating (投产运营): 军地医院 and six more in the fourth campaign — 7,
//   and one more to be completed (完成): 海军中学, whose target stage is OPERATING too — 8 in all;
// - to start enrolling (实现招生): the UCAS college and the two UPC graduate schools — 3.
//
// Each stands one stage short of its target (the seed's rule), so none has reached it yet;
// nothing is recorded of investment, talks, stage changes or indicator values.

describe('analytics of the seeded programme', () => {
  let api: TestApi;
  let partner: Record<string, string>;

  beforeAll(async () => {
    api = await startTestApi();
    partner = await keyFor(api, 'PARTNER');
  });
  afterAll(() => api.close());

  it('counts the projects by target stage as the source document implies, none reached yet', async () => {
    const data = await ask(api, {}, `{
      pipelineReport {
        programme { code }
        total { projects withTarget reachedTarget }
        byTarget: groups(by: [TARGET_STAGE]) { targetStage figures { projects reachedTarget notReachedTarget } }
        crossed: groups(by: [TARGET_STAGE, STAGE]) { targetStage stage figures { projects } }
        campaigns: groups(by: [CAMPAIGN, TARGET_STAGE]) { campaign { code } targetStage figures { projects } }
      }
    }`);
    const report = data.pipelineReport;
    expect(report.programme.code).toBe('GZK-2020');
    expect(report.total).toEqual({ projects: 18, withTarget: 18, reachedTarget: 0 });
    expect(report.byTarget.map((g: any) => [g.targetStage, g.figures.projects, g.figures.reachedTarget, g.figures.notReachedTarget])).toEqual([
      ['SIGNED', 3, 0, 3],
      ['UNDER_CONSTRUCTION', 4, 0, 4],
      ['OPERATING', 8, 0, 8],
      ['ENROLLING', 3, 0, 3],
    ]);
    expect(report.crossed.map((g: any) => [g.targetStage, g.stage, g.figures.projects])).toEqual([
      ['SIGNED', 'NEGOTIATING', 3],
      ['UNDER_CONSTRUCTION', 'SIGNED', 4],
      ['OPERATING', 'UNDER_CONSTRUCTION', 8],
      ['ENROLLING', 'UNDER_CONSTRUCTION', 3],
    ]);
    // The military–civilian hospital and the navy school are the first campaign's; the rest the fourth's.
    expect(report.campaigns.map((g: any) => [g.campaign.code, g.targetStage, g.figures.projects])).toEqual([
      ['GZK-2020-C1', 'OPERATING', 2],
      ['GZK-2020-C4', 'SIGNED', 3],
      ['GZK-2020-C4', 'UNDER_CONSTRUCTION', 4],
      ['GZK-2020-C4', 'OPERATING', 6],
      ['GZK-2020-C4', 'ENROLLING', 3],
    ]);
    const due = await ask(api, partner, `{ pipelineReport(filter: { targetStage: [UNDER_CONSTRUCTION] }) { total { withTarget reachedTarget reachedTargetPercent } } }`);
    expect(due.pipelineReport.total).toEqual({ withTarget: 4, reachedTarget: 0, reachedTargetPercent: 0 });
  });

  it('holds investment against the 19.5 billion yuan target, with nothing recorded yet', async () => {
    const data = await ask(api, partner, `{
      investmentReport { target growthTarget total { amount previousYearAmount growthPercent targetPercent }
        months { label amount cumulative expectedCumulative } quarters { label expectedCumulative } }
    }`);
    const report = data.investmentReport;
    expect(report.target).toBe('19500000000');
    expect(report.growthTarget).toBe('20');
    expect(report.total).toEqual({ amount: '0', previousYearAmount: '0', growthPercent: null, targetPercent: 0 });
    expect(report.months).toHaveLength(12);
    // 19.5 billion × the share of the 366 days gone by each quarter's end: 91, 182, 274 and 366 days.
    expect(report.quarters.map((q: any) => [q.label, q.expectedCumulative])).toEqual([
      ['2020-Q1', '4848360655.74'],
      ['2020-Q2', '9696721311.48'],
      ['2020-Q3', '14598360655.74'],
      ['2020-Q4', '19500000000'],
    ]);
  });

  it('lists the thirteen indicators with no actual values yet, the five headline targets programme-wide', async () => {
    const data = await ask(api, partner, `{
      progressReport(asOf: "2020-07-01T04:00:00Z") {
        summary { indicators noData }
        programmeWide { indicators noData }
        campaigns { campaign { code } summary { indicators } }
        indicators(programmeWide: true, first: 10) { nodes { code target expectedValue status } }
      }
    }`);
    const report = data.progressReport;
    expect(report.summary).toEqual({ indicators: 13, noData: 13 });
    expect(report.programmeWide).toEqual({ indicators: 5, noData: 5 });
    expect(report.campaigns.map((c: any) => [c.campaign.code, c.summary.indicators])).toEqual([
      ['GZK-2020-C1', 3],
      ['GZK-2020-C2', 1],
      ['GZK-2020-C3', 2],
      ['GZK-2020-C4', 0],
      ['GZK-2020-C5', 1],
      ['GZK-2020-C6', 1],
    ]);
    // 打响六大攻坚战, 19项重点工作, 75个重点项目, 195亿元, 增长20%: halfway through the year, half of each is expected.
    expect(report.indicators.nodes).toEqual([
      { code: 'GZK-2020-CAMPAIGNS', target: '6', expectedValue: '3', status: 'NO_DATA' },
      { code: 'GZK-2020-FAI', target: '19500000000', expectedValue: '9750000000', status: 'NO_DATA' },
      { code: 'GZK-2020-FAI-GROWTH', target: '20', expectedValue: '10', status: 'NO_DATA' },
      { code: 'GZK-2020-KEY-PROJECTS', target: '75', expectedValue: '37.5', status: 'NO_DATA' },
      { code: 'GZK-2020-KEY-TASKS', target: '19', expectedValue: '9.5', status: 'NO_DATA' },
    ]);
  });

  it('finds every cadence rule broken so far, nothing having been recorded', async () => {
    const data = await ask(api, partner, `{
      cadenceReport(asOf: "2020-04-01T04:00:00Z") { rules { activity period periodsHeld periodsBroken currentStreak } }
    }`);
    expect(data.cadenceReport.rules).toEqual([
      // 1 January to 31 March; 1 April is in progress.
      { activity: 'ENGAGEMENT', period: 'DAY', periodsHeld: 0, periodsBroken: 91, currentStreak: 0 },
      // The weeks of 30 December to 23 March; the week of 30 March is in progress.
      { activity: 'SIGNING', period: 'WEEK', periodsHeld: 0, periodsBroken: 13, currentStreak: 0 },
      { activity: 'CONSTRUCTION_START', period: 'MONTH', periodsHeld: 0, periodsBroken: 3, currentStreak: 0 },
      { activity: 'COMPLETION', period: 'QUARTER', periodsHeld: 0, periodsBroken: 1, currentStreak: 0 },
    ]);
  });

  it('sees all eighteen projects at risk as the year ends, and overdue once it has', async () => {
    const query = `query ($asOf: DateTime) { riskReport(asOf: $asOf) { summary { projectsOverdue projectsDueSoon } projects(first: 1) { nodes { daysLeft } } } }`;
    const december = await ask(api, partner, query, { asOf: '2020-12-15T04:00:00Z' });
    expect(december.riskReport.summary).toEqual({ projectsOverdue: 0, projectsDueSoon: 18 });
    expect(december.riskReport.projects.nodes[0].daysLeft).toBe(16);
    const january = await ask(api, partner, query, { asOf: '2021-01-05T04:00:00Z' });
    expect(january.riskReport.summary).toEqual({ projectsOverdue: 18, projectsDueSoon: 0 });
    const july = await ask(api, partner, query, { asOf: '2020-07-01T04:00:00Z' });
    expect(july.riskReport.summary).toEqual({ projectsOverdue: 0, projectsDueSoon: 0 });
  });

  it('reports no obstacles or findings, none being named in the text', async () => {
    const data = await ask(api, partner, `{ oversightReport { obstacles { total } findings { total } byResponsibleUnit { responsibleUnit } } }`);
    expect(data.oversightReport).toEqual({ obstacles: { total: 0 }, findings: { total: 0 }, byResponsibleUnit: [] });
  });
});
