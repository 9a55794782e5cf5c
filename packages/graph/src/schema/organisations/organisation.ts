import { OrganisationType, OriginGroup } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { TrackedRecord, trackedColumns } from '../common/fields.ts';
import { current, nameSearch } from '../common/filters.ts';

export const OrganisationTypeRef = builder.enumType(OrganisationType, {
  name: 'OrganisationType',
  description: 'What sort of body an organisation is.',
  values: {
    ENTERPRISE: { description: 'A company.' },
    RESEARCH_INSTITUTE: { description: 'A research institute or laboratory.' },
    UNIVERSITY: { description: 'A university or one of its schools.' },
    HOSPITAL: { description: 'A hospital.' },
    SCHOOL: { description: 'A school below university level.' },
    MILITARY_UNIT: { description: 'A military unit.' },
    GOVERNMENT_UNIT: { description: 'A government or Party body, e.g. the zone\'s working committee or its inspection office.' },
    ALLIANCE: { description: 'An alliance or association of several bodies.' },
    OTHER: { description: 'Anything else.' },
  },
});

export const OriginGroupRef = builder.enumType(OriginGroup, {
  name: 'OriginGroup',
  description: 'The family investment promotion groups a partner into.',
  values: {
    CAS: { description: 'Chinese Academy of Sciences family (中科系).' },
    DEFENCE_INDUSTRY: { description: 'Defence-industry family (军工系).' },
    UNIVERSITY: { description: 'University family (高校系).' },
    OTHER: { description: 'None of these.' },
  },
});

builder.prismaNode('Organisation', {
  id: { field: 'id' },
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  interfaces: [TrackedRecord],
  select: trackedColumns,
  description: 'An enterprise, institute, university, hospital or public body behind projects and platforms.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code.' }),
    nameZh: t.exposeString('nameZh', { description: 'Name in Chinese.' }),
    nameEn: t.exposeString('nameEn', { description: 'Name in English.' }),
    type: t.expose('type', { type: OrganisationTypeRef, description: 'What sort of body it is.' }),
    originGroup: t.expose('originGroup', { type: OriginGroupRef, description: 'The family it belongs to (中科系, 军工系, 高校系).' }),
    parent: t.relation('parent', { nullable: true, description: 'The body it belongs to, e.g. the Chinese Academy of Sciences for one of its institutes.' }),
    children: t.relatedConnection('children', {
      cursor: 'id',
      totalCount: true,
      description: 'Bodies that belong to it.',
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
    projects: t.relatedConnection('projects', {
      cursor: 'id',
      totalCount: true,
      description: 'Projects it is behind.',
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
    platforms: t.relatedConnection('platforms', {
      cursor: 'id',
      totalCount: true,
      description: 'Platforms it runs.',
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
    engagements: t.relatedConnection('engagements', {
      cursor: 'id',
      totalCount: true,
      description: 'Talks held with it, latest first.',
      query: () => ({ where: current, orderBy: [{ occurredOn: 'desc' }, { id: 'asc' }] }),
    }),
    officials: t.relatedConnection('officials', {
      cursor: 'id',
      totalCount: true,
      description: 'Named officials who hold a post in it, e.g. the head of an office.',
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
  }),
});

builder.prismaNode('Official', {
  id: { field: 'id' },
  select: trackedColumns,
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  interfaces: [TrackedRecord],
  description: 'A named office holder: the official a programme answers to, or the head of a body.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code, e.g. `OFF-LIU-WEI`.' }),
    nameZh: t.exposeString('nameZh', { description: 'Name in Chinese.' }),
    nameEn: t.exposeString('nameEn', { description: 'Name in English (pinyin, family name first).' }),
    postZh: t.exposeString('postZh', { description: 'The post, in Chinese, as the source prints it.' }),
    postEn: t.exposeString('postEn', { description: 'The post, in English.' }),
    organisation: t.relation('organisation', { nullable: true, description: 'The body in which the post is held; null when none is recorded or you may not see it.' }),
  }),
});

const OrganisationFilter = builder.inputType('OrganisationFilter', {
  description: 'Narrows the organisation list; every field given must match.',
  fields: (t) => ({
    type: t.field({ type: [OrganisationTypeRef], description: 'Any of these types.' }),
    originGroup: t.field({ type: [OriginGroupRef], description: 'Any of these families.' }),
    search: t.string({ description: 'Part of a Chinese or English name, or a whole code.' }),
  }),
});

builder.queryFields((t) => ({
  organisation: t.prismaField({
    type: 'Organisation',
    nullable: true,
    description: 'An organisation by its code; null when there is none.',
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, { code }, ctx) => ctx.prisma.organisation.findUnique({ ...query, where: { code } }),
  }),
  organisations: t.prismaConnection({
    type: 'Organisation',
    cursor: 'id',
    description: 'Organisations, by code.',
    args: { filter: t.arg({ type: OrganisationFilter }) },
    totalCount: (_root, { filter }, ctx) => ctx.prisma.organisation.count({ where: organisationWhere(filter) }),
    resolve: (query, _root, { filter }, ctx) =>
      ctx.prisma.organisation.findMany({ ...query, where: organisationWhere(filter), orderBy: [{ code: 'asc' }] }),
  }),
}));

function organisationWhere(filter: typeof OrganisationFilter.$inferInput | null | undefined) {
  return {
    ...current,
    ...(filter?.type?.length ? { type: { in: filter.type } } : {}),
    ...(filter?.originGroup?.length ? { originGroup: { in: filter.originGroup } } : {}),
    ...(filter?.search ? { OR: nameSearch(filter.search) } : {}),
  };
}
