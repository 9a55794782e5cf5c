import { Prisma } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { costHints, investmentMonths, investmentQuarters, MAX_MONTHS, RECORDS_PER_DIMENSION, withinBound } from './bounds.ts';
import { UserInputError } from '../../errors.ts';
import { dateParam, programmeArgDescription, programmeScope, requireRange, type Scope } from './period.ts';
import { visibleIn } from './sql.ts';
import { AnalyticsLabelRef, batched, type Label } from './types.ts';

// Completed fixed-asset investment from the monthly records: by month and by
// quarter, cumulative against the programme's target, against the same
// months a year earlier, and by campaign, cluster, sector or park.

const InvestmentDimensionRef = builder.enumType('InvestmentDimension', {
  description: 'What to split investment by.',
  values: {
    CAMPAIGN: { description: 'The campaign of the project that invested.' },
    CLUSTER: { description: 'Its industry cluster (null group: none, or one you may not see).' },
    SECTOR: { description: 'Its sector (null group: none, or one you may not see).' },
    PARK: { description: 'Its park (null group: none, or one you may not see).' },
  } as const,
});

type Dimension = (typeof InvestmentDimensionRef)['$inferType'];

const InvestmentFilterRef = builder.inputType('InvestmentFilter', {
  description: 'Narrows the projects whose investment is summed; every field given must match. Records are named by their codes.',
  fields: (t) => ({
    campaign: t.stringList({ description: 'Projects in any of these campaigns.' }),
    cluster: t.stringList({ description: 'Projects in any of these industry clusters.' }),
    sector: t.stringList({ description: 'Projects in any of these sectors.' }),
    park: t.stringList({ description: 'Projects in any of these parks.' }),
  }),
});

type InvestmentFilter = typeof InvestmentFilterRef.$inferInput;

const dimensionTables: Record<Dimension, { table: string; column: string; order: string }> = {
  CAMPAIGN: { table: 'Campaign', column: 'campaignId', order: 'l.position' },
  CLUSTER: { table: 'IndustryCluster', column: 'clusterId', order: 'l.code' },
  SECTOR: { table: 'Sector', column: 'sectorId', order: 'l.code' },
  PARK: { table: 'Park', column: 'parkId', order: 'l.code' },
};

interface Range {
  scope: Scope;
  filter: InvestmentFilter | null | undefined;
  /** First day of the first month. */
  from: Date;
  /** Last day of the last month. */
  to: Date;
}

/** What one field of the report asks for. */
type Want = 'total' | 'month' | 'quarter' | Dimension;

interface Period {
  start: Date;
  end: Date;
  label: string;
  amount: Prisma.Decimal;
  previous: Prisma.Decimal;
  growth: number | null;
  cumulative: Prisma.Decimal;
  cumulativeTargetPercent: number | null;
  expectedCumulative: Prisma.Decimal | null;
  hiddenRecords: number;
  previousHidden: number;
}

interface Totals {
  amount: Prisma.Decimal;
  previous: Prisma.Decimal;
  growth: number | null;
  targetPercent: number | null;
  hiddenRecords: number;
  previousHidden: number;
}

interface Group {
  label: Label | null;
  amount: Prisma.Decimal;
  previous: Prisma.Decimal;
  growth: number | null;
  share: number | null;
  hiddenRecords: number;
  previousHidden: number;
}

type Answers = { total?: Totals; month?: Period[]; quarter?: Period[] } & Partial<Record<Dimension, Group[]>>;

const growth = Prisma.raw(`round((amount - previous) * 100 / NULLIF(previous, 0), 2)::float8`);

/**
 * Everything the report's fields ask for, in ONE statement: the sums are read
 * once, by month and by the dimensions asked for, and months, quarters, the
 * total and the groups are all worked out from them in SQL and returned as one
 * JSON document.
 *
 * The sums come from InvestmentRollup, which database triggers keep equal to
 * the monthly records summed by programme, month, campaign, cluster, sector,
 * park, the project's visibilities and its archive mark (see schema.prisma):
 * a few thousand rows where the records are millions. Summed are the records
 * of current projects of the programme that the caller may see and whose
 * investment figures they may see, for the months of the range and the same
 * months a year earlier. A month recorded twice was replaced, not added (one
 * record per project and month), so each counts once. Months are the records'
 * calendar months, stored as their first day in the programme's time zone;
 * quarters are January–March and so on.
 */
async function investment(range: Range, wants: readonly Want[]): Promise<Answers> {
  const { scope, filter, from, to } = range;
  const { programme, visible } = scope;
  const vis = visibleIn(visible);
  const dims = (['CAMPAIGN', 'CLUSTER', 'SECTOR', 'PARK'] as const).filter((d) => wants.includes(d));

  const where: Prisma.Sql[] = [
    Prisma.sql`r."programmeId" = ${programme.id}::uuid`,
    Prisma.sql`NOT r.archived`,
    // Sums whose records have all moved away or gone stay behind at zero.
    Prisma.sql`r.records > 0`,
    Prisma.sql`r.visibility = ANY(${vis})`,
  ];
  // Records of projects the caller may see but whose figures they may not are
  // not summed; they are counted, so that a sum over hidden figures says so.
  const figuresVisible = Prisma.sql`r."investmentVisibility" = ANY(${vis})`;
  const filters: [Dimension, readonly string[] | null | undefined][] = [
    ['CAMPAIGN', filter?.campaign],
    ['CLUSTER', filter?.cluster],
    ['SECTOR', filter?.sector],
    ['PARK', filter?.park],
  ];
  for (const [d, codes] of filters) {
    if (!codes?.length) continue;
    const { table, column } = dimensionTables[d];
    // A code of a record the caller may not see matches nothing.
    where.push(Prisma.sql`r.${Prisma.raw(`"${column}"`)} IN (
      SELECT id FROM ${Prisma.raw(`"${table}"`)} WHERE code = ANY(${[...codes]}::text[]) AND visibility = ANY(${vis}))`);
  }
  const inRange = Prisma.sql`month BETWEEN ${dateParam(from)} AND ${dateParam(to)}`;
  const yearBefore = Prisma.sql`month BETWEEN (${dateParam(from)} - interval '1 year')::date AND (${dateParam(to)} - interval '1 year')::date`;
  const dimColumns = dims.map((d) => `r."${dimensionTables[d].column}"`);

  const target = programme.investmentTarget === null ? Prisma.sql`NULL::numeric` : Prisma.sql`${programme.investmentTarget.toFixed()}::numeric`;
  const periodDays = Prisma.sql`(${dateParam(programme.periodEnd)} - ${dateParam(programme.periodStart)} + 1)`;
  const periods = (unit: 'month' | 'quarter') => {
    const step = Prisma.raw(unit === 'month' ? "interval '1 month'" : "interval '3 months'");
    const label = Prisma.raw(unit === 'month' ? `'YYYY-MM'` : `'YYYY-"Q"Q'`);
    return Prisma.sql`(
      SELECT COALESCE(json_agg(json_build_object(
               'start', start, 'end', "end", 'label', label, 'amount', amount::text, 'previous', previous::text, 'growth', ${growth},
               'hiddenRecords', hidden, 'previousHidden', previous_hidden,
               'cumulative', cumulative::text, 'cumulativeTargetPercent', round(cumulative * 100 / NULLIF(${target}, 0), 2)::float8,
               'expectedCumulative', round(expected, 2)::text) ORDER BY start), '[]'::json)
        FROM (
          SELECT b.start, b."end", to_char(b.start, ${label}) AS label,
                 COALESCE(cur.amount, 0) AS amount, COALESCE(prev.previous, 0) AS previous, COALESCE(cur.hidden, 0)::int AS hidden,
                 COALESCE(prev.previous_hidden, 0)::int AS previous_hidden,
                 sum(COALESCE(cur.amount, 0)) OVER (ORDER BY b.start) AS cumulative,
                 ${target} * LEAST(GREATEST((b."end" - ${dateParam(programme.periodStart)} + 1)::numeric / ${periodDays}, 0), 1) AS expected
            FROM (SELECT g::date AS start, (g + ${step} - interval '1 day')::date AS "end"
                    FROM generate_series(date_trunc(${unit}, ${dateParam(from)}::timestamp), ${dateParam(to)}::timestamp, ${step}) g) b
            LEFT JOIN (SELECT date_trunc(${unit}, month::timestamp)::date AS start, sum(amount) AS amount, sum(previous) AS previous,
                              sum(hidden) AS hidden
                         FROM months GROUP BY 1) cur ON cur.start = b.start
            LEFT JOIN (SELECT date_trunc(${unit}, month::timestamp)::date AS start, sum(previous) AS previous,
                              sum(previous_hidden) AS previous_hidden
                         FROM months GROUP BY 1) prev ON prev.start = (b.start - interval '1 year')::date
        ) rows)`;
  };
  const total = Prisma.sql`(
    SELECT json_build_object('amount', amount::text, 'previous', previous::text, 'growth', ${growth},
                             'targetPercent', round(amount * 100 / NULLIF(${target}, 0), 2)::float8, 'hiddenRecords', hidden,
                             'previousHidden', previous_hidden)
      FROM (SELECT COALESCE(sum(amount), 0) AS amount, COALESCE(sum(previous), 0) AS previous, COALESCE(sum(hidden), 0)::int AS hidden,
                   COALESCE(sum(previous_hidden), 0)::int AS previous_hidden
              FROM months) t)`;
  const groups = (d: Dimension) => {
    const { table, column, order } = dimensionTables[d];
    return Prisma.sql`(
      SELECT COALESCE(json_agg(json_build_object(
               'code', code, 'nameZh', "nameZh", 'nameEn', "nameEn", 'amount', amount::text, 'previous', previous::text,
               'growth', ${growth}, 'share', share, 'hiddenRecords', hidden, 'previousHidden', previous_hidden) ORDER BY ord NULLS LAST, code NULLS LAST), '[]'::json)
        FROM (
          SELECT g.*, round(amount * 100 / NULLIF(sum(amount) OVER (), 0), 2)::float8 AS share
            FROM (
              -- Records of a hidden campaign (cluster, …) fall in the group of those with none.
              SELECT l.code, l."nameZh", l."nameEn", min(${Prisma.raw(order)}) AS ord,
                     COALESCE(sum(a.amount) FILTER (WHERE ${inRange}), 0) AS amount,
                     COALESCE(sum(a.amount) FILTER (WHERE ${yearBefore}), 0) AS previous,
                     COALESCE(sum(a.hidden) FILTER (WHERE ${inRange}), 0)::int AS hidden,
                     COALESCE(sum(a.hidden) FILTER (WHERE ${yearBefore}), 0)::int AS previous_hidden
                FROM agg a
                LEFT JOIN ${Prisma.raw(`"${table}"`)} l ON l.id = a.${Prisma.raw(`"${column}"`)} AND l.visibility = ANY(${vis})
               GROUP BY l.code, l."nameZh", l."nameEn"
            ) g
        ) shared)`;
  };
  const parts: Prisma.Sql[] = wants
    .filter((w, i) => wants.indexOf(w) === i)
    .map((w) => Prisma.sql`${w}::text, ${w === 'total' ? total : w === 'month' || w === 'quarter' ? periods(w) : groups(w)}`);

  const [row] = await scope.query<{ answers: Record<string, unknown> }>`
    WITH agg AS (
      -- Sums by month and by the dimensions asked for. A project without a cluster
      -- (sector, park) is summed under the nil UUID, which names no record.
      SELECT r.month${dimColumns.length ? Prisma.raw(`, ${dimColumns.join(', ')}`) : Prisma.empty},
             sum(r.amount) FILTER (WHERE ${figuresVisible}) AS amount, COALESCE(sum(r.records) FILTER (WHERE NOT ${figuresVisible}), 0) AS hidden
        FROM "InvestmentRollup" r
       WHERE ${Prisma.join(where, ' AND ')} AND (${inRange} OR ${yearBefore})
       GROUP BY r.month${dimColumns.length ? Prisma.raw(`, ${dimColumns.join(', ')}`) : Prisma.empty}
    ),
    months AS (
      SELECT month, COALESCE(sum(amount) FILTER (WHERE ${inRange}), 0) AS amount,
             COALESCE(sum(amount) FILTER (WHERE ${yearBefore}), 0) AS previous,
             COALESCE(sum(hidden) FILTER (WHERE ${inRange}), 0) AS hidden,
             COALESCE(sum(hidden) FILTER (WHERE ${yearBefore}), 0) AS previous_hidden
        FROM agg r GROUP BY month
    )
    SELECT json_build_object(${Prisma.join(parts, ', ')}) AS answers`;
  return parseAnswers(row!.answers);
}

const decimal = (value: unknown) => new Prisma.Decimal(value as string);
const day = (value: unknown) => new Date(`${value as string}T00:00:00Z`);

/** The JSON document back into the shapes the fields return: amounts travel as text, so no digit is lost. */
function parseAnswers(answers: Record<string, unknown>): Answers {
  const out: Answers = {};
  for (const [want, value] of Object.entries(answers)) {
    if (want === 'total') {
      const t = value as Record<string, unknown>;
      out.total = {
        amount: decimal(t.amount),
        previous: decimal(t.previous),
        growth: t.growth as number | null,
        targetPercent: t.targetPercent as number | null,
        hiddenRecords: t.hiddenRecords as number,
        previousHidden: t.previousHidden as number,
      };
    } else if (want === 'month' || want === 'quarter') {
      out[want] = (value as Record<string, unknown>[]).map((p) => ({
        start: day(p.start),
        end: day(p.end),
        label: p.label as string,
        amount: decimal(p.amount),
        previous: decimal(p.previous),
        growth: p.growth as number | null,
        cumulative: decimal(p.cumulative),
        cumulativeTargetPercent: p.cumulativeTargetPercent as number | null,
        expectedCumulative: p.expectedCumulative === null ? null : decimal(p.expectedCumulative),
        hiddenRecords: p.hiddenRecords as number,
        previousHidden: p.previousHidden as number,
      }));
    } else {
      out[want as Dimension] = (value as Record<string, unknown>[]).map((g) => ({
        label: g.code === null ? null : { code: g.code as string, nameZh: g.nameZh as string, nameEn: g.nameEn as string },
        amount: decimal(g.amount),
        previous: decimal(g.previous),
        growth: g.growth as number | null,
        share: g.share as number | null,
        hiddenRecords: g.hiddenRecords as number,
        previousHidden: g.previousHidden as number,
      }));
    }
  }
  return out;
}

const HIDDEN_RECORDS =
  'Monthly investment records of projects you may see whose investment figures you may not (`investmentVisibility`), left out of ' +
  'the amounts: above 0, the amounts are not the whole (an amount of 0 with hidden records is hidden, not zero), and a key of a ' +
  'higher role sees more';

const previousHidden = (when: string) =>
  `Monthly records of ${when} whose investment figures you may not see, left out of previousYearAmount as hiddenRecords are left ` +
  'out of amount: above 0, previousYearAmount is not the whole (0 with hidden records is hidden, not zero).';

const growthDescription = '(amount − previousYearAmount) ÷ previousYearAmount × 100, rounded to two places; null when the year before has nothing. Both amounts are of the figures you may see (hiddenRecords and previousYearHiddenRecords say what each leaves out).';

const InvestmentPeriodRef = builder.objectRef<Period>('InvestmentPeriod').implement({
  description: 'Completed fixed-asset investment in one month or quarter (calendar periods in the programme\'s time zone).',
  fields: (t) => ({
    start: t.field({ type: 'Date', description: 'First day of the period.', resolve: (p) => p.start }),
    end: t.field({ type: 'Date', description: 'Last day of the period.', resolve: (p) => p.end }),
    label: t.exposeString('label', { description: 'The period as `2020-03` (a month) or `2020-Q1` (a quarter).' }),
    amount: t.field({ type: 'Decimal', description: 'Investment completed in the period, in yuan.', resolve: (p) => p.amount }),
    previousYearAmount: t.field({
      type: 'Decimal',
      description: 'Investment the same projects completed in the same period a year earlier, in yuan.',
      resolve: (p) => p.previous,
    }),
    growthPercent: t.float({ nullable: true, description: `Growth on the same period a year earlier: ${growthDescription}`, resolve: (p) => p.growth }),
    cumulative: t.field({ type: 'Decimal', description: 'Investment from the start of the range to the end of this period, in yuan.', resolve: (p) => p.cumulative }),
    cumulativeTargetPercent: t.float({
      nullable: true,
      description: 'cumulative ÷ the programme\'s investment target × 100, rounded to two places; null when the programme has no target.',
      resolve: (p) => p.cumulativeTargetPercent,
    }),
    hiddenRecords: t.exposeInt('hiddenRecords', { description: `${HIDDEN_RECORDS} (in this period)` }),
    previousYearHiddenRecords: t.exposeInt('previousHidden', { description: previousHidden('the same period a year earlier') }),
    expectedCumulative: t.field({
      type: 'Decimal',
      nullable: true,
      description:
        'The linear expectation for the cumulative figure at the end of this period: target × (days of the programme\'s period ' +
        'elapsed by then ÷ days in the period). Null when the programme has no target.',
      resolve: (p) => p.expectedCumulative,
    }),
  }),
});

const InvestmentTotalsRef = builder.objectRef<Totals>('InvestmentTotals').implement({
  description: 'Completed fixed-asset investment over the whole range.',
  fields: (t) => ({
    amount: t.field({ type: 'Decimal', description: 'Investment completed in the range, in yuan.', resolve: (r) => r.amount }),
    previousYearAmount: t.field({ type: 'Decimal', description: 'Investment the same projects completed in the same months a year earlier, in yuan.', resolve: (r) => r.previous }),
    growthPercent: t.float({ nullable: true, description: `Growth on a year earlier: ${growthDescription}`, resolve: (r) => r.growth }),
    targetPercent: t.float({
      nullable: true,
      description: 'amount ÷ the programme\'s investment target × 100, rounded to two places; null when the programme has no target.',
      resolve: (r) => r.targetPercent,
    }),
    hiddenRecords: t.exposeInt('hiddenRecords', { description: `${HIDDEN_RECORDS} (in the range)` }),
    previousYearHiddenRecords: t.exposeInt('previousHidden', { description: previousHidden('the same months a year earlier') }),
  }),
});

const InvestmentGroupRef = builder.objectRef<Group>('InvestmentGroup').implement({
  description: 'Completed fixed-asset investment of the projects of one campaign, cluster, sector or park over the range.',
  fields: (t) => ({
    group: t.field({
      type: AnalyticsLabelRef,
      nullable: true,
      description: 'The campaign, cluster, sector or park; null for the projects with none (or one you may not see).',
      resolve: (g) => g.label,
    }),
    amount: t.field({ type: 'Decimal', description: 'Investment completed in the range, in yuan.', resolve: (g) => g.amount }),
    previousYearAmount: t.field({ type: 'Decimal', description: 'The same projects\' investment in the same months a year earlier, in yuan.', resolve: (g) => g.previous }),
    growthPercent: t.float({ nullable: true, description: `Growth on a year earlier: ${growthDescription}`, resolve: (g) => g.growth }),
    sharePercent: t.float({ nullable: true, description: 'This group\'s share of the range\'s whole amount, in percent (two places); null when that is zero.', resolve: (g) => g.share }),
    hiddenRecords: t.exposeInt('hiddenRecords', { description: `${HIDDEN_RECORDS} (in the range)` }),
    previousYearHiddenRecords: t.exposeInt('previousHidden', { description: previousHidden('the same months a year earlier') }),
  }),
});

interface InvestmentReport extends Range {
  /** Sibling fields' wants, answered together by one statement. */
  load: (want: Want) => Promise<Answers>;
}

const InvestmentReportRef = builder.objectRef<InvestmentReport>('InvestmentReport').implement({
  description:
    'Completed fixed-asset investment (固定资产投资) of a programme\'s projects, summed from their monthly records in the database: by ' +
    'month and quarter (calendar periods in the programme\'s time zone, Asia/Shanghai for the seeded programme), cumulative against ' +
    'the programme\'s target, against the same months a year earlier (the same projects\' records), and by campaign, cluster, ' +
    'sector or park. Only current projects you may see whose investment figures you may see (`investmentVisibility`) are summed. ' +
    'A month recorded again replaces the earlier figure.',
  fields: (t) => ({
    programme: t.field({ type: AnalyticsLabelRef, description: 'The programme reported on.', resolve: (r) => r.scope.programme }),
    from: t.field({ type: 'Date', description: 'First day of the range (the first day of a month).', resolve: (r) => r.from }),
    to: t.field({ type: 'Date', description: 'Last day of the range (the last day of a month).', resolve: (r) => r.to }),
    target: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'The programme\'s investment target for its period, in yuan (19.5 billion for the seeded programme); null when none.',
      resolve: (r) => r.scope.programme.investmentTarget,
    }),
    growthTarget: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'The growth over the previous period the programme aims to exceed, in percent; null when none.',
      resolve: (r) => r.scope.programme.investmentGrowthTarget,
    }),
    total: t.field({ type: InvestmentTotalsRef, description: 'The whole range.', resolve: async (r) => (await r.load('total')).total! }),
    months: t.field({
      type: [InvestmentPeriodRef],
      description: 'Each month of the range, in order, months without records included.',
      extensions: costHints({ list: (_args, above) => investmentMonths(above.get('investmentReport')) }),
      resolve: async (r) => (await r.load('month')).month!,
    }),
    quarters: t.field({
      type: [InvestmentPeriodRef],
      description: 'Each quarter that the range touches, in order; a quarter only partly in the range sums only its months in the range.',
      extensions: costHints({ list: (_args, above) => investmentQuarters(above.get('investmentReport')) }),
      resolve: async (r) => (await r.load('quarter')).quarter!,
    }),
    groups: t.field({
      type: [InvestmentGroupRef],
      description: 'The range\'s investment split by campaign, cluster, sector or park (campaigns in their order, the others by code).',
      args: { by: t.arg({ type: InvestmentDimensionRef, required: true, description: 'What to split by.' }) },
      extensions: costHints({ list: () => RECORDS_PER_DIMENSION + 1 }),
      resolve: async (r, { by }) => withinBound((await r.load(by))[by]!, RECORDS_PER_DIMENSION + 1, 'investmentReport.groups'),
    }),
  }),
});

builder.queryFields((t) => ({
  investmentReport: t.field({
    type: InvestmentReportRef,
    nullable: true,
    description:
      'Completed fixed-asset investment by month and quarter, cumulative against the programme\'s target, growth on the same period ' +
      'a year earlier, and by campaign, cluster, sector or park. Periods are calendar months and quarters in the programme\'s time ' +
      'zone (Asia/Shanghai for the seeded programme). Null when there is no such programme you may see.',
    args: {
      programme: t.arg.string({ description: programmeArgDescription }),
      from: t.arg({ type: 'Date', description: 'Start of the range: its whole month is included (default: the first day of the programme\'s period).' }),
      to: t.arg({ type: 'Date', description: 'End of the range: its whole month is included (default: the last day of the programme\'s period).' }),
      filter: t.arg({ type: InvestmentFilterRef, description: 'Which projects to sum (default: all of the programme\'s).' }),
    },
    resolve: async (_root, args, ctx) => {
      const scope = await programmeScope(ctx, args.programme, null);
      if (!scope) return null;
      const fromDay = args.from ?? scope.programme.periodStart;
      const toDay = args.to ?? scope.programme.periodEnd;
      requireRange(fromDay, toDay);
      const from = new Date(Date.UTC(fromDay.getUTCFullYear(), fromDay.getUTCMonth(), 1));
      const to = new Date(Date.UTC(toDay.getUTCFullYear(), toDay.getUTCMonth() + 1, 0));
      if ((to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth() >= MAX_MONTHS) {
        throw new UserInputError('The range may cover at most 20 years.', 'BAD_DATE_RANGE');
      }
      const range: Range = { scope, filter: args.filter, from, to };
      return { ...range, load: batched((wants: Want[]) => investment(range, wants)) };
    },
  }),
}));
