import { ObstacleStatus, Prisma, ProjectStage, RectificationStatus } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { UserInputError } from '../../errors.ts';
import { asOfArgDescription, dateParam, programmeArgDescription, programmeScope, type Scope } from './period.ts';
import { indicatorPage, IndicatorProgressRef, measured } from './progress.ts';
import { concernsProgramme, countedProject, reachedTarget, visibleIn } from './sql.ts';
import { AnalyticsLabelRef, labelFrom, once, pageOf, totalCountField, type PageArgs } from './types.ts';

// What is at risk: projects short of their target stage whose date has passed
// or is near, obstacles and inspection findings past their deadline, and
// indicators behind their linear expectation.

interface RiskScope {
  scope: Scope;
  withinDays: number;
}

/** The day a project is due: its target date, or the end of the programme's period when it has none. */
const dueDate = (scope: Scope) => Prisma.sql`COALESCE(p."targetDate", ${dateParam(scope.programme.periodEnd)})`;

/** Projects with a target stage not reached, due by today + withinDays. */
function projectsAtRisk({ scope, withinDays }: RiskScope, campaign?: string | null): Prisma.Sql {
  const { programme, today, visible } = scope;
  return Prisma.sql`
    FROM "Project" p
    LEFT JOIN "Campaign" c ON c.id = p."campaignId" AND c.visibility = ANY(${visibleIn(visible)})
   WHERE ${countedProject('p', programme.id, visible)}
     AND p."targetStage" IS NOT NULL AND NOT ${reachedTarget('p')}
     AND ${dueDate(scope)} <= ${dateParam(today)} + ${withinDays}::int
     ${campaign ? Prisma.sql`AND c.code = ${campaign}` : Prisma.empty}`;
}

const issueTables = {
  obstacle: { table: 'Obstacle', open: ['OPEN', 'IN_PROGRESS'] },
  finding: { table: 'InspectionFinding', open: ['OPEN', 'IN_PROGRESS'] },
} as const;

type IssueKind = keyof typeof issueTables;

/** Obstacles or findings still open (not resolved, rectified or closed) whose deadline has passed. */
function overdueIssues(scope: Scope, kind: IssueKind): Prisma.Sql {
  const { table, open } = issueTables[kind];
  return Prisma.sql`
    FROM ${Prisma.raw(`"${table}"`)} o
   WHERE o."archivedAt" IS NULL AND o.visibility = ANY(${visibleIn(scope.visible)})
     AND o.status::text = ANY(${[...open]}::text[])
     AND o.deadline < ${dateParam(scope.today)}
     AND ${concernsProgramme('o', scope.programme.id)}`;
}

interface Summary {
  projectsOverdue: number;
  projectsDueSoon: number;
  obstaclesOverdue: number;
  findingsOverdue: number;
  indicatorsBehind: number;
}

async function summary(risk: RiskScope): Promise<Summary> {
  const { scope } = risk;
  const [row] = await scope.query<Summary>`
    WITH ${measured(scope)},
    projects AS (SELECT ${dueDate(scope)} < ${dateParam(scope.today)} AS overdue ${projectsAtRisk(risk)})
    SELECT (SELECT count(*)::int FROM projects WHERE overdue) AS "projectsOverdue",
           (SELECT count(*)::int FROM projects WHERE NOT overdue) AS "projectsDueSoon",
           (SELECT count(*)::int ${overdueIssues(scope, 'obstacle')}) AS "obstaclesOverdue",
           (SELECT count(*)::int ${overdueIssues(scope, 'finding')}) AS "findingsOverdue",
           (SELECT count(*)::int FROM measured WHERE status = 'BEHIND') AS "indicatorsBehind"`;
  return row!;
}

interface ProjectRow {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  stage: ProjectStage;
  targetStage: ProjectStage;
  due: Date;
  daysLeft: number;
  total: number;
}

function projectPage(risk: RiskScope, campaign: string | null | undefined, args: PageArgs) {
  const { scope } = risk;
  return pageOf(
    args,
    async (limit, offset) => {
      const rows = await scope.query<ProjectRow>`
        SELECT p.id, p.code, p."nameZh", p."nameEn", p.stage::text AS stage, p."targetStage"::text AS "targetStage",
               ${dueDate(scope)} AS due, (${dueDate(scope)} - ${dateParam(scope.today)})::int AS "daysLeft",
               c.code AS "campaignCode", c."nameZh" AS "campaignNameZh", c."nameEn" AS "campaignNameEn",
               count(*) OVER ()::int AS total
        ${projectsAtRisk(risk, campaign)}
         ORDER BY due, p.code LIMIT ${limit} OFFSET ${offset}`;
      return { rows, total: rows[0]?.total ?? null };
    },
    async () => {
      const [row] = await scope.query<{ total: number }>`SELECT count(*)::int AS total ${projectsAtRisk(risk, campaign)}`;
      return row?.total ?? 0;
    },
  );
}

interface IssueRow {
  id: string;
  code: string;
  titleZh: string;
  titleEn: string;
  status: string;
  responsibleUnit: string | null;
  deadline: Date;
  daysOverdue: number;
  total: number;
}

function issuePage(scope: Scope, kind: IssueKind, args: PageArgs) {
  return pageOf(
    args,
    async (limit, offset) => {
      const rows = await scope.query<IssueRow>`
        SELECT o.id, o.code, o."titleZh", o."titleEn", o.status::text AS status, o."responsibleUnit", o.deadline,
               (${dateParam(scope.today)} - o.deadline)::int AS "daysOverdue", count(*) OVER ()::int AS total
        ${overdueIssues(scope, kind)}
         ORDER BY o.deadline, o.code LIMIT ${limit} OFFSET ${offset}`;
      return { rows, total: rows[0]?.total ?? null };
    },
    async () => {
      const [row] = await scope.query<{ total: number }>`SELECT count(*)::int AS total ${overdueIssues(scope, kind)}`;
      return row?.total ?? 0;
    },
  );
}

const ProjectRiskRef = builder.objectRef<ProjectRow>('ProjectAtRisk').implement({
  description: 'A project that has not reached its target stage and whose due date has passed or is near.',
  fields: (t) => ({
    projectId: t.globalID({ description: 'The project\'s global ID, for `node(id:)`.', resolve: (r) => ({ type: 'Project', id: r.id }) }),
    code: t.exposeString('code', { description: 'The project\'s code.' }),
    nameZh: t.exposeString('nameZh', { description: 'Name in Chinese.' }),
    nameEn: t.exposeString('nameEn', { description: 'Name in English.' }),
    campaign: t.field({ type: AnalyticsLabelRef, nullable: true, description: 'Its campaign; null when you may not see it.', resolve: (r) => labelFrom(r as never, 'campaign') }),
    stage: t.field({ type: ProjectStage, description: 'Where it stands now.', resolve: (r) => r.stage }),
    targetStage: t.field({ type: ProjectStage, description: 'The stage it is to reach.', resolve: (r) => r.targetStage }),
    dueOn: t.field({ type: 'Date', description: 'When it is to reach it: its target date, or the last day of the programme\'s period when it has none.', resolve: (r) => r.due }),
    daysLeft: t.exposeInt('daysLeft', { description: 'Days from today to the due date; negative when it has passed.' }),
    overdue: t.boolean({ description: 'Whether the due date has passed.', resolve: (r) => r.daysLeft < 0 }),
  }),
});

function issueType<S extends string>(name: string, kind: IssueKind, status: Record<string, S>, what: string, statusDescription: string) {
  return builder.objectRef<IssueRow>(name).implement({
    description: `${what} still open past its deadline.`,
    fields: (t) => ({
      [`${kind}Id`]: t.globalID({
        description: `The ${kind}'s global ID, for \`node(id:)\`.`,
        resolve: (r) => ({ type: issueTables[kind].table, id: r.id }),
      }),
      code: t.exposeString('code', { description: 'Its code.' }),
      titleZh: t.exposeString('titleZh', { description: 'In a line, in Chinese.' }),
      titleEn: t.exposeString('titleEn', { description: 'In a line, in English.' }),
      status: t.field({ type: status as never, description: statusDescription, resolve: (r) => r.status as never }),
      responsibleUnit: t.exposeString('responsibleUnit', { nullable: true, description: 'The unit responsible.' }),
      deadline: t.field({ type: 'Date', description: 'When it was to be done by.', resolve: (r) => r.deadline }),
      daysOverdue: t.exposeInt('daysOverdue', { description: 'Days since the deadline passed (today − deadline).' }),
    }),
  });
}

const OverdueObstacleRef = issueType('OverdueObstacle', 'obstacle', ObstacleStatus, 'An obstacle', 'OPEN or IN_PROGRESS.');
const OverdueFindingRef = issueType('OverdueFinding', 'finding', RectificationStatus, 'An inspection finding', 'OPEN or IN_PROGRESS (not yet rectified).');

const RiskSummaryRef = builder.objectRef<Summary>('RiskSummary').implement({
  description: 'How many things are at risk.',
  fields: (t) => ({
    projectsOverdue: t.exposeInt('projectsOverdue', { description: 'Projects short of their target stage whose due date has passed.' }),
    projectsDueSoon: t.exposeInt('projectsDueSoon', { description: 'Projects short of their target stage due within `withinDays` from today.' }),
    obstaclesOverdue: t.exposeInt('obstaclesOverdue', { description: 'Obstacles open or in progress past their deadline.' }),
    findingsOverdue: t.exposeInt('findingsOverdue', { description: 'Inspection findings not yet rectified past their deadline.' }),
    indicatorsBehind: t.exposeInt('indicatorsBehind', { description: 'Indicators short of their linear expectation (status BEHIND in `progressReport`).' }),
  }),
});

interface RiskReport extends RiskScope {
  summary: () => Promise<Summary>;
}

const RiskReportRef = builder.objectRef<RiskReport>('RiskReport').implement({
  description:
    'What is at risk on a day (today in the programme\'s time zone, Asia/Shanghai for the seeded programme): projects whose target ' +
    'stage is not reached and whose due date has passed or falls within `withinDays`; obstacles and inspection findings past their ' +
    'deadline; indicators behind their linear expectation. Only current records you may see are counted; obstacles and findings ' +
    'count when they concern the programme\'s campaigns or projects, or neither (zone-wide).',
  fields: (t) => ({
    programme: t.field({ type: AnalyticsLabelRef, description: 'The programme reported on.', resolve: (r) => r.scope.programme }),
    asOf: t.field({ type: 'Date', description: 'Today in the programme\'s time zone.', resolve: (r) => r.scope.today }),
    withinDays: t.exposeInt('withinDays', { description: 'How many days ahead a due date counts as near.' }),
    summary: t.field({ type: RiskSummaryRef, description: 'The counts.', resolve: (r) => r.summary() }),
    projects: t.connection(
      {
        type: ProjectRiskRef,
        description: 'The projects at risk, the longest overdue first (then by code).',
        args: { campaign: t.arg.string({ description: 'Only this campaign\'s projects (its code).' }) },
        resolve: (r, { campaign, ...page }) => projectPage(r, campaign, page),
      },
      {
        name: 'ProjectAtRiskConnection',
        description: 'One page of projects at risk.',
        fields: (c) => ({ totalCount: c.int({ ...totalCountField, resolve: (p) => p.totalCount }) }),
      },
      { name: 'ProjectAtRiskEdge', description: 'A project at risk and its cursor.' },
    ),
    obstacles: t.connection(
      {
        type: OverdueObstacleRef,
        description: 'Obstacles open or in progress past their deadline, the longest overdue first.',
        resolve: (r, page) => issuePage(r.scope, 'obstacle', page),
      },
      {
        name: 'OverdueObstacleConnection',
        description: 'One page of overdue obstacles.',
        fields: (c) => ({ totalCount: c.int({ ...totalCountField, resolve: (p) => p.totalCount }) }),
      },
      { name: 'OverdueObstacleEdge', description: 'An overdue obstacle and its cursor.' },
    ),
    findings: t.connection(
      {
        type: OverdueFindingRef,
        description: 'Inspection findings not yet rectified past their deadline, the longest overdue first.',
        resolve: (r, page) => issuePage(r.scope, 'finding', page),
      },
      {
        name: 'OverdueFindingConnection',
        description: 'One page of overdue inspection findings.',
        fields: (c) => ({ totalCount: c.int({ ...totalCountField, resolve: (p) => p.totalCount }) }),
      },
      { name: 'OverdueFindingEdge', description: 'An overdue inspection finding and its cursor.' },
    ),
    indicators: t.connection(
      {
        type: IndicatorProgressRef,
        description: 'Indicators behind their linear expectation (see `IndicatorProgress`), programme-wide first, then by campaign and code.',
        resolve: (r, page) => indicatorPage(r.scope, { status: ['BEHIND'] }, page),
      },
      {
        name: 'IndicatorBehindConnection',
        description: 'One page of indicators behind their linear expectation.',
        fields: (c) => ({ totalCount: c.int({ ...totalCountField, resolve: (p) => p.totalCount }) }),
      },
      { name: 'IndicatorBehindEdge', description: 'An indicator behind its linear expectation and its cursor.' },
    ),
  }),
});

builder.queryFields((t) => ({
  riskReport: t.field({
    type: RiskReportRef,
    nullable: true,
    description:
      'What is at risk: projects whose target stage is not reached and whose due date has passed or is near, obstacles and inspection ' +
      'findings past their deadline, and indicators behind their linear expectation. "Today" is the day in the programme\'s time zone ' +
      '(Asia/Shanghai for the seeded programme). Null when there is no such programme you may see.',
    args: {
      programme: t.arg.string({ description: programmeArgDescription }),
      asOf: t.arg({ type: 'DateTime', description: asOfArgDescription }),
      withinDays: t.arg.int({ defaultValue: 30, description: 'How many days ahead a due date counts as near (default 30, 0 to 366).' }),
    },
    resolve: async (_root, args, ctx) => {
      const withinDays = args.withinDays ?? 30;
      if (withinDays < 0 || withinDays > 366) throw new UserInputError('withinDays must be between 0 and 366.', 'BAD_USER_INPUT');
      const scope = await programmeScope(ctx, args.programme, args.asOf);
      if (!scope) return null;
      const risk: RiskScope = { scope, withinDays };
      return { ...risk, summary: once(() => summary(risk)) };
    },
  }),
}));
