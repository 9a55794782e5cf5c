// The weekly report: what happened in one week (Monday to Sunday, in the
// programme's time zone) and where the programme stands at its end, from the
// analytics reports the SDK ships, as Markdown for a meeting or an e-mail.
import {
  CliRecentStageChangesDocument,
  CliWeeklyReportDefaultsDocument,
  paginate,
  type CadenceReportQuery,
  type CliRecentStageChangesQueryVariables,
  type InvestmentReportQuery,
  type PipelineReportQuery,
  type ProgressReportQuery,
  type ProjectStage,
  type RiskReportQuery,
  type ZonegraphClient,
} from '@zonegraph/sdk';
import { UsageError } from '../errors.ts';
import { daysBetween, endOfDayIn, weekOf, type Week } from './weeks.ts';

export interface Move {
  code: string;
  nameZh: string;
  nameEn: string;
  campaign: string | null;
  fromStage: ProjectStage | null;
  toStage: ProjectStage;
  occurredOn: string;
  note: string | null;
}

/** The programme's period and the latest day the caller may see anything happen that the report counts. */
export interface WeeklyDefaults {
  programme: string;
  periodStart: string;
  periodEnd: string;
  lastActivity: string | null;
}

export async function weeklyDefaults(client: ZonegraphClient, programme: string | undefined): Promise<WeeklyDefaults> {
  const data = await client.request(CliWeeklyReportDefaultsDocument, { programme });
  if (!data.programme) throw new Error(programme ? `no programme ${programme} that this key may see` : 'there is no programme that this key may see');
  const days = [...data.projects.nodes.map((p) => p.stageHistory.nodes[0]?.occurredOn), data.engagements.nodes[0]?.occurredOn].filter(
    (d): d is string => typeof d === 'string',
  );
  return {
    programme: data.programme.code,
    periodStart: data.programme.periodStart,
    periodEnd: data.programme.periodEnd,
    lastActivity: days.length ? days.reduce((a, b) => (a > b ? a : b)) : null,
  };
}

/**
 * The week to report when none is named: this week while the programme runs;
 * after (or before) its period, the last week in which something happened, so
 * that a report on a finished programme is not a page of nothing with
 * negative days overdue. Refused when nothing ever happened.
 */
export function defaultWeek(defaults: WeeklyDefaults, today: string): Week {
  if (defaults.periodStart <= today && today <= defaults.periodEnd) return weekOf(today);
  if (defaults.lastActivity && defaults.lastActivity <= today) return weekOf(defaults.lastActivity);
  throw new UsageError(
    `the programme ${defaults.programme} runs from ${defaults.periodStart} to ${defaults.periodEnd}, not this week, and records no stage move or talk ` +
      'to report on: name a week with --week, e.g. --week ' + weekOf(defaults.periodEnd < today ? defaults.periodEnd : defaults.periodStart).label,
  );
}

/** The straight-line share of a target expected by the end of `day`: days of the period elapsed by then ÷ days in the period. */
export function expectedShareBy(day: string, periodStart: string, periodEnd: string): number {
  const elapsed = daysBetween(periodStart, day) + 1;
  const length = daysBetween(periodStart, periodEnd) + 1;
  return Math.min(Math.max(elapsed / length, 0), 1);
}

export interface WeeklyData {
  week: Week;
  timeZone: string;
  /** The programme's period, `YYYY-MM-DD`. */
  periodStart: string;
  periodEnd: string;
  /** The instant the report judges at: the end of the week, or now for the current week. */
  asOf: string;
  signings: Move[];
  starts: Move[];
  completions: Move[];
  cadence: NonNullable<CadenceReportQuery['cadenceReport']>;
  investment: NonNullable<InvestmentReportQuery['investmentReport']> | null;
  progress: NonNullable<ProgressReportQuery['progressReport']> | null;
  pipeline: NonNullable<PipelineReportQuery['pipelineReport']> | null;
  risk: NonNullable<RiskReportQuery['riskReport']> | null;
}

/** The same split the cadence report counts by: moves to SIGNED, to UNDER_CONSTRUCTION, and to OPERATING or ENROLLING. */
const KIND: Partial<Record<ProjectStage, 'signings' | 'starts' | 'completions'>> = {
  SIGNED: 'signings',
  UNDER_CONSTRUCTION: 'starts',
  OPERATING: 'completions',
  ENROLLING: 'completions',
};

/** How many at-risk items of each kind the report lists (the counts are always complete). */
const RISK_ITEMS = 10;

export async function gatherWeekly(
  client: ZonegraphClient,
  week: Week,
  options: { programme?: string; timeZone: string; now?: Date; defaults?: WeeklyDefaults },
): Promise<WeeklyData> {
  const endOfWeek = endOfDayIn(week.sunday, options.timeZone);
  const now = (options.now ?? new Date()).toISOString();
  const asOf = endOfWeek < now ? endOfWeek : now;
  const programme = options.programme;

  const [defaults, cadence, investment, progress, pipeline, risk, moves] = await Promise.all([
    options.defaults ?? weeklyDefaults(client, programme),
    // From the programme's start, so that streaks are the programme's, not the week's.
    client.cadenceReport({ programme, to: week.sunday, asOf }).then((r) => r.cadenceReport),
    client.investmentReport({ programme, to: week.sunday, by: 'CAMPAIGN' }).then((r) => r.investmentReport),
    client.progressReport({ programme, asOf, first: 1 }).then((r) => r.progressReport),
    client.pipelineReport({ programme, by: [] }).then((r) => r.pipelineReport),
    client.riskReport({ programme, asOf, first: RISK_ITEMS }).then((r) => r.riskReport),
    movesIn(client, week),
  ]);
  if (!cadence) throw new Error(programme ? `no programme ${programme} that this key may see` : 'there is no programme that this key may see');

  const data: WeeklyData = { week, timeZone: cadence.timeZone, periodStart: defaults.periodStart, periodEnd: defaults.periodEnd, asOf, signings: [], starts: [], completions: [], cadence, investment, progress, pipeline, risk };
  for (const move of moves) {
    const kind = KIND[move.toStage];
    if (kind) data[kind].push(move);
  }
  return data;
}

/**
 * Stage moves dated in the week. Projects come latest change first, so the
 * pages stop at the first project whose last change is before the Monday:
 * no later project can have moved in the week. (A project with more than ten
 * moves after the week would hide its move in it; none moves that often.)
 */
async function movesIn(client: ZonegraphClient, week: Week): Promise<Move[]> {
  const moves: Move[] = [];
  const pages = paginate(
    (v: CliRecentStageChangesQueryVariables) => client.request(CliRecentStageChangesDocument, v),
    { first: 50 },
    (d) => d.projects,
  );
  for await (const page of pages) {
    for (const project of page.nodes) {
      if (project.stageChangedAt.slice(0, 10) < week.monday) {
        return moves.sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.code.localeCompare(b.code));
      }
      for (const change of project.stageHistory.nodes) {
        if (change.occurredOn >= week.monday && change.occurredOn <= week.sunday) {
          moves.push({ code: project.code, nameZh: project.nameZh, nameEn: project.nameEn, campaign: project.campaign?.code ?? null, ...change });
        }
      }
    }
  }
  return moves.sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.code.localeCompare(b.code));
}

// ---- Markdown -----------------------------------------------------------------

const cell = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '–' : String(value).replace(/\|/g, '\\|').replace(/\n/g, ' '));
const row = (cells: (string | number | null | undefined)[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (header: string[], rows: (string | number | null | undefined)[][]) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(row)].join('\n');

/** Yuan, grouped by thousands, with 亿 (100 million) beside large figures. */
export function yuan(amount: string | null | undefined): string {
  if (amount === null || amount === undefined) return '–';
  const [whole = '0', fraction] = amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const value = Number(amount);
  const yi = value >= 1e8 ? ` (${(value / 1e8).toFixed(2)} 亿)` : value >= 1e4 ? ` (${(value / 1e4).toFixed(1)} 万)` : '';
  return `¥${grouped}${fraction && Number(fraction) !== 0 ? `.${fraction.padEnd(2, '0')}` : ''}${yi}`;
}

/** A yuan amount times a share, to the fen (a double holds the fen of any programme's target exactly). */
const expectedAmount = (target: string, share: number) => (Number(target) * share).toFixed(2);

/**
 * A sum that leaves out `hidden` monthly records this key may not see: "hidden"
 * when nothing visible was summed (¥0 would be wrong), else the sum and what it
 * leaves out.
 */
export function partialYuan(amount: string, hidden: number): string {
  if (hidden === 0) return yuan(amount);
  const records = `${hidden} monthly record${hidden === 1 ? '' : 's'}`;
  if (Number(amount) === 0) return `hidden (${records} this key may not see)`;
  return `${yuan(amount)} + ${records} this key may not see`;
}

const percent = (value: string | number | null | undefined) => (value === null || value === undefined ? '–' : `${Number(value).toFixed(1)}%`);

export function renderWeekly(data: WeeklyData): string {
  const { week, cadence } = data;
  const out: string[] = [];
  const programme = cadence.programme;
  out.push(`# Weekly report ${week.label}: ${week.monday} to ${week.sunday}`);
  out.push('');
  out.push(`${programme.nameZh} (${programme.nameEn}, ${programme.code}). Weeks run Monday to Sunday in ${data.timeZone}; figures as of ${data.asOf.slice(0, 16).replace('T', ' ')} UTC.`);

  out.push('', '## This week', '');
  out.push(
    table(
      ['', 'Count'],
      [
        ['Signings (签约入驻)', data.signings.length],
        ['Construction starts (开工建设)', data.starts.length],
        ['Completions (竣工投产)', data.completions.length],
      ],
    ),
  );
  for (const [title, moves] of [
    ['Signings', data.signings],
    ['Construction starts', data.starts],
    ['Completions', data.completions],
  ] as const) {
    out.push('', `### ${title}`, '');
    if (moves.length === 0) out.push('None this week.');
    else out.push(table(['Day', 'Project', 'Name', 'Campaign', 'From', 'To', 'Note'], moves.map((m) => [m.occurredOn, m.code, `${m.nameZh} (${m.nameEn})`, m.campaign, m.fromStage, m.toStage, m.note])));
  }

  out.push('', '## Cadence', '');
  out.push(
    table(
      ['Rule', 'Period', 'Count', 'Held', 'Current streak', 'Longest streak'],
      cadence.rules.map((rule) => {
        const inWeek = rule.periods.filter((p) => p.end >= week.monday && p.start <= week.sunday);
        const held = inWeek.filter((p) => p.held).length;
        const status =
          rule.period === 'DAY'
            ? `${held} of ${inWeek.length} days`
            : inWeek.some((p) => p.held)
              ? 'held'
              : inWeek.some((p) => p.inProgress)
                ? 'not yet (in progress)'
                : inWeek.length
                  ? '**not held**'
                  : '–';
        const period = rule.period === 'DAY' ? 'the week\'s days' : inWeek.map((p) => `${p.start} to ${p.end}`).join(', ');
        return [`${rule.textZh} (${rule.textEn})`, period, inWeek.reduce((sum, p) => sum + p.count, 0), status, `${rule.currentStreak} ${unit(rule.period, rule.currentStreak)}`, `${rule.longestStreak} ${unit(rule.period, rule.longestStreak)}`];
      }),
    ),
  );

  out.push('', '## Investment', '');
  const inv = data.investment;
  const month = inv?.months.find((m) => m.start <= week.monday && m.end >= week.monday);
  if (!inv || !month) out.push('No investment figures for this period (or this key may not see them).');
  else {
    out.push(
      table(
        ['', 'Amount', 'A year earlier', 'Growth'],
        [
          [`${month.label} (month of the week)`, partialYuan(month.amount, month.hiddenRecords), partialYuan(month.previousYearAmount, month.previousYearHiddenRecords), percent(month.growthPercent)],
          [`Cumulative to ${month.end}`, partialYuan(month.cumulative, inv.total.hiddenRecords), '', ''],
        ],
      ),
    );
    // Expected by the week's own last day, not by the end of its month.
    const expected = inv.target === null ? null : expectedAmount(inv.target, expectedShareBy(week.sunday, data.periodStart, data.periodEnd));
    const hiddenSoFar = inv.total.hiddenRecords;
    const reached =
      hiddenSoFar === 0 ? percent(month.cumulativeTargetPercent) : Number(month.cumulative) === 0 ? 'hidden' : `${percent(month.cumulativeTargetPercent)} of what this key may see`;
    out.push('', `Target for the period: ${yuan(inv.target)}; reached ${reached}${expected ? `, against ${yuan(expected)} expected by ${week.sunday} (the week's last day) on a straight line` : ''}.`);
  }

  out.push('', '## Progress', '');
  const progress = data.progress;
  if (progress) {
    const s = progress.summary;
    out.push(`Indicators: ${s.indicators}; achieved ${s.achieved}, on track ${s.onTrack}, behind ${s.behind}, no data ${s.noData}; average ${percent(s.averagePercentComplete)} complete.`);
  }
  const pipeline = data.pipeline;
  if (pipeline) {
    const t = pipeline.total;
    out.push('', `Pipeline now: ${t.projects} projects, ${t.reachedTarget} of ${t.withTarget} with a target stage have reached it (${percent(t.reachedTargetPercent)}).`);
  }

  out.push('', '## At risk', '');
  const risk = data.risk;
  if (!risk) out.push('No risk figures for this programme.');
  else {
    const s = risk.summary;
    out.push(
      `Projects overdue ${s.projectsOverdue}, due within ${risk.withinDays} days ${s.projectsDueSoon}; obstacles overdue ${s.obstaclesOverdue}; findings overdue ${s.findingsOverdue}; indicators behind ${s.indicatorsBehind}.`,
    );
    const more = (shown: number, total: number) => (total > shown ? ['', `… and ${total - shown} more.`] : []);
    if (risk.projects.nodes.length) {
      out.push('', '### Projects short of their target stage', '');
      out.push(table(['Project', 'Name', 'Stage', 'Target', 'Due', 'Days left'], risk.projects.nodes.map((p) => [p.code, p.nameZh, p.stage, p.targetStage, p.dueOn, p.overdue ? `**${p.daysLeft}** (overdue)` : p.daysLeft])));
      out.push(...more(risk.projects.nodes.length, risk.projects.totalCount));
    }
    if (risk.obstacles.nodes.length) {
      out.push('', '### Obstacles past their deadline', '');
      out.push(table(['Obstacle', 'Title', 'Status', 'Responsible', 'Deadline', 'Days overdue'], risk.obstacles.nodes.map((o) => [o.code, o.titleZh, o.status, o.responsibleUnit, o.deadline, o.daysOverdue])));
      out.push(...more(risk.obstacles.nodes.length, risk.obstacles.totalCount));
    }
    if (risk.findings.nodes.length) {
      out.push('', '### Inspection findings past their deadline', '');
      out.push(table(['Finding', 'Title', 'Status', 'Responsible', 'Deadline', 'Days overdue'], risk.findings.nodes.map((f) => [f.code, f.titleZh, f.status, f.responsibleUnit, f.deadline, f.daysOverdue])));
      out.push(...more(risk.findings.nodes.length, risk.findings.totalCount));
    }
    if (risk.indicators.nodes.length) {
      out.push('', '### Indicators behind', '');
      out.push(table(['Indicator', 'Name', 'Latest', 'Expected', 'Target', 'Complete'], risk.indicators.nodes.map((i) => [i.code, i.nameZh, i.latestValue, i.expectedValue, i.target, percent(i.percentComplete)])));
      out.push(...more(risk.indicators.nodes.length, risk.indicators.totalCount));
    }
  }
  return `${out.join('\n')}\n`;
}

function unit(period: string, n: number): string {
  const word = { DAY: 'day', WEEK: 'week', MONTH: 'month', QUARTER: 'quarter' }[period] ?? 'period';
  return `${word}${n === 1 ? '' : 's'}`;
}
