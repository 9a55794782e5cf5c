import { Prisma, TargetDirection } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { costHints, RECORDS_PER_DIMENSION, withinBound } from './bounds.ts';
import { asOfArgDescription, dateParam, programmeArgDescription, programmeScope, type Scope } from './period.ts';
import { visibleIn } from './sql.ts';
import { AnalyticsLabelRef, labelFrom, once, pageOf, totalCountField, type Label, type PageArgs } from './types.ts';

// Progress against targets: every indicator's latest actual against its
// baseline and target, and whether it keeps pace with a straight line from
// the baseline at the period's start to the target at its end.

export const ProgressStatusRef = builder.enumType('ProgressStatus', {
  description: 'Where an indicator stands against its target and its linear expectation.',
  values: {
    ACHIEVED: { description: 'The latest actual already meets the target (at or above an AT_LEAST target, at or below an AT_MOST one).' },
    ON_TRACK: { description: 'Not yet at the target, but at or beyond the linear expectation for today.' },
    BEHIND: { description: 'Short of the linear expectation for today.' },
    NO_DATA: { description: 'No actual value recorded on or before today.' },
  } as const,
});

type ProgressStatus = 'ACHIEVED' | 'ON_TRACK' | 'BEHIND' | 'NO_DATA';

export interface ProgressFilter {
  campaign?: string | null;
  programmeWide?: boolean | null;
  status?: readonly ProgressStatus[] | null;
}

/**
 * Every indicator the caller may count, with its latest actual on or before
 * today, its linear expectation for today, its percentage complete and its
 * status (CTE `measured`). An indicator of a campaign counts only while that
 * campaign is current and visible too, so that it is never shown as
 * programme-wide in its stead.
 */
export function measured(scope: Scope, filter: ProgressFilter = {}): Prisma.Sql {
  const { programme, today, visible } = scope;
  const share = Prisma.sql`LEAST(GREATEST((${dateParam(today)} - ${dateParam(programme.periodStart)} + 1)::numeric
    / (${dateParam(programme.periodEnd)} - ${dateParam(programme.periodStart)} + 1), 0), 1)`;
  const where: Prisma.Sql[] = [
    Prisma.sql`i."programmeId" = ${programme.id}::uuid`,
    Prisma.sql`i."archivedAt" IS NULL`,
    Prisma.sql`i.visibility = ANY(${visibleIn(visible)})`,
    Prisma.sql`(i."campaignId" IS NULL OR (c."archivedAt" IS NULL AND c.visibility = ANY(${visibleIn(visible)})))`,
  ];
  if (filter.campaign) where.push(Prisma.sql`c.code = ${filter.campaign}`);
  if (filter.programmeWide === true) where.push(Prisma.sql`i."campaignId" IS NULL`);
  if (filter.programmeWide === false) where.push(Prisma.sql`i."campaignId" IS NOT NULL`);
  const met = (value: string) =>
    Prisma.raw(`((direction = 'AT_LEAST' AND latest >= ${value}) OR (direction = 'AT_MOST' AND latest <= ${value}))`);
  return Prisma.sql`
    shown AS (
      SELECT i.id, i.code, i."nameZh", i."nameEn", i."unitZh", i."unitEn", i.baseline, i.target,
             i."targetDirection"::text AS direction,
             c.code AS "campaignCode", c."nameZh" AS "campaignNameZh", c."nameEn" AS "campaignNameEn",
             COALESCE(c.position, 0) AS position,
             v.value AS latest, v."observedOn" AS "latestOn",
             -- A straight line exists only while the baseline falls short of the target.
             ((i."targetDirection" = 'AT_LEAST' AND i.target > i.baseline)
               OR (i."targetDirection" = 'AT_MOST' AND i.target < i.baseline)) AS linear
        FROM "Indicator" i
        LEFT JOIN "Campaign" c ON c.id = i."campaignId"
        LEFT JOIN LATERAL (
          SELECT iv.value, iv."observedOn" FROM "IndicatorValue" iv
           WHERE iv."indicatorId" = i.id AND iv."observedOn" <= ${dateParam(today)}
           ORDER BY iv."observedOn" DESC LIMIT 1) v ON true
       WHERE ${Prisma.join(where, ' AND ')}
    ),
    expected AS (
      SELECT shown.*,
             round(CASE WHEN linear THEN baseline + (target - baseline) * ${share} ELSE target END, 4) AS expected,
             CASE WHEN latest IS NULL THEN NULL
                  WHEN linear THEN round((latest - baseline) * 100 / (target - baseline), 2)
                  WHEN ${met('target')} THEN 100 ELSE 0 END AS pct
        FROM shown
    ),
    measured AS (
      SELECT expected.*,
             CASE WHEN latest IS NULL THEN 'NO_DATA'
                  WHEN ${met('target')} THEN 'ACHIEVED'
                  WHEN ${met('expected')} THEN 'ON_TRACK'
                  ELSE 'BEHIND' END AS status
        FROM expected
    )`;
}

interface IndicatorRow {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  direction: TargetDirection;
  baseline: Prisma.Decimal;
  target: Prisma.Decimal;
  latest: Prisma.Decimal | null;
  latestOn: Date | null;
  expected: Prisma.Decimal;
  pct: Prisma.Decimal | null;
  status: ProgressStatus;
  campaignCode: string | null;
  total: number;
}

/** One page of indicators with their progress, programme-wide ones first, then by campaign and code. */
export function indicatorPage(scope: Scope, filter: ProgressFilter, args: PageArgs) {
  const statuses = filter.status?.length ? Prisma.sql`WHERE status = ANY(${[...filter.status]}::text[])` : Prisma.empty;
  return pageOf(
    args,
    async (limit, offset) => {
      const rows = await scope.query<IndicatorRow>`
        WITH ${measured(scope, filter)}
        SELECT *, count(*) OVER ()::int AS total FROM measured ${statuses}
         ORDER BY position, code LIMIT ${limit} OFFSET ${offset}`;
      return { rows, total: rows[0]?.total ?? null };
    },
    async () => {
      const [row] = await scope.query<{ total: number }>`
        WITH ${measured(scope, filter)} SELECT count(*)::int AS total FROM measured ${statuses}`;
      return row?.total ?? 0;
    },
  );
}

interface Summary {
  indicators: number;
  achieved: number;
  onTrack: number;
  behind: number;
  noData: number;
  averagePercentComplete: number | null;
}

interface SummaryRow extends Summary {
  whole: boolean | null;
  campaignCode: string | null;
  campaignNameZh: string | null;
  campaignNameEn: string | null;
}

const noIndicators: Summary = { indicators: 0, achieved: 0, onTrack: 0, behind: 0, noData: 0, averagePercentComplete: null };

/**
 * The counts by status for the whole programme, for its programme-wide
 * indicators and for each current campaign it may see (campaigns without
 * indicators too), in one statement: GROUPING SETS over the measured rows.
 */
async function summaries(scope: Scope) {
  const { programme, visible } = scope;
  const rows = await scope.query<SummaryRow>`
    WITH ${measured(scope)},
    sums AS (
      SELECT GROUPING("campaignCode") = 1 AS whole, "campaignCode",
             count(*)::int AS indicators,
             count(*) FILTER (WHERE status = 'ACHIEVED')::int AS achieved,
             count(*) FILTER (WHERE status = 'ON_TRACK')::int AS "onTrack",
             count(*) FILTER (WHERE status = 'BEHIND')::int AS behind,
             count(*) FILTER (WHERE status = 'NO_DATA')::int AS "noData",
             round(avg(pct), 2)::float8 AS "averagePercentComplete"
        FROM measured GROUP BY GROUPING SETS (("campaignCode"), ())
    ),
    campaigns AS (
      SELECT code, "nameZh", "nameEn", position FROM "Campaign"
       WHERE "programmeId" = ${programme.id}::uuid AND "archivedAt" IS NULL AND visibility = ANY(${visibleIn(visible)})
    )
    SELECT s.whole, c.code AS "campaignCode", c."nameZh" AS "campaignNameZh", c."nameEn" AS "campaignNameEn",
           COALESCE(s.indicators, 0) AS indicators, COALESCE(s.achieved, 0) AS achieved, COALESCE(s."onTrack", 0) AS "onTrack",
           COALESCE(s.behind, 0) AS behind, COALESCE(s."noData", 0) AS "noData", s."averagePercentComplete"
      FROM campaigns c FULL JOIN sums s ON s."campaignCode" = c.code AND NOT s.whole
     ORDER BY c.position NULLS FIRST, s.whole`;
  const pick = ({ indicators, achieved, onTrack, behind, noData, averagePercentComplete }: Summary): Summary => ({
    indicators,
    achieved,
    onTrack,
    behind,
    noData,
    averagePercentComplete,
  });
  return {
    whole: pick(rows.find((r) => r.whole) ?? noIndicators),
    programmeWide: pick(rows.find((r) => r.whole === false && r.campaignCode === null) ?? noIndicators),
    campaigns: rows.filter((r) => r.campaignCode !== null).map((r) => ({ campaign: labelFrom(r as never, 'campaign')!, summary: pick(r) })),
  };
}

const ProgressSummaryRef = builder.objectRef<Summary>('ProgressSummary').implement({
  description: 'How many indicators stand where, for the programme, its programme-wide targets or one campaign.',
  fields: (t) => ({
    indicators: t.exposeInt('indicators', { description: 'Indicators counted (current ones you may see).' }),
    achieved: t.exposeInt('achieved', { description: 'Indicators whose latest actual already meets the target.' }),
    onTrack: t.exposeInt('onTrack', { description: 'Indicators at or beyond their linear expectation, not yet at the target.' }),
    behind: t.exposeInt('behind', { description: 'Indicators short of their linear expectation.' }),
    noData: t.exposeInt('noData', { description: 'Indicators with no actual value yet.' }),
    averagePercentComplete: t.exposeFloat('averagePercentComplete', {
      nullable: true,
      description: 'The mean of `percentComplete` over the indicators with an actual value, in percent; null when none has one.',
    }),
  }),
});

const CampaignProgressRef = builder.objectRef<{ campaign: Label; summary: Summary }>('CampaignProgress').implement({
  description: 'One campaign\'s indicators, counted by where they stand.',
  fields: (t) => ({
    campaign: t.field({ type: AnalyticsLabelRef, description: 'The campaign.', resolve: (r) => r.campaign }),
    summary: t.field({ type: ProgressSummaryRef, description: 'Its indicators by status.', resolve: (r) => r.summary }),
  }),
});

export const IndicatorProgressRef = builder.objectRef<IndicatorRow>('IndicatorProgress').implement({
  description:
    'An indicator\'s latest actual against its baseline and target. The linear expectation is a straight line from the baseline on ' +
    'the period\'s first day to the target on its last: expected = baseline + (target − baseline) × (days of the period elapsed up to ' +
    'and including today ÷ days in the period), with days counted in the programme\'s time zone. When the baseline already meets the ' +
    'target there is no line: the expectation is the target itself.',
  fields: (t) => ({
    indicatorId: t.globalID({ description: 'The indicator\'s global ID, for `node(id:)`.', resolve: (r) => ({ type: 'Indicator', id: r.id }) }),
    code: t.exposeString('code', { description: 'The indicator\'s code.' }),
    nameZh: t.exposeString('nameZh', { description: 'What is measured, in Chinese.' }),
    nameEn: t.exposeString('nameEn', { description: 'What is measured, in English.' }),
    unitZh: t.exposeString('unitZh', { description: 'Unit in Chinese.' }),
    unitEn: t.exposeString('unitEn', { description: 'Unit in English.' }),
    targetDirection: t.field({ type: TargetDirection, description: 'A floor to reach (AT_LEAST) or a ceiling to stay within (AT_MOST).', resolve: (r) => r.direction }),
    campaign: t.field({
      type: AnalyticsLabelRef,
      nullable: true,
      description: 'The campaign it measures; null for a programme-wide target.',
      resolve: (r) => labelFrom(r as never, 'campaign'),
    }),
    baseline: t.field({ type: 'Decimal', description: 'Value at the start of the period.', resolve: (r) => r.baseline }),
    target: t.field({ type: 'Decimal', description: 'Value to reach (or stay within) by the end of the period.', resolve: (r) => r.target }),
    latestValue: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'The most recent actual value observed on or before today; null when there is none.',
      resolve: (r) => r.latest,
    }),
    latestObservedOn: t.field({ type: 'Date', nullable: true, description: 'The day the latest actual holds for.', resolve: (r) => r.latestOn }),
    expectedValue: t.field({
      type: 'Decimal',
      description: 'Where a straight line from baseline to target says the indicator should stand today (see the type\'s description).',
      resolve: (r) => r.expected,
    }),
    percentComplete: t.float({
      nullable: true,
      description:
        'How far the latest actual has come from the baseline towards the target: (latest − baseline) ÷ (target − baseline) × 100, ' +
        'rounded to two places (may fall below 0 or exceed 100). When the baseline already meets the target: 100 while the actual ' +
        'meets it, else 0. Null without an actual value.',
      resolve: (r) => (r.pct === null ? null : Number(r.pct)),
    }),
    status: t.field({ type: ProgressStatusRef, description: 'Achieved, on track, behind, or no data yet.', resolve: (r) => r.status }),
    onTrack: t.boolean({
      nullable: true,
      description: 'Whether it meets its linear expectation for today (ACHIEVED or ON_TRACK); null without an actual value.',
      resolve: (r) => (r.status === 'NO_DATA' ? null : r.status !== 'BEHIND'),
    }),
  }),
});

export interface ProgressReport {
  scope: Scope;
  summaries: () => ReturnType<typeof summaries>;
}

const ProgressReportRef = builder.objectRef<ProgressReport>('ProgressReport').implement({
  description:
    'Progress against targets, for the programme and for each campaign: every indicator with its baseline, target, latest actual, ' +
    'percentage complete, and whether it keeps pace with a LINEAR EXPECTATION BY DATE — a straight line from the baseline on the ' +
    'period\'s first day to the target on its last, in the programme\'s time zone (Asia/Shanghai for the seeded programme). ' +
    'Only current indicators you may see are counted.',
  fields: (t) => ({
    programme: t.field({ type: AnalyticsLabelRef, description: 'The programme reported on.', resolve: (r) => r.scope.programme }),
    asOf: t.field({ type: 'Date', description: 'Today in the programme\'s time zone: the day actuals and expectations are taken for.', resolve: (r) => r.scope.today }),
    periodStart: t.field({ type: 'Date', description: 'First day of the programme\'s period.', resolve: (r) => r.scope.programme.periodStart }),
    periodEnd: t.field({ type: 'Date', description: 'Last day of the programme\'s period.', resolve: (r) => r.scope.programme.periodEnd }),
    summary: t.field({ type: ProgressSummaryRef, description: 'All indicators counted by status.', resolve: async (r) => (await r.summaries()).whole }),
    programmeWide: t.field({
      type: ProgressSummaryRef,
      description: 'The programme-wide targets (indicators of no campaign) counted by status.',
      resolve: async (r) => (await r.summaries()).programmeWide,
    }),
    campaigns: t.field({
      type: [CampaignProgressRef],
      description: 'Each current campaign you may see, in order, with its indicators counted by status.',
      extensions: costHints({ list: () => RECORDS_PER_DIMENSION }),
      resolve: async (r) => withinBound((await r.summaries()).campaigns, RECORDS_PER_DIMENSION, 'progressReport.campaigns'),
    }),
    indicators: t.connection(
      {
        type: IndicatorProgressRef,
        description: 'The indicators with their progress: programme-wide targets first, then by campaign in order, then by code.',
        args: {
          campaign: t.arg.string({ description: 'Only this campaign\'s indicators (its code).' }),
          programmeWide: t.arg.boolean({ description: 'Only programme-wide targets (true), or only campaign indicators (false).' }),
          status: t.arg({ type: [ProgressStatusRef], description: 'Only indicators with any of these statuses.' }),
        },
        resolve: (r, { campaign, programmeWide, status, ...page }) => indicatorPage(r.scope, { campaign, programmeWide, status }, page),
      },
      {
        name: 'IndicatorProgressConnection',
        description: 'One page of indicators with their progress.',
        fields: (c) => ({ totalCount: c.int({ ...totalCountField, resolve: (p) => p.totalCount }) }),
      },
      { name: 'IndicatorProgressEdge', description: 'An indicator\'s progress and its cursor.' },
    ),
  }),
});

builder.queryFields((t) => ({
  progressReport: t.field({
    type: ProgressReportRef,
    nullable: true,
    description:
      'Progress against targets: for the programme and each campaign, every indicator with its baseline, target, latest actual, ' +
      'percentage complete and whether it is on track for the period\'s end by LINEAR EXPECTATION (a straight line from baseline to ' +
      'target over the period, days counted in the programme\'s time zone, Asia/Shanghai for the seeded programme). Computed in the ' +
      'database over the indicators you may see. Null when there is no such programme you may see.',
    args: {
      programme: t.arg.string({ description: programmeArgDescription }),
      asOf: t.arg({ type: 'DateTime', description: asOfArgDescription }),
    },
    resolve: async (_root, { programme, asOf }, ctx) => {
      const scope = await programmeScope(ctx, programme, asOf);
      return scope && { scope, summaries: once(() => summaries(scope)) };
    },
  }),
}));
