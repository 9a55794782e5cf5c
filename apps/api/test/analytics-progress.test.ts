import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, createProgramme, day, keyFor } from './analytics-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

// Progress against targets for indicators made by hand. The period is 2020
// (366 days); asked at 00:30 on 1 July in Shanghai, 183 of its days have
// passed, so the linear expectation is exactly halfway from baseline to target.
//
//   code  campaign  direction  baseline → target  actuals (day: value)              expected  % complete  status
//   I1    —         AT_LEAST   0 → 100            03-31: 30, 06-30: 60              50        60          ON_TRACK
//   I2    —         AT_LEAST   10 → 110           06-30: 40                         60        30          BEHIND
//   I9    —         AT_MOST    10 → 15            06-01: 12 (baseline already meets) 15       100         ACHIEVED
//   I3    C1        AT_MOST    30 → 15            05-01: 20                         22.5      66.67       ON_TRACK
//   I4    C1        AT_LEAST   0 → 5              04-01: 6                          2.5       120         ACHIEVED
//   I8    C1        AT_LEAST   0 → 10 (restricted) 06-01: 1                         5         10          BEHIND
//   I5    C2        AT_LEAST   0 → 10             —                                 5         —           NO_DATA
//   I6    C2        AT_LEAST   0 → 10             08-01: 9 (after today)            5         —           NO_DATA
//   I7    C1        archived                                                                              (left out)

const PROGRESS = /* GraphQL */ `
  query ($asOf: DateTime, $first: Int, $after: String, $status: [ProgressStatus!]) {
    progressReport(programme: "TEST-2020", asOf: $asOf) {
      programme { code }
      asOf
      periodStart
      periodEnd
      summary { indicators achieved onTrack behind noData averagePercentComplete }
      programmeWide { indicators achieved onTrack behind noData averagePercentComplete }
      campaigns { campaign { code } summary { indicators achieved onTrack behind noData averagePercentComplete } }
      indicators(first: $first, after: $after, status: $status) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          code campaign { code } targetDirection baseline target latestValue latestObservedOn
          expectedValue percentComplete status onTrack
        }
      }
    }
  }
`;

/** 00:30 on 1 July 2020 in Shanghai (still 30 June in UTC). */
const JULY_FIRST = '2020-06-30T16:30:00Z';

describe('progress report', () => {
  let api: TestApi;
  let editor: Record<string, string>;
  let partner: Record<string, string>;

  beforeAll(async () => {
    api = await startTestApi({ seeded: false });
    const programme = await createProgramme(api);
    editor = await keyFor(api, 'EDITOR');
    partner = await keyFor(api, 'PARTNER');
    const indicator = async (
      code: string,
      campaign: 'C1' | 'C2' | null,
      baseline: string,
      target: string,
      values: [string, string][],
      options: { direction?: 'AT_LEAST' | 'AT_MOST'; visibility?: 'RESTRICTED'; archived?: boolean } = {},
    ) => {
      const created = await api.db.prisma.indicator.create({
        data: {
          code,
          programmeId: programme.id,
          campaignId: campaign ? programme.campaigns[campaign] : null,
          nameZh: code,
          nameEn: code,
          unitZh: '个',
          unitEn: 'units',
          baseline,
          target,
          targetDirection: options.direction ?? 'AT_LEAST',
          visibility: options.visibility ?? 'PUBLIC',
          archivedAt: options.archived ? new Date() : null,
        },
      });
      await api.db.prisma.indicatorValue.createMany({ data: values.map(([on, value]) => ({ indicatorId: created.id, observedOn: day(on), value })) });
    };
    await indicator('I1', null, '0', '100', [['2020-03-31', '30'], ['2020-06-30', '60']]);
    await indicator('I2', null, '10', '110', [['2020-06-30', '40']]);
    await indicator('I9', null, '10', '15', [['2020-06-01', '12']], { direction: 'AT_MOST' });
    await indicator('I3', 'C1', '30', '15', [['2020-05-01', '20']], { direction: 'AT_MOST' });
    await indicator('I4', 'C1', '0', '5', [['2020-04-01', '6']]);
    await indicator('I8', 'C1', '0', '10', [['2020-06-01', '1']], { visibility: 'RESTRICTED' });
    await indicator('I5', 'C2', '0', '10', []);
    await indicator('I6', 'C2', '0', '10', [['2020-08-01', '9']]);
    await indicator('I7', 'C1', '0', '10', [['2020-06-01', '10']], { archived: true });
  });
  afterAll(() => api.close());

  it('measures each indicator against its linear expectation on 1 July in Shanghai', async () => {
    const { progressReport: report } = await ask(api, partner, PROGRESS, { asOf: JULY_FIRST, first: 20 });
    expect(report).toMatchObject({ programme: { code: 'TEST-2020' }, asOf: '2020-07-01', periodStart: '2020-01-01', periodEnd: '2020-12-31' });
    expect(report.indicators.totalCount).toBe(7);
    expect(report.indicators.nodes).toEqual([
      { code: 'I1', campaign: null, targetDirection: 'AT_LEAST', baseline: '0', target: '100', latestValue: '60', latestObservedOn: '2020-06-30', expectedValue: '50', percentComplete: 60, status: 'ON_TRACK', onTrack: true },
      { code: 'I2', campaign: null, targetDirection: 'AT_LEAST', baseline: '10', target: '110', latestValue: '40', latestObservedOn: '2020-06-30', expectedValue: '60', percentComplete: 30, status: 'BEHIND', onTrack: false },
      { code: 'I9', campaign: null, targetDirection: 'AT_MOST', baseline: '10', target: '15', latestValue: '12', latestObservedOn: '2020-06-01', expectedValue: '15', percentComplete: 100, status: 'ACHIEVED', onTrack: true },
      { code: 'I3', campaign: { code: 'TEST-2020-C1' }, targetDirection: 'AT_MOST', baseline: '30', target: '15', latestValue: '20', latestObservedOn: '2020-05-01', expectedValue: '22.5', percentComplete: 66.67, status: 'ON_TRACK', onTrack: true },
      { code: 'I4', campaign: { code: 'TEST-2020-C1' }, targetDirection: 'AT_LEAST', baseline: '0', target: '5', latestValue: '6', latestObservedOn: '2020-04-01', expectedValue: '2.5', percentComplete: 120, status: 'ACHIEVED', onTrack: true },
      { code: 'I5', campaign: { code: 'TEST-2020-C2' }, targetDirection: 'AT_LEAST', baseline: '0', target: '10', latestValue: null, latestObservedOn: null, expectedValue: '5', percentComplete: null, status: 'NO_DATA', onTrack: null },
      // Its only value is for a day after today.
      { code: 'I6', campaign: { code: 'TEST-2020-C2' }, targetDirection: 'AT_LEAST', baseline: '0', target: '10', latestValue: null, latestObservedOn: null, expectedValue: '5', percentComplete: null, status: 'NO_DATA', onTrack: null },
    ]);
  });

  it('takes the day in Shanghai: at 23:59 on 30 June the expectation is 182 days\' worth', async () => {
    const { progressReport: report } = await ask(api, partner, PROGRESS, { asOf: '2020-06-30T15:59:00Z', first: 1 });
    expect(report.asOf).toBe('2020-06-30');
    // 100 × 182 / 366, to four places.
    expect(report.indicators.nodes[0]).toMatchObject({ code: 'I1', expectedValue: '49.7268', status: 'ON_TRACK' });
  });

  it('counts by status for the programme, its programme-wide targets and each campaign', async () => {
    const { progressReport: report } = await ask(api, partner, PROGRESS, { asOf: JULY_FIRST });
    // Mean % complete over those with an actual: (60 + 30 + 100 + 66.67 + 120) / 5.
    expect(report.summary).toEqual({ indicators: 7, achieved: 2, onTrack: 2, behind: 1, noData: 2, averagePercentComplete: 75.33 });
    expect(report.programmeWide).toEqual({ indicators: 3, achieved: 1, onTrack: 1, behind: 1, noData: 0, averagePercentComplete: 63.33 });
    expect(report.campaigns).toEqual([
      { campaign: { code: 'TEST-2020-C1' }, summary: { indicators: 2, achieved: 1, onTrack: 1, behind: 0, noData: 0, averagePercentComplete: 93.34 } },
      { campaign: { code: 'TEST-2020-C2' }, summary: { indicators: 2, achieved: 0, onTrack: 0, behind: 0, noData: 2, averagePercentComplete: null } },
    ]);
  });

  it('includes a restricted indicator for an editor only', async () => {
    const { progressReport: report } = await ask(api, editor, PROGRESS, { asOf: JULY_FIRST, status: ['BEHIND'] });
    expect(report.summary).toEqual({ indicators: 8, achieved: 2, onTrack: 2, behind: 2, noData: 2, averagePercentComplete: 64.45 });
    expect(report.campaigns[0].summary).toEqual({ indicators: 3, achieved: 1, onTrack: 1, behind: 1, noData: 0, averagePercentComplete: 65.56 });
    expect(report.indicators.nodes.map((n: { code: string; expectedValue: string }) => [n.code, n.expectedValue])).toEqual([
      ['I2', '60'],
      ['I8', '5'],
    ]);
  });

  it('pages through the indicators with cursors', async () => {
    const first = await ask(api, partner, PROGRESS, { asOf: JULY_FIRST, first: 2 });
    expect(first.progressReport.indicators.nodes.map((n: { code: string }) => n.code)).toEqual(['I1', 'I2']);
    expect(first.progressReport.indicators.pageInfo.hasNextPage).toBe(true);
    const next = await ask(api, partner, PROGRESS, { asOf: JULY_FIRST, first: 2, after: first.progressReport.indicators.pageInfo.endCursor });
    expect(next.progressReport.indicators.nodes.map((n: { code: string }) => n.code)).toEqual(['I9', 'I3']);
    expect(next.progressReport.indicators.totalCount).toBe(7);
    // A position past the end of this same list (its cursors carry the list's digest, see packages/graph cursors.ts).
    const [prefix, digest] = Buffer.from(first.progressReport.indicators.pageInfo.endCursor, 'base64').toString('utf8').split(':');
    const pastEnd = Buffer.from(`${prefix}:${digest}:${Buffer.from('OffsetConnection:50').toString('base64')}`).toString('base64');
    const beyond = await ask(api, partner, PROGRESS, { asOf: JULY_FIRST, first: 2, after: pastEnd });
    expect(beyond.progressReport.indicators).toMatchObject({ totalCount: 7, nodes: [] });
    const tooMany = await api.execute(PROGRESS, { first: 101 }, partner);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_TOO_LARGE');
  });

  it('answers null for a programme that does not exist', async () => {
    const data = await ask(api, partner, `{ progressReport(programme: "NOPE") { asOf } }`);
    expect(data.progressReport).toBeNull();
  });
});
