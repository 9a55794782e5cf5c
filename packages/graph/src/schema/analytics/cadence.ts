import { CadenceActivity, CadencePeriod, Prisma } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { CADENCE_RULES, cadenceDays, costHints, ROWS_PER_POINT } from './bounds.ts';
import { UserInputError } from '../../errors.ts';
import { asOfArgDescription, dateParam, MAX_PERIODS, programmeArgDescription, programmeScope, requireRange, type Scope } from './period.ts';
import { cadenceActivityOf, countedProject, visibleIn } from './sql.ts';
import { AnalyticsLabelRef } from './types.ts';

// The programme's cadence — talks every day, a signing every week, a
// construction start every month, a completion every quarter — checked
// period by period against the engagement log and the stage history.

interface PeriodCount {
  start: string;
  end: string;
  count: number;
  held: boolean;
  complete: boolean;
}

interface RuleReport {
  activity: CadenceActivity;
  period: CadencePeriod;
  minCount: number;
  textZh: string;
  textEn: string;
  periods: PeriodCount[];
  held: number;
  broken: number;
  currentStreak: number;
  longestStreak: number;
}

/**
 * Every rule of the programme with its periods from `from` to `to` (none
 * after today), one statement. Periods are whole calendar periods in the
 * programme's time zone: event days are DATEs kept in that zone, and
 * `date_trunc` on them gives the Monday of their ISO week (weeks run Monday to
 * Sunday), the first of their month or quarter. A streak counts consecutive
 * periods in which the rule held; the period still in progress extends it once
 * it holds and never breaks it.
 */
async function cadence(scope: Scope, from: Date, to: Date): Promise<RuleReport[]> {
  const { programme, today, visible } = scope;
  const last = to < today ? to : today;
  // Events of whole periods, from the start of the first quarter, up to today: asked as of a
  // past day, what happened after it is not yet known, even inside the period then in progress.
  const lo = Prisma.sql`date_trunc('quarter', ${dateParam(from)}::timestamp)::date`;
  const hi = dateParam(today);
  return scope.query<RuleReport>`
    WITH rules AS (
      SELECT r.id, r.activity, r.period, r."minCount", r."textZh", r."textEn",
             lower(r.period::text) AS unit,
             CASE r.period WHEN 'DAY' THEN interval '1 day' WHEN 'WEEK' THEN interval '7 days'
                           WHEN 'MONTH' THEN interval '1 month' ELSE interval '3 months' END AS step
        FROM "CadenceRule" r
       WHERE r."programmeId" = ${programme.id}::uuid
    ),
    periods AS (
      SELECT r.id AS rule, g::date AS start, (g + r.step - interval '1 day')::date AS "end"
        FROM rules r,
             generate_series(date_trunc(r.unit, ${dateParam(from)}::timestamp), ${dateParam(last)}::timestamp, r.step) g
    ),
    daily AS (
      -- Counted per activity and day first: a few hundred rows however many events there are.
      SELECT 'ENGAGEMENT' AS activity, e."occurredOn" AS day, count(*) AS n
        FROM "Engagement" e
       WHERE e."archivedAt" IS NULL AND e.visibility = ANY(${visibleIn(visible)})
         AND e."occurredOn" BETWEEN ${lo} AND ${hi}
         -- Talks about another programme's project are that programme's.
         AND NOT EXISTS (SELECT 1 FROM "Project" ep WHERE ep.id = e."projectId" AND ep."programmeId" <> ${programme.id}::uuid)
       GROUP BY e."occurredOn"
      UNION ALL
      SELECT ${cadenceActivityOf(Prisma.sql`sc."toStage"`)}, sc."occurredOn", count(*)
        FROM "ProjectStageChange" sc
        JOIN "Project" p ON p.id = sc."projectId"
       WHERE ${countedProject('p', programme.id, visible)}
         AND sc."toStage" IN ('SIGNED', 'UNDER_CONSTRUCTION', 'OPERATING', 'ENROLLING')
         AND sc."occurredOn" BETWEEN ${lo} AND ${hi}
       GROUP BY 1, 2
    ),
    counts AS (
      SELECT r.id AS rule, date_trunc(r.unit, d.day::timestamp)::date AS start, sum(d.n)::int AS n
        FROM daily d JOIN rules r ON r.activity::text = d.activity
       GROUP BY 1, 2
    ),
    judged AS (
      SELECT p.rule, p.start, p."end", COALESCE(c.n, 0) AS n,
             COALESCE(c.n, 0) >= r."minCount" AS held,
             p."end" < ${dateParam(today)} AS complete
        FROM periods p
        JOIN rules r ON r.id = p.rule
        LEFT JOIN counts c ON c.rule = p.rule AND c.start = p.start
    ),
    runs AS (
      -- Each broken period starts a new run; the period in progress breaks nothing until it is over.
      SELECT rule, held, sum(CASE WHEN held THEN 0 ELSE 1 END) OVER (PARTITION BY rule ORDER BY start) AS run
        FROM judged WHERE held OR complete
    ),
    streaks AS (
      SELECT rule, run, count(*) FILTER (WHERE held)::int AS length FROM runs GROUP BY rule, run
    )
    SELECT r.activity::text AS activity, r.period::text AS period, r."minCount", r."textZh", r."textEn",
           COALESCE((SELECT json_agg(json_build_object('start', j.start, 'end', j."end", 'count', j.n, 'held', j.held, 'complete', j.complete)
                                     ORDER BY j.start) FROM judged j WHERE j.rule = r.id), '[]'::json) AS periods,
           (SELECT count(*)::int FROM judged j WHERE j.rule = r.id AND j.held) AS held,
           (SELECT count(*)::int FROM judged j WHERE j.rule = r.id AND NOT j.held AND j.complete) AS broken,
           COALESCE((SELECT s.length FROM streaks s WHERE s.rule = r.id ORDER BY s.run DESC LIMIT 1), 0) AS "currentStreak",
           COALESCE((SELECT max(s.length) FROM streaks s WHERE s.rule = r.id), 0) AS "longestStreak"
      FROM rules r
     ORDER BY r.period, r.activity`;
}

const CadencePeriodCountRef = builder.objectRef<PeriodCount>('CadencePeriodCount').implement({
  description: 'One day, week (Monday to Sunday), month or quarter in the programme\'s time zone, with what happened in it.',
  fields: (t) => ({
    start: t.field({ type: 'Date', description: 'First day of the period.', resolve: (p) => p.start as unknown as Date }),
    end: t.field({ type: 'Date', description: 'Last day of the period.', resolve: (p) => p.end as unknown as Date }),
    count: t.exposeInt('count', { description: 'How many times the activity happened in the whole period.' }),
    held: t.exposeBoolean('held', { description: 'Whether the rule held: count ≥ the rule\'s minimum.' }),
    inProgress: t.boolean({
      description: 'Whether the period includes today (it is not over: a rule not yet held in it is not yet broken).',
      resolve: (p) => !p.complete,
    }),
  }),
});

const CadenceRuleReportRef = builder.objectRef<RuleReport>('CadenceRuleReport').implement({
  description: 'One cadence rule checked period by period.',
  fields: (t) => ({
    activity: t.field({
      type: CadenceActivity,
      description:
        'What is counted: ENGAGEMENT from the engagement log (talks about the programme\'s projects or about no project); SIGNING, ' +
        'CONSTRUCTION_START and COMPLETION from the stage history (moves to SIGNED, to UNDER_CONSTRUCTION, and to OPERATING or ENROLLING).',
      resolve: (r) => r.activity,
    }),
    period: t.field({ type: CadencePeriod, description: 'The period in which it must happen.', resolve: (r) => r.period }),
    minCount: t.exposeInt('minCount', { description: 'How many times at least in every period.' }),
    textZh: t.exposeString('textZh', { description: 'The rule as the programme states it, in Chinese.' }),
    textEn: t.exposeString('textEn', { description: 'The rule in English.' }),
    periods: t.field({
      type: [CadencePeriodCountRef],
      description: 'Each period of the range, in order.',
      extensions: costHints({ list: (_args, above) => cadenceDays(above.get('cadenceReport')) }),
      resolve: (r) => r.periods,
    }),
    periodsHeld: t.int({ description: 'Periods of the range in which the rule held.', resolve: (r) => r.held }),
    periodsBroken: t.int({ description: 'Periods of the range that are over and in which the rule did not hold.', resolve: (r) => r.broken }),
    currentStreak: t.exposeInt('currentStreak', {
      description:
        'How many periods in a row, up to the latest, the rule has held: counted back from the period in progress if it already ' +
        'holds, else from the last one that is over; 0 when that one broke the rule. Counted within the range.',
    }),
    longestStreak: t.exposeInt('longestStreak', { description: 'The most periods in a row in which the rule held, within the range.' }),
  }),
});

interface CadenceReport {
  scope: Scope;
  from: Date;
  to: Date;
}

const CadenceReportRef = builder.objectRef<CadenceReport>('CadenceReport').implement({
  description:
    'The programme\'s cadence rules ("talks every day, a signing every week, a construction start every month, a completion or start ' +
    'of operation every quarter") checked against the engagement log and the stage history. Days, weeks (Monday to Sunday, ISO), ' +
    'months and quarters are calendar periods in the programme\'s time zone (Asia/Shanghai for the seeded programme). Only records ' +
    'you may see are counted: current engagements, and stage changes of current projects.',
  fields: (t) => ({
    programme: t.field({ type: AnalyticsLabelRef, description: 'The programme reported on.', resolve: (r) => r.scope.programme }),
    timeZone: t.string({ description: 'The IANA time zone the periods are counted in, e.g. `Asia/Shanghai`.', resolve: (r) => r.scope.programme.timeZone }),
    asOf: t.field({ type: 'Date', description: 'Today in that time zone: periods after it are left out, the one containing it is in progress.', resolve: (r) => r.scope.today }),
    from: t.field({ type: 'Date', description: 'First day of the range.', resolve: (r) => r.from }),
    to: t.field({ type: 'Date', description: 'Last day of the range.', resolve: (r) => r.to }),
    rules: t.field({
      type: [CadenceRuleReportRef],
      description: 'Each rule, daily first, with its periods and streaks.',
      extensions: costHints({ list: () => CADENCE_RULES }),
      resolve: (r) => cadence(r.scope, r.from, r.to),
    }),
  }),
});

builder.queryFields((t) => ({
  cadenceReport: t.field({
    type: CadenceReportRef,
    nullable: true,
    description:
      'Whether the programme keeps its cadence: for a date range, each day, week (Monday to Sunday), month or quarter of each rule with ' +
      'its count and whether the rule held, and the current streak. Periods are counted in the programme\'s time zone (Asia/Shanghai for ' +
      'the seeded programme), in the database. Null when there is no such programme you may see.',
    // Its statement generates every period of every rule, selected or not.
    extensions: costHints({ database: (args) => Math.ceil((CADENCE_RULES * cadenceDays(args)) / ROWS_PER_POINT) }),
    args: {
      programme: t.arg.string({ description: programmeArgDescription }),
      from: t.arg({ type: 'Date', description: 'First day of the range (default: the first day of the programme\'s period). Its whole period counts.' }),
      to: t.arg({ type: 'Date', description: 'Last day of the range (default: the last day of the programme\'s period); periods after today are left out.' }),
      asOf: t.arg({ type: 'DateTime', description: asOfArgDescription }),
    },
    resolve: async (_root, args, ctx) => {
      const scope = await programmeScope(ctx, args.programme, args.asOf);
      if (!scope) return null;
      const from = args.from ?? scope.programme.periodStart;
      const to = args.to ?? scope.programme.periodEnd;
      requireRange(from, to);
      if ((to.getTime() - from.getTime()) / 86_400_000 > MAX_PERIODS) {
        throw new UserInputError(`The range may cover at most ${MAX_PERIODS} days.`, 'BAD_DATE_RANGE');
      }
      return { scope, from, to };
    },
  }),
}));
