import { OriginGroup, Prisma, ProjectStage } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { costHints, pipelineGroupBound, withinBound } from './bounds.ts';
import { dateParam, programmeArgDescription, programmeScope, type Scope } from './period.ts';
import { countedProject, figuresVisible, percent, reachedTarget, visibleIn } from './sql.ts';
import { AnalyticsLabelRef, labelFrom } from './types.ts';

// The project pipeline: how many projects stand at each stage, with their
// planned and completed investment, grouped as the caller asks; and, for
// projects with a target stage, how many have reached it.

const PipelineDimensionRef = builder.enumType('PipelineDimension', {
  description: 'What to group the project pipeline by.',
  values: {
    CAMPAIGN: { description: 'The campaign a project belongs to.' },
    CLUSTER: { description: 'Its industry cluster (null group: none, or one you may not see).' },
    SECTOR: { description: 'Its sector (null group: none, or one you may not see).' },
    PARK: { description: 'Its park (null group: none, or one you may not see).' },
    ORIGIN_GROUP: {
      description:
        'The origin group of the organisations behind it. A project backed by organisations of two groups counts in both, so these ' +
        'groups can add up to more than the total; one with no organisation you may see falls in the null group.',
    },
    STAGE: { description: 'Its current stage.' },
    TARGET_STAGE: { description: 'The stage it is to reach this period (null group: no target).' },
  } as const,
});

type Dimension = (typeof PipelineDimensionRef)['$inferType'];

const PipelineFilterRef = builder.inputType('PipelineFilter', {
  description: 'Narrows the projects counted; every field given must match. Records are named by their codes; a list matches any of its items.',
  fields: (t) => ({
    campaign: t.stringList({ description: 'In any of these campaigns.' }),
    cluster: t.stringList({ description: 'In any of these industry clusters.' }),
    sector: t.stringList({ description: 'In any of these sectors.' }),
    park: t.stringList({ description: 'In any of these parks.' }),
    originGroup: t.field({ type: [OriginGroup], description: 'With an organisation of any of these origin groups behind it.' }),
    stage: t.field({ type: [ProjectStage], description: 'Currently at any of these stages.' }),
    targetStage: t.field({ type: [ProjectStage], description: 'Due to reach any of these stages.' }),
    targetDateFrom: t.field({ type: 'Date', description: 'Due (target date) on or after this day.' }),
    targetDateTo: t.field({ type: 'Date', description: 'Due (target date) on or before this day.' }),
    isKeyProject: t.boolean({ description: 'Key projects only (true) or the others only (false).' }),
    inFiveYearPlan: t.boolean({ description: 'Submitted for the 14th Five-Year Plan (true) or not (false).' }),
  }),
});

type PipelineFilter = typeof PipelineFilterRef.$inferInput;

/** The columns a dimension adds to SELECT and GROUP BY, and how its groups are ordered. */
const dimensions: Record<Dimension, { select: string; group: string; order: string }> = {
  CAMPAIGN: {
    select: 'b."campaignCode", b."campaignNameZh", b."campaignNameEn"',
    group: 'b."campaignCode", b."campaignNameZh", b."campaignNameEn", b."campaignPosition"',
    order: 'b."campaignPosition" NULLS LAST',
  },
  CLUSTER: { select: 'b."clusterCode", b."clusterNameZh", b."clusterNameEn"', group: 'b."clusterCode", b."clusterNameZh", b."clusterNameEn"', order: 'b."clusterCode" NULLS LAST' },
  SECTOR: { select: 'b."sectorCode", b."sectorNameZh", b."sectorNameEn"', group: 'b."sectorCode", b."sectorNameZh", b."sectorNameEn"', order: 'b."sectorCode" NULLS LAST' },
  PARK: { select: 'b."parkCode", b."parkNameZh", b."parkNameEn"', group: 'b."parkCode", b."parkNameZh", b."parkNameEn"', order: 'b."parkCode" NULLS LAST' },
  ORIGIN_GROUP: { select: 'o."originGroup"::text AS "originGroup"', group: 'o."originGroup"', order: 'o."originGroup" NULLS LAST' },
  STAGE: { select: 'b.stage::text AS stage', group: 'b.stage', order: 'b.stage' },
  TARGET_STAGE: { select: 'b."targetStage"::text AS "targetStage"', group: 'b."targetStage"', order: 'b."targetStage" NULLS LAST' },
};

/**
 * The projects counted (CTE `base`), one row each, with the labels of the
 * records they belong to (null where the caller may not see the record) and
 * their investment figures (null where the caller may not see the figures).
 */
function base(scope: Scope, filter: PipelineFilter | null | undefined): Prisma.Sql {
  const { programme, visible } = scope;
  const vis = visibleIn(visible);
  const where: Prisma.Sql[] = [countedProject('p', programme.id, visible)];
  const codes = (column: string, list: readonly string[] | null | undefined) => {
    if (list?.length) where.push(Prisma.sql`${Prisma.raw(column)} = ANY(${[...list]}::text[])`);
  };
  codes('c.code', filter?.campaign);
  codes('cl.code', filter?.cluster);
  codes('s.code', filter?.sector);
  codes('pk.code', filter?.park);
  if (filter?.stage?.length) where.push(Prisma.sql`p.stage::text = ANY(${[...filter.stage]}::text[])`);
  if (filter?.targetStage?.length) where.push(Prisma.sql`p."targetStage"::text = ANY(${[...filter.targetStage]}::text[])`);
  if (filter?.targetDateFrom) where.push(Prisma.sql`p."targetDate" >= ${dateParam(filter.targetDateFrom)}`);
  if (filter?.targetDateTo) where.push(Prisma.sql`p."targetDate" <= ${dateParam(filter.targetDateTo)}`);
  if (filter?.isKeyProject != null) where.push(Prisma.sql`p."isKeyProject" = ${filter.isKeyProject}`);
  if (filter?.inFiveYearPlan != null) where.push(Prisma.sql`p."inFiveYearPlan" = ${filter.inFiveYearPlan}`);
  if (filter?.originGroup?.length) {
    where.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "_OrganisationToProject" op JOIN "Organisation" og ON og.id = op."A"
       WHERE op."B" = p.id AND og.visibility = ANY(${vis}) AND og."originGroup"::text = ANY(${[...filter.originGroup]}::text[]))`);
  }
  return Prisma.sql`
    base AS (
      SELECT p.id, p.stage, p."targetStage",
             (p."targetStage" IS NOT NULL AND ${reachedTarget('p')}) AS reached,
             ${figuresVisible('p', visible)} AS figures,
             CASE WHEN ${figuresVisible('p', visible)} THEN p."plannedInvestment" END AS planned,
             CASE WHEN ${figuresVisible('p', visible)} THEN p."completedInvestment" END AS completed,
             c.code AS "campaignCode", c."nameZh" AS "campaignNameZh", c."nameEn" AS "campaignNameEn", c.position AS "campaignPosition",
             cl.code AS "clusterCode", cl."nameZh" AS "clusterNameZh", cl."nameEn" AS "clusterNameEn",
             s.code AS "sectorCode", s."nameZh" AS "sectorNameZh", s."nameEn" AS "sectorNameEn",
             pk.code AS "parkCode", pk."nameZh" AS "parkNameZh", pk."nameEn" AS "parkNameEn"
        FROM "Project" p
        LEFT JOIN "Campaign" c ON c.id = p."campaignId" AND c.visibility = ANY(${vis})
        LEFT JOIN "IndustryCluster" cl ON cl.id = p."clusterId" AND cl.visibility = ANY(${vis})
        LEFT JOIN "Sector" s ON s.id = p."sectorId" AND s.visibility = ANY(${vis})
        LEFT JOIN "Park" pk ON pk.id = p."parkId" AND pk.visibility = ANY(${vis})
       WHERE ${Prisma.join(where, ' AND ')}
    )`;
}

const figures = Prisma.raw(`
  count(*)::int AS projects,
  count(*) FILTER (WHERE b."targetStage" IS NOT NULL)::int AS "withTarget",
  count(*) FILTER (WHERE b.reached)::int AS "reachedTarget",
  COALESCE(sum(b.planned), 0) AS "plannedInvestment",
  COALESCE(sum(b.completed), 0) AS "completedInvestment",
  count(*) FILTER (WHERE b.figures)::int AS "withFigures"`);

interface Figures {
  projects: number;
  withTarget: number;
  reachedTarget: number;
  reachedPercent: number | null;
  plannedInvestment: Prisma.Decimal;
  completedInvestment: Prisma.Decimal;
  withFigures: number;
}

type GroupRow = Figures & Record<string, unknown>;

async function pipelineGroups(scope: Scope, filter: PipelineFilter | null | undefined, by: readonly Dimension[], withTotal = false): Promise<{ groups: GroupRow[]; total?: GroupRow }> {
  const chosen = [...new Set(by)].map((d) => dimensions[d]);
  const originJoin = by.includes('ORIGIN_GROUP')
    ? Prisma.sql`LEFT JOIN (
        SELECT DISTINCT op."B" AS project, og."originGroup" FROM "_OrganisationToProject" op
          JOIN "Organisation" og ON og.id = op."A" AND og.visibility = ANY(${visibleIn(scope.visible)})) o ON o.project = b.id`
    : Prisma.empty;
  const list = (key: 'select' | 'group' | 'order') => Prisma.raw(chosen.map((d) => d[key]).join(', '));
  // The total as one more grouping set of the same scan: the groups' dimensions are null in its row.
  const grouping = chosen.length && withTotal ? Prisma.sql`GROUPING SETS ((${list('group')}), ())` : list('group');
  const rows = await scope.query<GroupRow & { isTotal?: boolean }>`
    WITH ${base(scope, filter)}
    SELECT ${chosen.length ? Prisma.sql`${list('select')},` : Prisma.empty} ${figures},
           ${percent(Prisma.sql`count(*) FILTER (WHERE b.reached)`, Prisma.sql`count(*) FILTER (WHERE b."targetStage" IS NOT NULL)`)} AS "reachedPercent"
           ${chosen.length && withTotal ? Prisma.sql`, GROUPING(${Prisma.raw(chosen[0]!.group.split(',')[0]!)}) = 1 AS "isTotal"` : Prisma.empty}
      FROM base b ${originJoin}
     ${chosen.length ? Prisma.sql`GROUP BY ${grouping} ORDER BY ${list('order')}` : Prisma.empty}`;
  if (!chosen.length) return { groups: rows, total: rows[0] };
  if (!withTotal) return { groups: rows };
  return { groups: rows.filter((r) => !r.isTotal).map(({ isTotal: _, ...r }) => r as GroupRow), total: rows.find((r) => r.isTotal) };
}

/**
 * What one report's fields ask of the database, gathered while graphql-js
 * resolves them (in the same tick, as DataLoader batches) and read in one
 * statement when `total` and one `groups` come together: one scan of the
 * projects instead of two. Origin groups count a project once per group, so
 * their total is still read on its own.
 */
function pipelineReads(scope: Scope, filter: PipelineFilter | null | undefined) {
  const asked: { by: readonly Dimension[]; done: (rows: { groups: GroupRow[]; total?: GroupRow }) => void; fail: (e: unknown) => void }[] = [];
  let scheduled = false;
  const flush = () => {
    const batch = asked.splice(0);
    scheduled = false;
    const totals = batch.filter((a) => a.by.length === 0);
    const groupings = batch.filter((a) => a.by.length > 0);
    const partner = totals.length && groupings.find((g) => !g.by.includes('ORIGIN_GROUP'));
    const run = (by: readonly Dimension[], withTotal: boolean, waiting: typeof batch) =>
      pipelineGroups(scope, filter, by, withTotal).then(
        (rows) => waiting.forEach((w) => w.done(rows)),
        (error) => waiting.forEach((w) => w.fail(error)),
      );
    if (partner) {
      void run(partner.by, true, [partner, ...totals]);
      for (const g of groupings) if (g !== partner) void run(g.by, false, [g]);
    } else {
      for (const a of batch) void run(a.by, false, [a]);
    }
  };
  return (by: readonly Dimension[]) =>
    new Promise<{ groups: GroupRow[]; total?: GroupRow }>((done, fail) => {
      asked.push({ by, done, fail });
      if (!scheduled) {
        scheduled = true;
        process.nextTick(flush);
      }
    });
}

const hiddenSum = 'Null when every project counted has figures you may not see (hidden, not zero); 0 when no project is counted.';

/** Projects are counted, but not one of their figures may be seen: a sum would read as 0 where it is hidden. */
const allHidden = (f: Figures) => f.projects > 0 && f.withFigures === 0;

const PipelineFiguresRef = builder.objectRef<Figures>('PipelineFigures').implement({
  description:
    'Counts and investment of a set of projects. Investment sums cover only the projects whose investment figures you may see ' +
    '(see `Project.investmentVisibility`); `projectsWithVisibleFigures` says how many that is.',
  fields: (t) => ({
    projects: t.exposeInt('projects', { description: 'Projects counted (current ones you may see).' }),
    withTarget: t.exposeInt('withTarget', { description: 'Of these, projects with a target stage for the period.' }),
    reachedTarget: t.exposeInt('reachedTarget', {
      description:
        'Of those with a target, projects whose current stage has reached it: the target stage itself or one further along ' +
        'NEGOTIATING → SIGNED → UNDER_CONSTRUCTION → OPERATING / ENROLLING (a suspended or cancelled project has not).',
    }),
    notReachedTarget: t.int({ description: 'Projects with a target they have not reached (withTarget − reachedTarget).', resolve: (f) => f.withTarget - f.reachedTarget }),
    reachedTargetPercent: t.float({
      nullable: true,
      description: 'reachedTarget ÷ withTarget × 100, rounded to two places; null when no project has a target.',
      resolve: (f) => f.reachedPercent,
    }),
    plannedInvestment: t.field({
      type: 'Decimal',
      nullable: true,
      description: `Sum of planned fixed-asset investment, in yuan, over the projects whose figures you may see. ${hiddenSum}`,
      resolve: (f) => (allHidden(f) ? null : f.plannedInvestment),
    }),
    completedInvestment: t.field({
      type: 'Decimal',
      nullable: true,
      description: `Sum of completed fixed-asset investment to date, in yuan, over the projects whose figures you may see. ${hiddenSum}`,
      resolve: (f) => (allHidden(f) ? null : f.completedInvestment),
    }),
    projectsWithVisibleFigures: t.int({ description: 'How many of the projects the investment sums cover.', resolve: (f) => f.withFigures }),
    projectsWithHiddenFigures: t.int({
      description:
        'How many of the projects counted have investment figures you may not see (`investmentVisibility`), left out of the sums: ' +
        'when this is above 0, the sums are not the whole, and a key of a higher role sees more.',
      resolve: (f) => f.projects - f.withFigures,
    }),
  }),
});

const PipelineGroupRef = builder.objectRef<GroupRow>('PipelineGroup').implement({
  description:
    'One group of the pipeline. Each key field is set when the pipeline is grouped by it; it is null when not grouped by it, or for ' +
    'the group of projects that have none (or one you may not see).',
  fields: (t) => ({
    campaign: t.field({ type: AnalyticsLabelRef, nullable: true, description: 'The campaign (grouped by CAMPAIGN).', resolve: (r) => labelFrom(r, 'campaign') }),
    cluster: t.field({ type: AnalyticsLabelRef, nullable: true, description: 'The industry cluster (grouped by CLUSTER).', resolve: (r) => labelFrom(r, 'cluster') }),
    sector: t.field({ type: AnalyticsLabelRef, nullable: true, description: 'The sector (grouped by SECTOR).', resolve: (r) => labelFrom(r, 'sector') }),
    park: t.field({ type: AnalyticsLabelRef, nullable: true, description: 'The park (grouped by PARK).', resolve: (r) => labelFrom(r, 'park') }),
    originGroup: t.field({ type: OriginGroup, nullable: true, description: 'The origin group (grouped by ORIGIN_GROUP).', resolve: (r) => (r.originGroup as OriginGroup | null) ?? null }),
    stage: t.field({ type: ProjectStage, nullable: true, description: 'The current stage (grouped by STAGE).', resolve: (r) => (r.stage as ProjectStage | null) ?? null }),
    targetStage: t.field({ type: ProjectStage, nullable: true, description: 'The target stage (grouped by TARGET_STAGE).', resolve: (r) => (r.targetStage as ProjectStage | null) ?? null }),
    figures: t.field({ type: PipelineFiguresRef, description: 'The group\'s counts and investment.', resolve: (r) => r }),
  }),
});

interface PipelineReport {
  scope: Scope;
  filter: PipelineFilter | null | undefined;
  read: ReturnType<typeof pipelineReads>;
}

const PipelineReportRef = builder.objectRef<PipelineReport>('PipelineReport').implement({
  description:
    'The project pipeline of a programme: current projects you may see, counted with their planned and completed investment, in ' +
    'total and in groups. Target stage against current stage answers "of the projects due to start construction this year, how many ' +
    'have": `pipelineReport(filter: { targetStage: [UNDER_CONSTRUCTION] }) { total { withTarget reachedTarget } }`.',
  fields: (t) => ({
    programme: t.field({ type: AnalyticsLabelRef, description: 'The programme reported on.', resolve: (r) => r.scope.programme }),
    total: t.field({
      type: PipelineFiguresRef,
      description: 'All the projects counted.',
      resolve: async (r) => (await r.read([])).total!,
    }),
    groups: t.field({
      type: [PipelineGroupRef],
      description:
        'The projects grouped by each combination of the given dimensions that occurs, e.g. `[STAGE]` for counts by stage, ' +
        '`[TARGET_STAGE, STAGE]` for target stage against current stage, `[CAMPAIGN, STAGE]` for each campaign\'s stages. Groups come ' +
        'in the order of the dimensions (campaigns in their order, stages along the path, codes alphabetically), empty ones left out.',
      args: { by: t.arg({ type: [PipelineDimensionRef], required: true, description: 'The dimensions to group by (one or more).' }) },
      extensions: costHints({ list: (args) => pipelineGroupBound(args['by']) }),
      resolve: async (r, { by }) => withinBound((await r.read(by)).groups, pipelineGroupBound(by), 'pipelineReport.groups'),
    }),
  }),
});

builder.queryFields((t) => ({
  pipelineReport: t.field({
    type: PipelineReportRef,
    nullable: true,
    description:
      'The project pipeline: counts, planned and completed investment of the programme\'s projects by stage, filterable and ' +
      'groupable by campaign, cluster, sector, park and origin group, and target stage against current stage. Computed in the ' +
      'database over the current projects you may see. Null when there is no such programme you may see.',
    args: {
      programme: t.arg.string({ description: programmeArgDescription }),
      filter: t.arg({ type: PipelineFilterRef, description: 'Which projects to count (default: all of the programme\'s).' }),
    },
    resolve: async (_root, { programme, filter }, ctx) => {
      const scope = await programmeScope(ctx, programme, null);
      return scope && { scope, filter, read: pipelineReads(scope, filter) };
    },
  }),
}));
