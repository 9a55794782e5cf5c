import type { Prisma } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { TrackedRecord, trackedColumns } from '../common/fields.ts';
import { current, nameSearch } from '../common/filters.ts';

builder.prismaNode('Campaign', {
  id: { field: 'id' },
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  interfaces: [TrackedRecord],
  select: trackedColumns,
  description: 'One of the programme\'s campaigns (攻坚战): a push with key tasks, numeric goals, platforms and projects.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code, e.g. `GZK-2020-C4`.' }),
    position: t.exposeInt('position', { description: 'Its place in the programme\'s order, from 1.' }),
    nameZh: t.exposeString('nameZh', { description: 'Name in Chinese, e.g. 产业项目发展攻坚战.' }),
    nameEn: t.exposeString('nameEn', { description: 'Name in English.' }),
    summaryZh: t.exposeString('summaryZh', { nullable: true, description: 'What the campaign sets out to do, in Chinese.' }),
    summaryEn: t.exposeString('summaryEn', { nullable: true, description: 'What the campaign sets out to do, in English.' }),
    programme: t.relation('programme', {
      nullable: true,
      description: 'The programme the campaign belongs to; null when you may not see it.',
    }),
    keyTasks: t.relatedConnection('keyTasks', {
      cursor: 'id',
      totalCount: true,
      description: 'Its key tasks (重点工作), in order.',
      query: () => ({ where: current, orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
    }),
    indicators: t.relatedConnection('indicators', {
      cursor: 'id',
      totalCount: true,
      description: 'Its measurable goals.',
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
    mechanisms: t.relatedConnection('mechanisms', {
      cursor: 'id',
      totalCount: true,
      description: 'Operating mechanisms (运行机制) it sets up.',
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
    platforms: t.relatedConnection('platforms', {
      cursor: 'id',
      totalCount: true,
      description: 'Platforms it builds or runs.',
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
    projects: t.relatedConnection('projects', {
      cursor: 'id',
      totalCount: true,
      description: 'The projects whose primary campaign it is, by code. `listedProjects` adds those its list also names.',
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
    // Its own connection, not `projects`: paging through the link table joins
    // and sorts every listed project, where `projects` walks an index and stops
    // at the page's end (apps/api/test/bounded-reads.test.ts).
    listedProjects: t.relatedConnection('listedProjects', {
      cursor: 'id',
      totalCount: true,
      description:
        "Every project its list names, by code: those whose primary campaign it is and those it names besides (a project's `campaigns`), as 军地医院 is named by two campaigns.",
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
    obstacles: t.relatedConnection('obstacles', {
      cursor: 'id',
      totalCount: true,
      description: 'Obstacles (institutional barriers) raised under it.',
      query: () => ({ where: current, orderBy: [{ raisedOn: 'desc' }, { id: 'asc' }] }),
    }),
    inspectionFindings: t.relatedConnection('findings', {
      cursor: 'id',
      totalCount: true,
      description: 'Inspection findings that concern it.',
      query: () => ({ where: current, orderBy: [{ foundOn: 'desc' }, { id: 'asc' }] }),
    }),
  }),
});

const CampaignFilter = builder.inputType('CampaignFilter', {
  description: 'Narrows the campaign list; every field given must match.',
  fields: (t) => ({
    programme: t.string({ description: 'Only this programme\'s campaigns (its code).' }),
    search: t.string({ description: 'Part of a Chinese or English name, or a whole code.' }),
  }),
});

builder.queryFields((t) => ({
  campaign: t.prismaField({
    type: 'Campaign',
    nullable: true,
    description: 'A campaign by its code; null when there is none.',
    args: { code: t.arg.string({ required: true, description: 'e.g. `GZK-2020-C1`' }) },
    resolve: (query, _root, { code }, ctx) => ctx.prisma.campaign.findUnique({ ...query, where: { code } }),
  }),
  campaigns: t.prismaConnection({
    type: 'Campaign',
    cursor: 'id',
    description: 'Campaigns in programme order (latest programme first).',
    args: { filter: t.arg({ type: CampaignFilter }) },
    totalCount: (_root, { filter }, ctx) => ctx.prisma.campaign.count({ where: campaignWhere(filter) }),
    resolve: (query, _root, { filter }, ctx) =>
      ctx.prisma.campaign.findMany({
        ...query,
        where: campaignWhere(filter),
        orderBy: campaignOrder,
      }),
  }),
}));

/** The latest programme's campaigns first, each programme's in its own order. */
export const campaignOrder: Prisma.CampaignOrderByWithRelationInput[] = [{ programme: { periodStart: 'desc' } }, { position: 'asc' }, { id: 'asc' }];

export function campaignWhere(filter: typeof CampaignFilter.$inferInput | null | undefined) {
  return {
    ...current,
    ...(filter?.programme ? { programme: { code: filter.programme } } : {}),
    ...(filter?.search ? { OR: nameSearch(filter.search) } : {}),
  };
}
