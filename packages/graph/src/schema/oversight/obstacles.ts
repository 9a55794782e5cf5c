import { costHints, MAX_STATUS_HISTORY } from '../analytics/bounds.ts';
import { ObstacleStatus, type Prisma } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { StatusChange } from './status-change.ts';
import { TrackedRecord, trackedColumns } from '../common/fields.ts';
import { current, nameSearch } from '../common/filters.ts';

const ObstacleStatusRef = builder.enumType(ObstacleStatus, {
  name: 'ObstacleStatus',
  description: 'An obstacle\'s way from raised to closed: OPEN → IN_PROGRESS → RESOLVED → CLOSED.',
  values: {
    OPEN: { description: 'Raised, nobody working on it yet.' },
    IN_PROGRESS: { description: 'The responsible unit is working on it.' },
    RESOLVED: { description: 'Resolved, awaiting confirmation.' },
    CLOSED: { description: 'Confirmed resolved and closed.' },
  },
});

builder.prismaNode('Obstacle', {
  id: { field: 'id' },
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  interfaces: [TrackedRecord],
  select: trackedColumns,
  description:
    'An institutional barrier (突出矛盾和问题) holding development back — an institutional obstacle, structural contradiction or policy problem — tracked until resolved.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code.' }),
    titleZh: t.exposeString('titleZh', { description: 'The obstacle in a line, in Chinese.' }),
    titleEn: t.exposeString('titleEn', { description: 'The obstacle in a line, in English.' }),
    descriptionZh: t.exposeString('descriptionZh', { nullable: true, description: 'Details, in Chinese.' }),
    descriptionEn: t.exposeString('descriptionEn', { nullable: true, description: 'Details, in English.' }),
    status: t.expose('status', { type: ObstacleStatusRef, description: 'Where it stands.' }),
    responsibleUnit: t.exposeString('responsibleUnit', { nullable: true, description: 'The unit responsible for resolving it.' }),
    raisedOn: t.expose('raisedOn', { type: 'Date', description: 'When it was raised.' }),
    deadline: t.expose('deadline', { type: 'Date', nullable: true, description: 'When it is to be resolved by.' }),
    resolvedOn: t.expose('resolvedOn', { type: 'Date', nullable: true, description: 'When it was resolved.' }),
    campaign: t.relation('campaign', { nullable: true, description: 'The campaign it concerns.' }),
    project: t.relation('project', { nullable: true, description: 'The project it holds back.' }),
    platform: t.relation('platform', { nullable: true, description: 'The platform it concerns.' }),
    statusHistory: t.relation('statusChanges', {
      description: `Its moves from status to status, earliest first, with the notes that explain them (the first ${MAX_STATUS_HISTORY}; the audit trail holds every one).`,
      // Taken and priced by the same bound, so that its cost is a true upper bound.
      query: () => ({ orderBy: [{ occurredOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }], take: MAX_STATUS_HISTORY }),
      extensions: costHints({ list: () => MAX_STATUS_HISTORY }),
    }),
    inspectionFindings: t.relatedConnection('findings', {
      cursor: 'id',
      totalCount: true,
      description: 'Inspection findings about it.',
      query: () => ({ where: current, orderBy: [{ foundOn: 'desc' }, { id: 'asc' }] }),
    }),
  }),
});

builder.prismaObject('ObstacleStatusChange', {
  description: 'One move of an obstacle from one status to another, as recorded.',
  interfaces: [StatusChange],
  fields: (t) => ({
    fromStatus: t.expose('fromStatus', { type: ObstacleStatusRef, description: 'The status it left.' }),
    toStatus: t.expose('toStatus', { type: ObstacleStatusRef, description: 'The status it moved to.' }),
  }),
});

const ObstacleFilter = builder.inputType('ObstacleFilter', {
  description: 'Narrows the obstacle list; every field given must match.',
  fields: (t) => ({
    status: t.field({ type: [ObstacleStatusRef], description: 'Any of these statuses.' }),
    campaign: t.string({ description: 'Concerning this campaign (its code).' }),
    project: t.string({ description: 'Holding back this project (its code).' }),
    responsibleUnit: t.string({ description: 'With this responsible unit (exact).' }),
    overdueOn: t.field({ type: 'Date', description: 'Not resolved or closed, with a deadline before this day.' }),
    search: t.string({ description: 'Part of the Chinese or English title, or the whole code.' }),
  }),
});

builder.queryFields((t) => ({
  obstacle: t.prismaField({
    type: 'Obstacle',
    nullable: true,
    description: 'An obstacle by its code; null when there is none.',
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, { code }, ctx) => ctx.prisma.obstacle.findUnique({ ...query, where: { code } }),
  }),
  obstacles: t.prismaConnection({
    type: 'Obstacle',
    cursor: 'id',
    description: 'Obstacles, latest raised first.',
    args: { filter: t.arg({ type: ObstacleFilter }) },
    totalCount: (_root, { filter }, ctx) => ctx.prisma.obstacle.count({ where: obstacleWhere(filter) }),
    resolve: (query, _root, { filter }, ctx) =>
      ctx.prisma.obstacle.findMany({ ...query, where: obstacleWhere(filter), orderBy: [{ raisedOn: 'desc' }, { id: 'asc' }] }),
  }),
}));

function obstacleWhere(filter: typeof ObstacleFilter.$inferInput | null | undefined): Prisma.ObstacleWhereInput {
  const where: Prisma.ObstacleWhereInput = { ...current };
  if (filter?.status?.length) where.status = { in: filter.status };
  if (filter?.campaign) where.campaign = { code: filter.campaign };
  if (filter?.project) where.project = { code: filter.project };
  if (filter?.responsibleUnit) where.responsibleUnit = filter.responsibleUnit;
  if (filter?.overdueOn) {
    where.deadline = { lt: filter.overdueOn };
    where.status = { in: (filter.status?.length ? filter.status : ['OPEN', 'IN_PROGRESS']).filter((s) => s === 'OPEN' || s === 'IN_PROGRESS') };
  }
  if (filter?.search) where.OR = nameSearch(filter.search, { zh: 'titleZh', en: 'titleEn' });
  return where;
}
