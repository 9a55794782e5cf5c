import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, createProgramme, createProject, day, keyFor } from './analytics-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

// Obstacles and inspection findings on 15 June 2020 (Shanghai):
//
//   obstacle  unit    status       raised → resolved (days)   deadline
//   O1        Unit A  OPEN         01-01                       03-01 (overdue)
//   O2        Unit A  RESOLVED     01-01 → 01-11 (10)
//   O3        Unit A  CLOSED       02-01 → 02-21 (20)
//   O4        Unit A  RESOLVED     03-01 → 04-10 (40)
//   O5        Unit B  IN_PROGRESS  05-01
//   O6        Unit B  RESOLVED     01-01 → 01-05 (4)
//   O7        —       OPEN         06-01                       07-01 (not yet)
//   O8        Unit A  RESOLVED     01-01 → 03-01 (60)          restricted: editors only
//   O9        Unit C  OPEN         archived: left out
//   O10       Unit A  OPEN         another programme's project: left out
//
//   finding   unit    status       found → rectified (days)   deadline
//   F1        Unit A  RECTIFIED    01-01 → 01-31 (30)
//   F2        Unit C  OPEN         02-01                       03-01 (overdue)
//   F3        Unit C  CLOSED       03-01 → 03-11 (10)

const OVERSIGHT = /* GraphQL */ `
  query {
    oversightReport(programme: "TEST-2020", asOf: "2020-06-15T04:00:00Z") {
      asOf
      obstacles { total open resolved overdue resolutionRate medianDaysToResolve }
      findings { total open rectified overdue rectificationRate medianDaysToRectify }
      byResponsibleUnit {
        responsibleUnit
        obstacles { total open resolved overdue resolutionRate medianDaysToResolve }
        findings { total open rectified overdue rectificationRate medianDaysToRectify }
      }
    }
  }
`;

const noObstacles = { total: 0, open: 0, resolved: 0, overdue: 0, resolutionRate: null, medianDaysToResolve: null };
const noFindings = { total: 0, open: 0, rectified: 0, overdue: 0, rectificationRate: null, medianDaysToRectify: null };

describe('oversight report', () => {
  let api: TestApi;
  let editor: Record<string, string>;
  let partner: Record<string, string>;

  beforeAll(async () => {
    api = await startTestApi({ seeded: false });
    const programme = await createProgramme(api);
    const other = await createProgramme(api, 'OTHER-2020');
    const elsewhere = await createProject(api, other, 'O-PROJECT');
    editor = await keyFor(api, 'EDITOR');
    partner = await keyFor(api, 'PARTNER');
    const prisma = api.db.prisma;
    const obstacle = (code: string, unit: string | null, status: string, raised: string, resolved: string | null, extra: Record<string, unknown> = {}) =>
      prisma.obstacle.create({
        data: {
          code, titleZh: code, titleEn: code, responsibleUnit: unit, status: status as never, raisedOn: day(raised),
          resolvedOn: resolved ? day(resolved) : null, visibility: 'PUBLIC', campaignId: programme.campaigns.C1, ...extra,
        },
      });
    await obstacle('O1', 'Unit A', 'OPEN', '2020-01-01', null, { deadline: day('2020-03-01') });
    await obstacle('O2', 'Unit A', 'RESOLVED', '2020-01-01', '2020-01-11');
    await obstacle('O3', 'Unit A', 'CLOSED', '2020-02-01', '2020-02-21');
    await obstacle('O4', 'Unit A', 'RESOLVED', '2020-03-01', '2020-04-10');
    await obstacle('O5', 'Unit B', 'IN_PROGRESS', '2020-05-01', null);
    await obstacle('O6', 'Unit B', 'RESOLVED', '2020-01-01', '2020-01-05');
    await obstacle('O7', null, 'OPEN', '2020-06-01', null, { deadline: day('2020-07-01'), campaignId: null });
    await obstacle('O8', 'Unit A', 'RESOLVED', '2020-01-01', '2020-03-01', { visibility: 'RESTRICTED' });
    await obstacle('O9', 'Unit C', 'OPEN', '2020-01-01', null, { archivedAt: new Date() });
    await obstacle('O10', 'Unit A', 'OPEN', '2020-01-01', null, { campaignId: null, projectId: elsewhere.id });
    const finding = (code: string, unit: string, status: string, found: string, rectified: string | null, deadline?: string) =>
      prisma.inspectionFinding.create({
        data: {
          code, titleZh: code, titleEn: code, responsibleUnit: unit, status: status as never, foundOn: day(found),
          rectifiedOn: rectified ? day(rectified) : null, deadline: deadline ? day(deadline) : null, visibility: 'PUBLIC',
        },
      });
    await finding('F1', 'Unit A', 'RECTIFIED', '2020-01-01', '2020-01-31');
    await finding('F2', 'Unit C', 'OPEN', '2020-02-01', null, '2020-03-01');
    await finding('F3', 'Unit C', 'CLOSED', '2020-03-01', '2020-03-11');
  });
  afterAll(() => api.close());

  it('counts open and resolved, the rates and the median days to resolve, for a partner', async () => {
    const { oversightReport: report } = await ask(api, partner, OVERSIGHT);
    expect(report.asOf).toBe('2020-06-15');
    // Median of 4, 10, 20 and 40 days.
    expect(report.obstacles).toEqual({ total: 7, open: 3, resolved: 4, overdue: 1, resolutionRate: 57.14, medianDaysToResolve: 15 });
    // Median of 30 and 10 days.
    expect(report.findings).toEqual({ total: 3, open: 1, rectified: 2, overdue: 1, rectificationRate: 66.67, medianDaysToRectify: 20 });
  });

  it('breaks them down by responsible unit, units without a name last', async () => {
    const { oversightReport: report } = await ask(api, partner, OVERSIGHT);
    expect(report.byResponsibleUnit).toEqual([
      {
        responsibleUnit: 'Unit A',
        obstacles: { total: 4, open: 1, resolved: 3, overdue: 1, resolutionRate: 75, medianDaysToResolve: 20 },
        findings: { total: 1, open: 0, rectified: 1, overdue: 0, rectificationRate: 100, medianDaysToRectify: 30 },
      },
      {
        responsibleUnit: 'Unit B',
        obstacles: { total: 2, open: 1, resolved: 1, overdue: 0, resolutionRate: 50, medianDaysToResolve: 4 },
        findings: noFindings,
      },
      {
        responsibleUnit: 'Unit C',
        obstacles: noObstacles,
        findings: { total: 2, open: 1, rectified: 1, overdue: 1, rectificationRate: 50, medianDaysToRectify: 10 },
      },
      {
        responsibleUnit: null,
        obstacles: { total: 1, open: 1, resolved: 0, overdue: 0, resolutionRate: 0, medianDaysToResolve: null },
        findings: noFindings,
      },
    ]);
  });

  it('includes the restricted obstacle for an editor', async () => {
    const { oversightReport: report } = await ask(api, editor, OVERSIGHT);
    // Median of 4, 10, 20, 40 and 60 days.
    expect(report.obstacles).toEqual({ total: 8, open: 3, resolved: 5, overdue: 1, resolutionRate: 62.5, medianDaysToResolve: 20 });
    // Median of 10, 20, 40 and 60 days.
    expect(report.byResponsibleUnit[0]).toMatchObject({
      responsibleUnit: 'Unit A',
      obstacles: { total: 5, resolved: 4, resolutionRate: 80, medianDaysToResolve: 30 },
    });
  });
});
