import { costHints, MAX_STATUS_HISTORY } from '../analytics/bounds.ts';
import { RectificationStatus, type Prisma } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { StatusChange } from './status-change.ts';
import { TrackedRecord, trackedColumns } from '../common/fields.ts';
import { current, nameSearch } from '../common/filters.ts';

const RectificationStatusRef = builder.enumType(RectificationStatus, {
  name: 'RectificationStatus',
  description: 'A finding\'s way to rectification: OPEN → IN_PROGRESS → RECTIFIED → CLOSED.',
  values: {
    OPEN: { description: 'Found and reported, rectification not begun.' },
    IN_PROGRESS: { description: 'Being rectified (整改中).' },
    RECTIFIED: { description: 'Rectified, awaiting the inspection office\'s check.' },
    CLOSED: { description: 'Checked and closed.' },
  },
});

builder.prismaNode('InspectionFinding', {
  id: { field: 'id' },
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  interfaces: [TrackedRecord],
  select: trackedColumns,
  description:
    'A problem the inspection office (工委巡察办) found while following a decision to the ground, tracked to rectification (整改).',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code.' }),
    titleZh: t.exposeString('titleZh', { description: 'The problem in a line, in Chinese.' }),
    titleEn: t.exposeString('titleEn', { description: 'The problem in a line, in English.' }),
    descriptionZh: t.exposeString('descriptionZh', { nullable: true, description: 'Details, in Chinese.' }),
    descriptionEn: t.exposeString('descriptionEn', { nullable: true, description: 'Details, in English.' }),
    status: t.expose('status', { type: RectificationStatusRef, description: 'How far rectification has come.' }),
    responsibleUnit: t.exposeString('responsibleUnit', { nullable: true, description: 'The unit that must rectify it.' }),
    foundOn: t.expose('foundOn', { type: 'Date', description: 'When it was found.' }),
    deadline: t.expose('deadline', { type: 'Date', nullable: true, description: 'When rectification is due.' }),
    rectifiedOn: t.expose('rectifiedOn', { type: 'Date', nullable: true, description: 'When it was rectified.' }),
    campaign: t.relation('campaign', { nullable: true, description: 'The campaign it concerns.' }),
    project: t.relation('project', { nullable: true, description: 'The project it concerns.' }),
    platform: t.relation('platform', { nullable: true, description: 'The platform it concerns.' }),
    obstacle: t.relation('obstacle', { nullable: true, description: 'The obstacle it concerns.' }),
    category: t.relation('category', {
      nullable: true,
      description: 'The kind of problem, one of the inspection office\'s categories (`findingCategories`); null when none is recorded.',
    }),
    statusHistory: t.relation('statusChanges', {
      description: `Its moves from status to status, earliest first, with the notes that explain them (the first ${MAX_STATUS_HISTORY}; the audit trail holds every one).`,
      // Taken and priced by the same bound, so that its cost is a true upper bound.
      query: () => ({ orderBy: [{ occurredOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }], take: MAX_STATUS_HISTORY }),
      extensions: costHints({ list: () => MAX_STATUS_HISTORY }),
    }),
  }),
});

builder.prismaObject('InspectionFindingStatusChange', {
  description: 'One move of an inspection finding from one status to another, as recorded.',
  interfaces: [StatusChange],
  fields: (t) => ({
    fromStatus: t.expose('fromStatus', { type: RectificationStatusRef, description: 'The status it left.' }),
    toStatus: t.expose('toStatus', { type: RectificationStatusRef, description: 'The status it moved to.' }),
  }),
});

const InspectionFindingFilter = builder.inputType('InspectionFindingFilter', {
  description: 'Narrows the list of inspection findings; every field given must match.',
  fields: (t) => ({
    status: t.field({ type: [RectificationStatusRef], description: 'Any of these statuses.' }),
    campaign: t.string({ description: 'Concerning this campaign (its code).' }),
    project: t.string({ description: 'Concerning this project (its code).' }),
    responsibleUnit: t.string({ description: 'With this responsible unit (exact).' }),
    overdueOn: t.field({ type: 'Date', description: 'Not rectified or closed, with a deadline before this day.' }),
    search: t.string({ description: 'Part of the Chinese or English title, or the whole code.' }),
  }),
});

builder.prismaNode('FindingCategory', {
  id: { field: 'id' },
  select: trackedColumns,
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  interfaces: [TrackedRecord],
  description: 'A kind of problem the inspection office names (就业就医, 用水用电, 危房改造, 环境卫生); findings are filed under one.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code, e.g. `FC-SANITATION`.' }),
    nameZh: t.exposeString('nameZh', { description: 'Name in Chinese.' }),
    nameEn: t.exposeString('nameEn', { description: 'Name in English.' }),
    inspectionFindings: t.relatedConnection('findings', {
      cursor: 'id',
      totalCount: true,
      description: 'Findings of this kind, latest found first.',
      query: () => ({ where: current, orderBy: [{ foundOn: 'desc' }, { id: 'asc' }] }),
    }),
  }),
});

builder.queryFields((t) => ({
  findingCategories: t.prismaConnection({
    type: 'FindingCategory',
    cursor: 'id',
    description: 'The kinds of problem inspection findings are filed under, by code.',
    totalCount: (_root, _args, ctx) => ctx.prisma.findingCategory.count({ where: current }),
    resolve: (query, _root, _args, ctx) => ctx.prisma.findingCategory.findMany({ ...query, where: current, orderBy: [{ code: 'asc' }] }),
  }),
  inspectionFinding: t.prismaField({
    type: 'InspectionFinding',
    nullable: true,
    description: 'An inspection finding by its code; null when there is none.',
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, { code }, ctx) => ctx.prisma.inspectionFinding.findUnique({ ...query, where: { code } }),
  }),
  inspectionFindings: t.prismaConnection({
    type: 'InspectionFinding',
    cursor: 'id',
    description: 'Inspection findings, latest found first.',
    args: { filter: t.arg({ type: InspectionFindingFilter }) },
    totalCount: (_root, { filter }, ctx) => ctx.prisma.inspectionFinding.count({ where: findingWhere(filter) }),
    resolve: (query, _root, { filter }, ctx) =>
      ctx.prisma.inspectionFinding.findMany({ ...query, where: findingWhere(filter), orderBy: [{ foundOn: 'desc' }, { id: 'asc' }] }),
  }),
}));

function findingWhere(filter: typeof InspectionFindingFilter.$inferInput | null | undefined): Prisma.InspectionFindingWhereInput {
  const where: Prisma.InspectionFindingWhereInput = { ...current };
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
