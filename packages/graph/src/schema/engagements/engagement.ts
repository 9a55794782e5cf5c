import type { Prisma } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { TrackedRecord, trackedColumns } from '../common/fields.ts';
import { current } from '../common/filters.ts';

builder.prismaNode('Engagement', {
  id: { field: 'id' },
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  interfaces: [TrackedRecord],
  select: trackedColumns,
  description: 'A dated investment-promotion talk (洽谈) with a prospective or existing project and its counterpart.',
  fields: (t) => ({
    occurredOn: t.expose('occurredOn', { type: 'Date', description: 'The day the talk took place.' }),
    subjectZh: t.exposeString('subjectZh', { description: 'What was discussed, in Chinese.' }),
    subjectEn: t.exposeString('subjectEn', { description: 'What was discussed, in English.' }),
    notes: t.exposeString('notes', { nullable: true, description: 'Notes on the outcome.' }),
    project: t.relation('project', { nullable: true, description: 'The project discussed, once there is one.' }),
    organisation: t.relation('organisation', { nullable: true, description: 'The counterpart organisation.' }),
  }),
});

const EngagementFilter = builder.inputType('EngagementFilter', {
  description: 'Narrows the engagement log; every field given must match.',
  fields: (t) => ({
    from: t.field({ type: 'Date', description: 'On or after this day.' }),
    to: t.field({ type: 'Date', description: 'On or before this day.' }),
    project: t.string({ description: 'About this project (its code).' }),
    organisation: t.string({ description: 'With this organisation (its code).' }),
  }),
});

builder.queryFields((t) => ({
  engagements: t.prismaConnection({
    type: 'Engagement',
    cursor: 'id',
    description: 'The engagement log, latest first.',
    args: { filter: t.arg({ type: EngagementFilter }) },
    totalCount: (_root, { filter }, ctx) => ctx.prisma.engagement.count({ where: engagementWhere(filter) }),
    resolve: (query, _root, { filter }, ctx) =>
      ctx.prisma.engagement.findMany({
        ...query,
        where: engagementWhere(filter),
        orderBy: [{ occurredOn: 'desc' }, { id: 'asc' }],
      }),
  }),
}));

function engagementWhere(filter: typeof EngagementFilter.$inferInput | null | undefined): Prisma.EngagementWhereInput {
  return {
    ...current,
    ...(filter?.from || filter?.to ? { occurredOn: { gte: filter.from ?? undefined, lte: filter.to ?? undefined } } : {}),
    ...(filter?.project ? { project: { code: filter.project } } : {}),
    ...(filter?.organisation ? { organisation: { code: filter.organisation } } : {}),
  };
}
