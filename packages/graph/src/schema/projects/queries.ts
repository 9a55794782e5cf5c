import type { Prisma, PrismaClient } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { OrderDirection } from '../common/enums.ts';
import { current, nameSearch } from '../common/filters.ts';
import { OriginGroupRef } from '../organisations/organisation.ts';
import { ProjectStageRef } from './stage.ts';

const ProjectFilter = builder.inputType('ProjectFilter', {
  description: 'Narrows the project list; every field given must match. Entities are named by their codes.',
  fields: (t) => ({
    campaign: t.string({ description: 'In this campaign (its primary one), e.g. `GZK-2020-C4`; a campaign\'s `listedProjects` also has those its list names besides.' }),
    cluster: t.string({ description: 'In this industry cluster.' }),
    sector: t.string({ description: 'In this sector.' }),
    park: t.string({ description: 'In this park.' }),
    organisation: t.string({ description: 'With this organisation behind it.' }),
    platform: t.string({ description: 'Linked to this platform.' }),
    originGroup: t.field({ type: [OriginGroupRef], description: 'With an organisation of any of these families behind it.' }),
    stage: t.field({ type: [ProjectStageRef], description: 'Currently at any of these stages.' }),
    targetStage: t.field({ type: [ProjectStageRef], description: 'Due to reach any of these stages this period.' }),
    isKeyProject: t.boolean({ description: 'Key projects only (true) or the others only (false).' }),
    inFiveYearPlan: t.boolean({ description: 'Submitted for the 14th Five-Year Plan (true) or not (false).' }),
    search: t.string({ description: 'Part of the Chinese or English name, or the whole code.' }),
  }),
});

const ProjectOrderField = builder.enumType('ProjectOrderField', {
  description: 'What to sort projects by.',
  values: {
    CODE: { description: 'Project code.' },
    NAME_ZH: { description: 'Chinese name (by code point).' },
    NAME_EN: { description: 'English name.' },
    STAGE: { description: 'Current stage, in the order of the path from talks to operation.' },
    PLANNED_INVESTMENT: { description: 'Planned fixed-asset investment (projects without a figure, or whose figure you may not see, last).' },
    COMPLETED_INVESTMENT: { description: 'Completed fixed-asset investment (projects whose figure you may not see last).' },
    LAST_CHANGE: { description: 'When the project last changed stage.' },
  } as const,
});

const ProjectOrder = builder.inputType('ProjectOrder', {
  description: 'How to sort projects. Ties are broken by code (in the same direction), so pages never overlap.',
  fields: (t) => ({
    field: t.field({ type: ProjectOrderField, required: true, description: 'What to sort by.' }),
    direction: t.field({ type: OrderDirection, defaultValue: 'asc', description: 'Ascending (default) or descending.' }),
  }),
});

type ProjectFilterInput = typeof ProjectFilter.$inferInput;
type ProjectOrderInput = typeof ProjectOrder.$inferInput;

/** The parents a project filter names by code, each with the foreign key that holds it. */
const parentFilters = [
  ['campaign', 'campaignId', (prisma: PrismaClient) => prisma.campaign],
  ['cluster', 'clusterId', (prisma: PrismaClient) => prisma.industryCluster],
  ['sector', 'sectorId', (prisma: PrismaClient) => prisma.sector],
  ['park', 'parkId', (prisma: PrismaClient) => prisma.park],
] as const;

/** One lookup per parent and request: the page and its totalCount filter alike. */
const lookups = new WeakMap<Context, Map<string, Promise<{ id: string } | null>>>();

function parentByCode(ctx: Context, name: string, code: string, find: () => Promise<{ id: string } | null>) {
  let seen = lookups.get(ctx);
  if (!seen) lookups.set(ctx, (seen = new Map()));
  const key = `${name}:${code}`;
  let found = seen.get(key);
  if (!found) seen.set(key, (found = find()));
  return found;
}

type CodeLookup = { findUnique(args: { where: { code: string }; select: { id: true } }): Promise<{ id: string } | null> };

/**
 * The filter as Prisma reads it. A parent named by code is looked up first
 * (through the caller's client, so a hidden one is not found and matches
 * nothing) and filtered by its key: a join on the parent's code hides which
 * parent it is from the planner, which then walked the whole project table in
 * the page's order instead of the parent's projects.
 */
export async function projectWhere(filter: ProjectFilterInput | null | undefined, ctx: Context): Promise<Prisma.ProjectWhereInput> {
  if (!filter) return current;
  const where: Prisma.ProjectWhereInput = { ...current };
  await Promise.all(
    parentFilters.map(async ([name, key, delegate]) => {
      const code = filter[name];
      if (!code) return;
      const parent = await parentByCode(ctx, name, code, () => (delegate(ctx.prisma) as unknown as CodeLookup).findUnique({ where: { code }, select: { id: true } }));
      // No such parent, or one the caller may not see: nothing matches.
      where[key] = parent ? parent.id : { in: [] };
    }),
  );
  if (filter.platform) where.platforms = { some: { code: filter.platform } };
  const organisations: Prisma.OrganisationWhereInput[] = [];
  if (filter.organisation) organisations.push({ code: filter.organisation });
  if (filter.originGroup?.length) organisations.push({ originGroup: { in: filter.originGroup } });
  if (organisations.length) where.AND = organisations.map((o) => ({ organisations: { some: o } }));
  if (filter.stage?.length) where.stage = { in: filter.stage };
  if (filter.targetStage?.length) where.targetStage = { in: filter.targetStage };
  if (filter.isKeyProject != null) where.isKeyProject = filter.isKeyProject;
  if (filter.inFiveYearPlan != null) where.inFiveYearPlan = filter.inFiveYearPlan;
  if (filter.search) where.OR = nameSearch(filter.search);
  return where;
}

/**
 * Ties go by code in the sort's own direction, so that each ordering walks one
 * index (see the migration figures_as_seen) and stops at the page's end.
 */
export function projectOrderBy(order: ProjectOrderInput | null | undefined): Prisma.ProjectOrderByWithRelationInput[] {
  const direction = order?.direction ?? 'asc';
  const tieBreak: Prisma.ProjectOrderByWithRelationInput = { code: direction };
  switch (order?.field) {
    case undefined:
    case 'CODE':
      return [tieBreak];
    case 'NAME_ZH':
      return [{ nameZh: direction }, tieBreak];
    case 'NAME_EN':
      return [{ nameEn: direction }, tieBreak];
    case 'STAGE':
      return [{ stage: direction }, tieBreak];
    case 'PLANNED_INVESTMENT':
      return [{ plannedInvestment: { sort: direction, nulls: 'last' } }, tieBreak];
    case 'COMPLETED_INVESTMENT':
      // Never null; as a caller who may not see every figure reads it, hidden ones sort last.
      return [{ completedInvestment: direction }, tieBreak];
    case 'LAST_CHANGE':
      return [{ stageChangedAt: direction }, tieBreak];
  }
}

builder.queryFields((t) => ({
  project: t.prismaField({
    type: 'Project',
    nullable: true,
    description: 'A project by its code; null when there is none.',
    args: { code: t.arg.string({ required: true, description: 'e.g. `GZK-2020-P01`' }) },
    resolve: (query, _root, { code }, ctx) => ctx.prisma.project.findUnique({ ...query, where: { code } }),
  }),
  projects: t.prismaConnection({
    type: 'Project',
    cursor: 'id',
    description: 'Projects, filtered and sorted (by code unless `orderBy` says otherwise).',
    args: {
      filter: t.arg({ type: ProjectFilter }),
      orderBy: t.arg({ type: ProjectOrder }),
    },
    totalCount: async (_root, { filter }, ctx) => ctx.prisma.project.count({ where: await projectWhere(filter, ctx) }),
    resolve: async (query, _root, { filter, orderBy }, ctx) =>
      ctx.prisma.project.findMany({ ...query, where: await projectWhere(filter, ctx), orderBy: projectOrderBy(orderBy) }),
  }),
}));
