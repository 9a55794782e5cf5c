import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, createProgramme, createProject, day, keyFor } from './analytics-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

// What is at risk on 15 June 2020 (Shanghai), with due dates up to 30 days
// ahead counting as near:
//
//   project  visible to  stage               target stage         due          →
//   R1       everyone    SIGNED              UNDER_CONSTRUCTION   06-01        overdue by 14 days
//   R2       everyone    SIGNED              UNDER_CONSTRUCTION   07-10        due in 25 days
//   R3       everyone    SIGNED              UNDER_CONSTRUCTION   08-01        not near (47 days)
//   R4       everyone    OPERATING           UNDER_CONSTRUCTION   06-01        reached: not at risk
//   R5       everyone    UNDER_CONSTRUCTION  OPERATING            (none: 12-31) not near, unless 200 days count as near
//   R6       editors     NEGOTIATING         SIGNED               05-01        overdue by 45 days
//   R7       everyone    CANCELLED           SIGNED               06-10        overdue by 5 days
//   R8       archived    SIGNED              UNDER_CONSTRUCTION   06-01        left out

const RISK = /* GraphQL */ `
  query ($asOf: DateTime, $within: Int) {
    riskReport(programme: "TEST-2020", asOf: $asOf, withinDays: $within) {
      asOf
      withinDays
      summary { projectsOverdue projectsDueSoon obstaclesOverdue findingsOverdue indicatorsBehind }
      projects(first: 10) { totalCount nodes { code campaign { code } stage targetStage dueOn daysLeft overdue } }
      obstacles(first: 10) { totalCount nodes { code status responsibleUnit deadline daysOverdue } }
      findings(first: 10) { totalCount nodes { code status deadline daysOverdue } }
      indicators(first: 10) { totalCount nodes { code status } }
    }
  }
`;

const JUNE_15 = '2020-06-15T04:00:00Z';

describe('risk report', () => {
  let api: TestApi;
  let editor: Record<string, string>;
  let partner: Record<string, string>;

  beforeAll(async () => {
    api = await startTestApi({ seeded: false });
    const programme = await createProgramme(api);
    const other = await createProgramme(api, 'OTHER-2020');
    editor = await keyFor(api, 'EDITOR');
    partner = await keyFor(api, 'PARTNER');
    const uc = 'UNDER_CONSTRUCTION' as const;
    await createProject(api, programme, 'R1', { stage: 'SIGNED', targetStage: uc, targetDate: '2020-06-01' });
    await createProject(api, programme, 'R2', { stage: 'SIGNED', targetStage: uc, targetDate: '2020-07-10', campaign: 'C2' });
    await createProject(api, programme, 'R3', { stage: 'SIGNED', targetStage: uc, targetDate: '2020-08-01' });
    await createProject(api, programme, 'R4', { stage: 'OPERATING', targetStage: uc, targetDate: '2020-06-01' });
    await createProject(api, programme, 'R5', { stage: uc, targetStage: 'OPERATING' });
    await createProject(api, programme, 'R6', { stage: 'NEGOTIATING', targetStage: 'SIGNED', targetDate: '2020-05-01', visibility: 'RESTRICTED' });
    await createProject(api, programme, 'R7', { stage: 'CANCELLED', targetStage: 'SIGNED', targetDate: '2020-06-10' });
    await createProject(api, programme, 'R8', { stage: 'SIGNED', targetStage: uc, targetDate: '2020-06-01', archived: true });

    const prisma = api.db.prisma;
    const obstacle = (code: string, data: Record<string, unknown>) =>
      prisma.obstacle.create({ data: { code, titleZh: code, titleEn: code, raisedOn: day('2020-01-01'), visibility: 'PUBLIC', campaignId: programme.campaigns.C1, ...data } });
    await obstacle('O1', { status: 'OPEN', deadline: day('2020-06-01'), responsibleUnit: 'Unit A' });
    await obstacle('O2', { status: 'IN_PROGRESS', deadline: day('2020-06-20') });
    await obstacle('O3', { status: 'RESOLVED', deadline: day('2020-05-01'), resolvedOn: day('2020-04-20') });
    await obstacle('O4', { status: 'OPEN', deadline: day('2020-05-01'), archivedAt: new Date() });
    await obstacle('O5', { status: 'IN_PROGRESS', deadline: day('2020-05-15'), visibility: 'INTERNAL', campaignId: null });
    await obstacle('O6', { status: 'OPEN', deadline: day('2020-05-01'), campaignId: other.campaigns.C1 });
    await obstacle('O7', { status: 'OPEN' });
    const finding = (code: string, data: Record<string, unknown>) =>
      prisma.inspectionFinding.create({ data: { code, titleZh: code, titleEn: code, foundOn: day('2020-01-01'), visibility: 'PUBLIC', ...data } });
    await finding('F1', { status: 'IN_PROGRESS', deadline: day('2020-06-10') });
    await finding('F2', { status: 'RECTIFIED', deadline: day('2020-06-01'), rectifiedOn: day('2020-05-30') });

    // Behind: 10 of 100 when 167/366 of the year (45.6) was expected. On track: 90.
    for (const [code, value] of [['BEHIND', '10'], ['AHEAD', '90']] as const) {
      const created = await prisma.indicator.create({
        data: { code, programmeId: programme.id, nameZh: code, nameEn: code, unitZh: '个', unitEn: 'units', target: '100' },
      });
      await prisma.indicatorValue.create({ data: { indicatorId: created.id, observedOn: day('2020-06-01'), value } });
    }
  });
  afterAll(() => api.close());

  it('lists what is overdue or near for a partner, longest overdue first', async () => {
    const { riskReport: report } = await ask(api, partner, RISK, { asOf: JUNE_15 });
    expect(report).toMatchObject({ asOf: '2020-06-15', withinDays: 30 });
    expect(report.summary).toEqual({ projectsOverdue: 2, projectsDueSoon: 1, obstaclesOverdue: 1, findingsOverdue: 1, indicatorsBehind: 1 });
    expect(report.projects).toEqual({
      totalCount: 3,
      nodes: [
        { code: 'R1', campaign: { code: 'TEST-2020-C1' }, stage: 'SIGNED', targetStage: 'UNDER_CONSTRUCTION', dueOn: '2020-06-01', daysLeft: -14, overdue: true },
        { code: 'R7', campaign: { code: 'TEST-2020-C1' }, stage: 'CANCELLED', targetStage: 'SIGNED', dueOn: '2020-06-10', daysLeft: -5, overdue: true },
        { code: 'R2', campaign: { code: 'TEST-2020-C2' }, stage: 'SIGNED', targetStage: 'UNDER_CONSTRUCTION', dueOn: '2020-07-10', daysLeft: 25, overdue: false },
      ],
    });
    // O2 is not due yet, O3 is resolved, O4 archived, O5 internal, O6 another programme's, O7 has no deadline.
    expect(report.obstacles).toEqual({ totalCount: 1, nodes: [{ code: 'O1', status: 'OPEN', responsibleUnit: 'Unit A', deadline: '2020-06-01', daysOverdue: 14 }] });
    expect(report.findings).toEqual({ totalCount: 1, nodes: [{ code: 'F1', status: 'IN_PROGRESS', deadline: '2020-06-10', daysOverdue: 5 }] });
    expect(report.indicators).toEqual({ totalCount: 1, nodes: [{ code: 'BEHIND', status: 'BEHIND' }] });
  });

  it('adds the restricted project and the internal obstacle for an editor', async () => {
    const { riskReport: report } = await ask(api, editor, RISK, { asOf: JUNE_15 });
    expect(report.summary).toEqual({ projectsOverdue: 3, projectsDueSoon: 1, obstaclesOverdue: 2, findingsOverdue: 1, indicatorsBehind: 1 });
    expect(report.projects.nodes.map((p: { code: string; daysLeft: number }) => [p.code, p.daysLeft])).toEqual([
      ['R6', -45],
      ['R1', -14],
      ['R7', -5],
      ['R2', 25],
    ]);
    expect(report.obstacles.nodes.map((o: { code: string; daysOverdue: number }) => [o.code, o.daysOverdue])).toEqual([
      ['O5', 31],
      ['O1', 14],
    ]);
  });

  it('takes a project with no target date as due at the end of the period', async () => {
    const { riskReport: report } = await ask(api, partner, RISK, { asOf: JUNE_15, within: 200 });
    expect(report.projects.nodes.map((p: { code: string; dueOn: string; daysLeft: number }) => [p.code, p.dueOn, p.daysLeft])).toEqual([
      ['R1', '2020-06-01', -14],
      ['R7', '2020-06-10', -5],
      ['R2', '2020-07-10', 25],
      ['R3', '2020-08-01', 47],
      ['R5', '2020-12-31', 199],
    ]);
  });

  it('refuses a horizon outside 0 to 366 days', async () => {
    const result = await api.execute(RISK, { within: -1 }, partner);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
