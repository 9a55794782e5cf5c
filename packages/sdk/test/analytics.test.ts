import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient, type ZonegraphClient } from '../src/index.ts';
import { startApi, type RunningApi } from '@zonegraph/api/testing';

// Each shipped analytics operation, over HTTP against the seeded API, as a
// partner system would call it. The figures themselves are tested in
// apps/api/test/analytics-*.test.ts; here, that the operations run and type.

let api: RunningApi;
let client: ZonegraphClient;

beforeAll(async () => {
  api = await startApi();
  client = createClient({ url: api.url });
});

afterAll(async () => {
  await api?.close();
});

describe('analytics operations', () => {
  test('progressReport pages the indicators with their linear expectation', async () => {
    const { progressReport } = await client.progressReport({ asOf: '2020-07-01T04:00:00Z', programmeWide: true, first: 2 });
    expect(progressReport?.summary.indicators).toBe(13);
    expect(progressReport?.indicators.totalCount).toBe(5);
    expect(progressReport?.indicators.nodes[0]).toMatchObject({ code: 'GZK-2020-CAMPAIGNS', expectedValue: '3', status: 'NO_DATA' });
    expect(progressReport?.indicators.pageInfo.hasNextPage).toBe(true);
  });

  test('pipelineReport crosses target stage with current stage', async () => {
    const { pipelineReport } = await client.pipelineReport({ by: ['TARGET_STAGE'] });
    expect(pipelineReport?.total.projects).toBe(18);
    const byTarget = Object.fromEntries(pipelineReport?.groups.map((g) => [g.targetStage, g.figures.projects]) ?? []);
    expect(byTarget).toEqual({ SIGNED: 3, UNDER_CONSTRUCTION: 4, OPERATING: 8, ENROLLING: 3 });
  });

  test('investmentReport, cadenceReport, riskReport and oversightReport answer for the seeded programme', async () => {
    const [investment, cadence, risk, oversight] = await Promise.all([
      client.investmentReport({ by: 'CAMPAIGN' }),
      client.cadenceReport({ asOf: '2020-04-01T04:00:00Z' }),
      client.riskReport({ asOf: '2020-12-15T04:00:00Z', first: 5 }),
      client.oversightReport(),
    ]);
    expect(investment.investmentReport?.target).toBe('19500000000');
    expect(investment.investmentReport?.months).toHaveLength(12);
    expect(cadence.cadenceReport?.timeZone).toBe('Asia/Shanghai');
    expect(cadence.cadenceReport?.rules.map((r) => r.period)).toEqual(['DAY', 'WEEK', 'MONTH', 'QUARTER']);
    expect(risk.riskReport?.summary.projectsDueSoon).toBe(18);
    expect(risk.riskReport?.projects.nodes).toHaveLength(5);
    expect(oversight.oversightReport?.obstacles.total).toBe(0);
  });
});
