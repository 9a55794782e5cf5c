import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, createProgramme, createProject, keyFor } from './analytics-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

// The pipeline over eight hand-made projects:
//
//   code  visible to  campaign  stage               target stage (date)        planned (figures)   completed  organisations
//   P1    everyone    C1        SIGNED              UNDER_CONSTRUCTION (06-30)  100 (public)        50         CAS            cluster CL-T
//   P2    everyone    C1        UNDER_CONSTRUCTION  UNDER_CONSTRUCTION (12-31)  200 (public)        150        CAS, university  park PK-T (internal)
//   P3    everyone    C2        OPERATING           UNDER_CONSTRUCTION (03-31)  300 (internal)      —          a restricted defence-industry one
//   P4    everyone    C2        SUSPENDED           UNDER_CONSTRUCTION (2021-03-31) —               —
//   P5    everyone    C1        NEGOTIATING         SIGNED (12-31)              —
//   P6    everyone    C2        OPERATING           —                           600 (public)
//   P7    editors     C1        UNDER_CONSTRUCTION  UNDER_CONSTRUCTION (09-30)  700 (public)
//   P8    archived    C1        UNDER_CONSTRUCTION  UNDER_CONSTRUCTION (09-30)  800

const FIGURES = 'projects withTarget reachedTarget notReachedTarget reachedTargetPercent plannedInvestment completedInvestment projectsWithVisibleFigures projectsWithHiddenFigures';

const PIPELINE = /* GraphQL */ `
  query ($filter: PipelineFilter, $by: [PipelineDimension!]!) {
    pipelineReport(programme: "TEST-2020", filter: $filter) {
      programme { code }
      total { ${FIGURES} }
      groups(by: $by) {
        campaign { code } cluster { code } park { code } originGroup stage targetStage
        figures { projects reachedTarget }
      }
    }
  }
`;

describe('pipeline report', () => {
  let api: TestApi;
  let editor: Record<string, string>;
  let analyst: Record<string, string>;
  let partner: Record<string, string>;

  beforeAll(async () => {
    api = await startTestApi({ seeded: false });
    const programme = await createProgramme(api);
    editor = await keyFor(api, 'EDITOR');
    analyst = await keyFor(api, 'ANALYST');
    partner = await keyFor(api, 'PARTNER');
    const prisma = api.db.prisma;
    const org = (code: string, originGroup: 'CAS' | 'UNIVERSITY' | 'DEFENCE_INDUSTRY', visibility: 'PUBLIC' | 'RESTRICTED' = 'PUBLIC') =>
      prisma.organisation.create({ data: { code, nameZh: code, nameEn: code, type: 'ENTERPRISE', originGroup, visibility } });
    const cas = await org('T-CAS', 'CAS');
    const university = await org('T-UNI', 'UNIVERSITY');
    const hidden = await org('T-HIDDEN', 'DEFENCE_INDUSTRY', 'RESTRICTED');
    const cluster = await prisma.industryCluster.create({ data: { code: 'CL-T', nameZh: '集群', nameEn: 'Cluster T' } });
    const park = await prisma.park.create({ data: { code: 'PK-T', nameZh: '园区', nameEn: 'Park T', visibility: 'INTERNAL' } });

    const uc = 'UNDER_CONSTRUCTION' as const;
    await createProject(api, programme, 'P1', { stage: 'SIGNED', targetStage: uc, targetDate: '2020-06-30', plannedInvestment: '100', organisationIds: [cas.id], clusterId: cluster.id });
    await createProject(api, programme, 'P2', { stage: uc, targetStage: uc, targetDate: '2020-12-31', plannedInvestment: '200', organisationIds: [cas.id, university.id], parkId: park.id });
    await createProject(api, programme, 'P3', { campaign: 'C2', stage: 'OPERATING', targetStage: uc, targetDate: '2020-03-31', plannedInvestment: '300', investmentVisibility: 'INTERNAL', organisationIds: [hidden.id] });
    await createProject(api, programme, 'P4', { campaign: 'C2', stage: 'SUSPENDED', targetStage: uc, targetDate: '2021-03-31' });
    await createProject(api, programme, 'P5', { stage: 'NEGOTIATING', targetStage: 'SIGNED', targetDate: '2020-12-31' });
    await createProject(api, programme, 'P6', { campaign: 'C2', stage: 'OPERATING', plannedInvestment: '600' });
    await createProject(api, programme, 'P7', { stage: uc, targetStage: uc, targetDate: '2020-09-30', plannedInvestment: '700', visibility: 'RESTRICTED' });
    await createProject(api, programme, 'P8', { stage: uc, targetStage: uc, targetDate: '2020-09-30', plannedInvestment: '800', archived: true });
    await prisma.project.update({ where: { code: 'P1' }, data: { completedInvestment: '50' } });
    await prisma.project.update({ where: { code: 'P2' }, data: { completedInvestment: '150' } });
  });
  afterAll(() => api.close());

  const dueThisYear = { targetStage: ['UNDER_CONSTRUCTION'], targetDateFrom: '2020-01-01', targetDateTo: '2020-12-31' };

  it('answers "of the projects due to start construction this year, how many have" in one query', async () => {
    // P1, P2, P3 and P7 are due this year (P4 next year); P2 and P7 are building and P3 already operates.
    const forEditor = await ask(api, editor, PIPELINE, { filter: dueThisYear, by: [] });
    expect(forEditor.pipelineReport.total).toMatchObject({ projects: 4, withTarget: 4, reachedTarget: 3, notReachedTarget: 1, reachedTargetPercent: 75 });
    // A partner never learns of the restricted P7.
    const forPartner = await ask(api, partner, PIPELINE, { filter: dueThisYear, by: [] });
    expect(forPartner.pipelineReport.total).toMatchObject({ projects: 3, withTarget: 3, reachedTarget: 2, notReachedTarget: 1, reachedTargetPercent: 66.67 });
  });

  it('totals counts and investment, excluding the archived project, and the restricted one for a partner', async () => {
    const forEditor = await ask(api, editor, PIPELINE, { by: [] });
    expect(forEditor.pipelineReport.total).toEqual({
      projects: 7, withTarget: 6, reachedTarget: 3, notReachedTarget: 3, reachedTargetPercent: 50,
      plannedInvestment: '1900', completedInvestment: '200', projectsWithVisibleFigures: 7, projectsWithHiddenFigures: 0,
    });
    const forPartner = await ask(api, partner, PIPELINE, { by: [] });
    // P3's figures are internal: its 300 is not summed, though P3 is counted.
    expect(forPartner.pipelineReport.total).toEqual({
      projects: 6, withTarget: 5, reachedTarget: 2, notReachedTarget: 3, reachedTargetPercent: 40,
      plannedInvestment: '900', completedInvestment: '200', projectsWithVisibleFigures: 5, projectsWithHiddenFigures: 1,
    });
  });

  it('says how many projects\' figures were hidden, and gives null, not 0, for a sum over hidden figures only', async () => {
    const forEditor = await ask(api, editor, PIPELINE, { by: [] });
    expect(forEditor.pipelineReport.total.projectsWithHiddenFigures).toBe(0);
    const forPartner = await ask(api, partner, PIPELINE, { by: [] });
    // P3's internal figures are left out of the partner's sums, and the total says so.
    expect(forPartner.pipelineReport.total.projectsWithHiddenFigures).toBe(1);
    // Campaign C2 holds P3 (figures internal), P4 (no figures) and P6: only P6's 600 is summed.
    const c2 = await ask(api, partner, PIPELINE, { filter: { campaign: ['TEST-2020-C2'] }, by: [] });
    expect(c2.pipelineReport.total).toMatchObject({ projects: 3, plannedInvestment: '600', projectsWithVisibleFigures: 2, projectsWithHiddenFigures: 1 });
    // P3 alone (operating and due to start construction): every figure hidden, so the sums are null.
    const p3Only = await ask(api, partner, PIPELINE, { filter: { stage: ['OPERATING'], targetStage: ['UNDER_CONSTRUCTION'] }, by: [] });
    expect(p3Only.pipelineReport.total).toMatchObject({ projects: 1, plannedInvestment: null, completedInvestment: null, projectsWithVisibleFigures: 0, projectsWithHiddenFigures: 1 });
    const forEditorP3 = await ask(api, editor, PIPELINE, { filter: { stage: ['OPERATING'], targetStage: ['UNDER_CONSTRUCTION'] }, by: [] });
    expect(forEditorP3.pipelineReport.total).toMatchObject({ projects: 1, plannedInvestment: '300' });
    // Nothing counted is an honest zero.
    const none = await ask(api, partner, PIPELINE, { filter: { park: ['NO-SUCH-PARK'] }, by: [] });
    expect(none.pipelineReport.total).toMatchObject({ projects: 0, plannedInvestment: '0', projectsWithHiddenFigures: 0 });
  });

  it('crosses target stage with current stage, along the path', async () => {
    const data = await ask(api, partner, PIPELINE, { by: ['TARGET_STAGE', 'STAGE'] });
    expect(data.pipelineReport.groups.map((g: any) => [g.targetStage, g.stage, g.figures.projects, g.figures.reachedTarget])).toEqual([
      ['SIGNED', 'NEGOTIATING', 1, 0],
      ['UNDER_CONSTRUCTION', 'SIGNED', 1, 0],
      ['UNDER_CONSTRUCTION', 'UNDER_CONSTRUCTION', 1, 1],
      ['UNDER_CONSTRUCTION', 'OPERATING', 1, 1],
      ['UNDER_CONSTRUCTION', 'SUSPENDED', 1, 0],
      [null, 'OPERATING', 1, 0],
    ]);
    // Keys not grouped by stay null.
    expect(data.pipelineReport.groups[0]).toMatchObject({ campaign: null, cluster: null, park: null, originGroup: null });
  });

  it('groups by origin group, counting a project in each of its groups and hidden organisations as none', async () => {
    const forPartner = await ask(api, partner, PIPELINE, { by: ['ORIGIN_GROUP'] });
    expect(forPartner.pipelineReport.groups.map((g: any) => [g.originGroup, g.figures.projects])).toEqual([
      ['CAS', 2],
      ['UNIVERSITY', 1],
      [null, 4],
    ]);
    const forEditor = await ask(api, editor, PIPELINE, { by: ['ORIGIN_GROUP'] });
    expect(forEditor.pipelineReport.groups.map((g: any) => [g.originGroup, g.figures.projects])).toEqual([
      ['CAS', 2],
      ['DEFENCE_INDUSTRY', 1],
      ['UNIVERSITY', 1],
      [null, 4],
    ]);
  });

  it('groups by campaign, cluster and park, a park the caller may not see reading as none', async () => {
    const campaigns = await ask(api, partner, PIPELINE, { by: ['CAMPAIGN'] });
    expect(campaigns.pipelineReport.groups.map((g: any) => [g.campaign.code, g.figures.projects])).toEqual([
      ['TEST-2020-C1', 3],
      ['TEST-2020-C2', 3],
    ]);
    const clusters = await ask(api, partner, PIPELINE, { by: ['CLUSTER'] });
    expect(clusters.pipelineReport.groups.map((g: any) => [g.cluster?.code ?? null, g.figures.projects])).toEqual([
      ['CL-T', 1],
      [null, 5],
    ]);
    const parksForPartner = await ask(api, partner, PIPELINE, { by: ['PARK'] });
    expect(parksForPartner.pipelineReport.groups.map((g: any) => [g.park?.code ?? null, g.figures.projects])).toEqual([[null, 6]]);
    const parksForAnalyst = await ask(api, analyst, PIPELINE, { by: ['PARK'] });
    expect(parksForAnalyst.pipelineReport.groups.map((g: any) => [g.park?.code ?? null, g.figures.projects])).toEqual([
      ['PK-T', 1],
      [null, 5],
    ]);
  });

  it('filters by origin group, cluster and current stage', async () => {
    const university = await ask(api, partner, PIPELINE, { filter: { originGroup: ['UNIVERSITY'] }, by: [] });
    expect(university.pipelineReport.total.projects).toBe(1);
    // A restricted organisation cannot be probed through the filter.
    const defence = await ask(api, partner, PIPELINE, { filter: { originGroup: ['DEFENCE_INDUSTRY'] }, by: [] });
    expect(defence.pipelineReport.total.projects).toBe(0);
    const cluster = await ask(api, partner, PIPELINE, { filter: { cluster: ['CL-T'] }, by: [] });
    expect(cluster.pipelineReport.total.projects).toBe(1);
    const operating = await ask(api, partner, PIPELINE, { filter: { stage: ['OPERATING'] }, by: [] });
    expect(operating.pipelineReport.total).toMatchObject({ projects: 2, plannedInvestment: '600' });
  });
});
