import { Prisma } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { costHints, RECORDS_PER_DIMENSION, withinBound } from './bounds.ts';
import { asOfArgDescription, dateParam, programmeArgDescription, programmeScope, type Scope } from './period.ts';
import { concernsProgramme, percent, visibleIn } from './sql.ts';
import { AnalyticsLabelRef, once } from './types.ts';

// Obstacles and inspection findings: how many are open and done, the rate at
// which they are resolved (rectified), how long that takes, by responsible unit.

interface Stats {
  total: number;
  open: number;
  done: number;
  overdue: number;
  rate: number | null;
  medianDays: number | null;
}

interface StatsRow extends Stats {
  kind: 'obstacle' | 'finding';
  whole: boolean;
  unit: string | null;
}

const none: Stats = { total: 0, open: 0, done: 0, overdue: 0, rate: null, medianDays: null };

/**
 * Both kinds, in total and by responsible unit, in one statement (GROUPING
 * SETS). Done means RESOLVED or CLOSED (findings: RECTIFIED or CLOSED); open
 * means OPEN or IN_PROGRESS. The time to resolve is the days from raised
 * (found) to resolved (rectified), over the done ones that carry both days.
 */
async function oversight(scope: Scope) {
  const { programme, today, visible } = scope;
  const vis = visibleIn(visible);
  const rows = await scope.query<StatsRow>`
    WITH issues AS (
      SELECT 'obstacle' AS kind, o."responsibleUnit" AS unit,
             o.status::text IN ('OPEN', 'IN_PROGRESS') AS open, o.status::text IN ('RESOLVED', 'CLOSED') AS done,
             o.deadline, o."raisedOn" AS started, o."resolvedOn" AS finished
        FROM "Obstacle" o
       WHERE o."archivedAt" IS NULL AND o.visibility = ANY(${vis}) AND ${concernsProgramme('o', programme.id)}
      UNION ALL
      SELECT 'finding', f."responsibleUnit",
             f.status::text IN ('OPEN', 'IN_PROGRESS'), f.status::text IN ('RECTIFIED', 'CLOSED'),
             f.deadline, f."foundOn", f."rectifiedOn"
        FROM "InspectionFinding" f
       WHERE f."archivedAt" IS NULL AND f.visibility = ANY(${vis}) AND ${concernsProgramme('f', programme.id)}
    )
    SELECT kind, GROUPING(unit) = 1 AS whole, unit,
           count(*)::int AS total,
           count(*) FILTER (WHERE open)::int AS open,
           count(*) FILTER (WHERE done)::int AS done,
           count(*) FILTER (WHERE open AND deadline < ${dateParam(today)})::int AS overdue,
           ${percent(Prisma.sql`count(*) FILTER (WHERE done)`, Prisma.sql`count(*)`)} AS rate,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY finished - started) FILTER (WHERE done AND finished IS NOT NULL))::float8 AS "medianDays"
      FROM issues
     GROUP BY kind, GROUPING SETS ((unit), ())
     ORDER BY kind, whole DESC, unit NULLS LAST`;
  const pick = (row: StatsRow | undefined): Stats => (row ? { total: row.total, open: row.open, done: row.done, overdue: row.overdue, rate: row.rate, medianDays: row.medianDays } : none);
  const units = [...new Set(rows.filter((r) => !r.whole).map((r) => r.unit))]
    // By code point, those with no unit last.
    .sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
  const find = (kind: StatsRow['kind'], whole: boolean, unit?: string | null) =>
    rows.find((r) => r.kind === kind && r.whole === whole && (whole || r.unit === unit));
  return {
    obstacles: pick(find('obstacle', true)),
    findings: pick(find('finding', true)),
    units: units.map((unit) => ({ unit, obstacles: pick(find('obstacle', false, unit)), findings: pick(find('finding', false, unit)) })),
  };
}

function statsType(name: string, words: { what: string; done: string; doneStatuses: string; rate: string; verb: string; started: string }) {
  return builder.objectRef<Stats>(name).implement({
    description: `Counts and rates of ${words.what}.`,
    fields: (t) => ({
      total: t.exposeInt('total', { description: `${words.what[0]!.toUpperCase()}${words.what.slice(1)} counted (current ones you may see).` }),
      open: t.exposeInt('open', { description: 'Not yet done: OPEN or IN_PROGRESS.' }),
      [words.done]: t.int({ description: `Done: ${words.doneStatuses}.`, resolve: (s) => s.done }),
      overdue: t.exposeInt('overdue', { description: 'Open ones whose deadline has passed (before today in the programme\'s time zone).' }),
      [words.rate]: t.float({
        nullable: true,
        description: `${words.done} ÷ total × 100, rounded to two places; null when there are none.`,
        resolve: (s) => s.rate,
      }),
      [`medianDaysTo${words.verb}`]: t.float({
        nullable: true,
        description: `The median number of days from ${words.started} to ${words.done}, over the done ones with both days; null when there are none.`,
        resolve: (s) => s.medianDays,
      }),
    }),
  });
}

const ObstacleStatsRef = statsType('ObstacleStats', {
  what: 'obstacles',
  done: 'resolved',
  doneStatuses: 'RESOLVED or CLOSED',
  rate: 'resolutionRate',
  verb: 'Resolve',
  started: 'raised',
});

const FindingStatsRef = statsType('FindingStats', {
  what: 'inspection findings',
  done: 'rectified',
  doneStatuses: 'RECTIFIED or CLOSED',
  rate: 'rectificationRate',
  verb: 'Rectify',
  started: 'found',
});

interface UnitStats {
  unit: string | null;
  obstacles: Stats;
  findings: Stats;
}

const UnitOversightRef = builder.objectRef<UnitStats>('ResponsibleUnitOversight').implement({
  description: 'The obstacles and inspection findings one responsible unit answers for.',
  fields: (t) => ({
    responsibleUnit: t.exposeString('unit', { nullable: true, description: 'The responsible unit, as recorded; null for those with none.' }),
    obstacles: t.field({ type: ObstacleStatsRef, description: 'Its obstacles.', resolve: (u) => u.obstacles }),
    findings: t.field({ type: FindingStatsRef, description: 'Its inspection findings.', resolve: (u) => u.findings }),
  }),
});

interface OversightReport {
  scope: Scope;
  stats: () => ReturnType<typeof oversight>;
}

const OversightReportRef = builder.objectRef<OversightReport>('OversightReport').implement({
  description:
    'Obstacles (突出矛盾和问题) and inspection findings (巡察发现问题): open and done counts, resolution and rectification rates, median ' +
    'days to resolve, in total and by responsible unit. Computed in the database over the current ones you may see that concern the ' +
    'programme\'s campaigns or projects, or neither (zone-wide).',
  fields: (t) => ({
    programme: t.field({ type: AnalyticsLabelRef, description: 'The programme reported on.', resolve: (r) => r.scope.programme }),
    asOf: t.field({ type: 'Date', description: 'Today in the programme\'s time zone, for what is overdue.', resolve: (r) => r.scope.today }),
    obstacles: t.field({ type: ObstacleStatsRef, description: 'All obstacles.', resolve: async (r) => (await r.stats()).obstacles }),
    findings: t.field({ type: FindingStatsRef, description: 'All inspection findings.', resolve: async (r) => (await r.stats()).findings }),
    byResponsibleUnit: t.field({
      type: [UnitOversightRef],
      description: 'The same, for each responsible unit (alphabetically; those with no unit last).',
      extensions: costHints({ list: () => RECORDS_PER_DIMENSION + 1 }),
      resolve: async (r) => withinBound((await r.stats()).units, RECORDS_PER_DIMENSION + 1, 'oversightReport.byResponsibleUnit'),
    }),
  }),
});

builder.queryFields((t) => ({
  oversightReport: t.field({
    type: OversightReportRef,
    nullable: true,
    description:
      'Obstacles and inspection findings: open and resolved counts, resolution and rectification rates, median days to resolve, by ' +
      'responsible unit. Null when there is no such programme you may see.',
    args: {
      programme: t.arg.string({ description: programmeArgDescription }),
      asOf: t.arg({ type: 'DateTime', description: asOfArgDescription }),
    },
    resolve: async (_root, args, ctx) => {
      const scope = await programmeScope(ctx, args.programme, args.asOf);
      return scope && { scope, stats: once(() => oversight(scope)) };
    },
  }),
}));
