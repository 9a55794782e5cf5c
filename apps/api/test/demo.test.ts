// The demo year seen through the API: every report a dashboard view reads has
// something to show once it is loaded, the programme says it carries demo data,
// and removing it leaves the reports as the bare seed gives them.
import { createApiKey, loadDemoYear, removeDemoYear } from '@zonegraph/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './testkit.ts';

// The fields the dashboard's views read (apps/dashboard/src/views), one query.
const VIEWS = /* GraphQL */ `
  query Views($project: String!) {
    programme { code demoYear { loadedAt randomSeed } }
    progressReport { summary { indicators achieved onTrack behind noData } indicators(first: 100) { nodes { code latestValue status } } }
    stages: pipelineReport { total { projects } groups(by: [STAGE]) { stage figures { projects } } }
    targets: pipelineReport { groups(by: [TARGET_STAGE, STAGE]) { stage targetStage figures { projects } } }
    investmentReport { total { amount previousYearAmount growthPercent targetPercent } months { amount previousYearAmount cumulative } groups(by: CAMPAIGN) { amount } }
    cadenceReport { rules { activity periodsHeld periodsBroken longestStreak } }
    riskReport { summary { projectsOverdue obstaclesOverdue findingsOverdue } projects(first: 50) { totalCount } obstacles(first: 50) { totalCount } findings(first: 50) { totalCount } }
    oversightReport { obstacles { total resolved } findings { total rectified } byResponsibleUnit { responsibleUnit } }
    projects(first: 20) { totalCount }
    project(code: $project) {
      stageHistory(first: 10) { totalCount }
      investments(first: 30) { totalCount }
      engagements(first: 10) { totalCount }
    }
    engagements(first: 1) { totalCount }
    findingCategories(first: 10) { nodes { code inspectionFindings(first: 10) { totalCount } } }
  }`;

let api: TestApi;
let analyst: Record<string, string>;
let seedOnly: Record<string, any>;

async function views(project = 'GZK-2020-P03') {
  const result = await api.execute(VIEWS, { project }, analyst);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

beforeAll(async () => {
  api = await startTestApi();
  // Investment figures, obstacles and findings are INTERNAL: the dashboard needs an analyst's key for them.
  analyst = { authorization: `Bearer ${(await createApiKey(api.db.prisma, { holder: 'demo test analyst', role: 'ANALYST' })).key}` };
  seedOnly = await views();
  await loadDemoYear(api.db.prisma);
}, 180_000);

afterAll(() => api?.close());

describe('the demo year through the API', () => {
  it('the bare seed leaves the activity views empty', () => {
    expect(seedOnly.programme.demoYear).toBeNull();
    expect(seedOnly.progressReport.summary.noData).toBe(seedOnly.progressReport.summary.indicators);
    expect(Number(seedOnly.investmentReport.total.amount)).toBe(0);
    expect(seedOnly.cadenceReport.rules.every((r: { periodsHeld: number }) => r.periodsHeld === 0)).toBe(true);
    expect(seedOnly.oversightReport.obstacles.total).toBe(0);
  });

  it('says the programme carries a demo year, for the dashboard\'s banner', async () => {
    const data = await views();
    expect(data.programme.demoYear).toMatchObject({ randomSeed: 2020 });
    // Anonymous callers see the mark too: the banner must show whoever looks.
    const anonymous = await api.data<{ programme: { demoYear: unknown } }>('{ programme { demoYear { loadedAt } } }');
    expect(anonymous.programme.demoYear).not.toBeNull();
  });

  it('gives every dashboard view something to show', async () => {
    const data = await views();
    // 总览: indicators with values, some achieved.
    expect(data.progressReport.summary.noData).toBe(0);
    expect(data.progressReport.indicators.nodes.every((i: { latestValue: string | null }) => i.latestValue !== null)).toBe(true);
    expect(data.progressReport.summary.achieved).toBeGreaterThan(0);
    // 项目储备: projects past their seeded stage, and some at their target.
    const stages = new Set(data.stages.groups.map((g: { stage: string }) => g.stage));
    expect(stages.size).toBeGreaterThan(seedOnly.stages.groups.length - 1);
    expect(data.targets.groups.some((g: { stage: string; targetStage: string }) => g.stage === g.targetStage)).toBe(true);
    // 投资: every month of 2020 with investment and a year before to compare, near the target.
    expect(data.investmentReport.months).toHaveLength(12);
    expect(data.investmentReport.months.every((m: { amount: string; previousYearAmount: string }) => Number(m.amount) > 0 && Number(m.previousYearAmount) > 0)).toBe(true);
    expect(Number(data.investmentReport.total.targetPercent)).toBeGreaterThan(95);
    expect(Number(data.investmentReport.total.growthPercent)).toBeGreaterThanOrEqual(20);
    expect(data.investmentReport.groups.length).toBeGreaterThan(0);
    // 推进节奏: talks held on most days, completions in every quarter.
    const rule = (activity: string) => data.cadenceReport.rules.find((r: { activity: string }) => r.activity === activity);
    expect(rule('ENGAGEMENT').periodsHeld).toBeGreaterThan(250);
    expect(rule('COMPLETION').periodsHeld).toBe(4);
    expect(rule('CONSTRUCTION_START').periodsHeld).toBeGreaterThan(0);
    expect(rule('SIGNING').periodsHeld).toBeGreaterThan(0);
    // 风险: projects short of their target, obstacles and findings past their deadline.
    expect(data.riskReport.projects.totalCount).toBeGreaterThan(0);
    expect(data.riskReport.obstacles.totalCount).toBeGreaterThan(0);
    expect(data.riskReport.findings.totalCount).toBeGreaterThan(0);
    expect(data.oversightReport.obstacles).toMatchObject({ total: 10, resolved: 7 });
    expect(data.oversightReport.findings.total).toBe(8);
    expect(data.oversightReport.findings.rectified).toBeGreaterThan(0);
    expect(data.oversightReport.byResponsibleUnit.length).toBeGreaterThan(0);
    // 项目: a project's page with its history, months and talks.
    expect(data.project.stageHistory.totalCount).toBeGreaterThan(0);
    expect(data.project.investments.totalCount).toBeGreaterThan(0);
    expect(data.project.engagements.totalCount).toBeGreaterThan(0);
    // Findings filed under the inspection office's categories.
    expect(data.findingCategories.nodes.every((c: { inspectionFindings: { totalCount: number } }) => c.inspectionFindings.totalCount === 2)).toBe(true);
  });

  it('is gone once removed: the reports read as the bare seed gives them', async () => {
    expect(await removeDemoYear(api.db.prisma)).toBe(true);
    expect(await views()).toEqual(seedOnly);
  });
});
