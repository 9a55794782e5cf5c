import { PlatformKind, PlatformStatus } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { TrackedRecord, trackedColumns } from '../common/fields.ts';
import { current, nameSearch } from '../common/filters.ts';

export const PlatformKindRef = builder.enumType(PlatformKind, {
  name: 'PlatformKind',
  description: 'What a platform is for.',
  values: {
    SUPPORT: { description: 'Support platform (支撑平台), e.g. a laboratory the demonstration tasks rest on.' },
    COLLABORATIVE_INNOVATION: { description: 'Collaborative innovation platform (协同创新平台): research centres, institutes, innovation bases.' },
    SERVICE_CENTRE: { description: 'One of the zone\'s service centres ("六大中心").' },
    TRADING_INFORMATION: { description: 'Trading or information platform, e.g. a technology-transfer exchange.' },
    DIGITAL_SUPERVISION_COMMAND: { description: 'Digital supervision or command platform.' },
    RESEARCH: { description: 'Other research facility.' },
    EDUCATION_DEMONSTRATION: { description: 'Education or demonstration base, e.g. a national defence education base.' },
    OTHER: { description: 'Anything else.' },
  },
});

export const PlatformStatusRef = builder.enumType(PlatformStatus, {
  name: 'PlatformStatus',
  description: 'Where a platform stands.',
  values: {
    PLANNED: { description: 'Planned, not yet being built.' },
    BUILDING: { description: 'Being built or set up.' },
    OPERATING: { description: 'Running.' },
  },
});

builder.prismaNode('Platform', {
  id: { field: 'id' },
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  interfaces: [TrackedRecord],
  select: trackedColumns,
  description: 'A platform the programme builds or runs: research, innovation, service, trading or supervision.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code.' }),
    nameZh: t.exposeString('nameZh', { description: 'Name in Chinese.' }),
    nameEn: t.exposeString('nameEn', { description: 'Name in English.' }),
    summaryZh: t.exposeString('summaryZh', { nullable: true, description: 'What it does, in Chinese.' }),
    summaryEn: t.exposeString('summaryEn', { nullable: true, description: 'What it does, in English.' }),
    kind: t.expose('kind', { type: PlatformKindRef, description: 'What it is for.' }),
    status: t.expose('status', { type: PlatformStatusRef, description: 'Where it stands.' }),
    organisation: t.relation('organisation', { nullable: true, description: 'The organisation behind it.' }),
    parent: t.relation('parent', { nullable: true, description: 'The platform it is part of, e.g. the service centre a supervision platform belongs to.' }),
    children: t.relatedConnection('children', {
      cursor: 'id',
      totalCount: true,
      description: 'Platforms that are part of it.',
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
    park: t.relation('park', { nullable: true, description: 'The park it sits in.' }),
    campaigns: t.relatedConnection('campaigns', {
      cursor: 'id',
      totalCount: true,
      description: 'The campaigns it serves.',
      query: () => ({ where: current, orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
    }),
    projects: t.relatedConnection('projects', {
      cursor: 'id',
      totalCount: true,
      description: 'Projects built on or for it.',
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
  }),
});

const PlatformFilter = builder.inputType('PlatformFilter', {
  description: 'Narrows the platform list; every field given must match.',
  fields: (t) => ({
    kind: t.field({ type: [PlatformKindRef], description: 'Any of these kinds.' }),
    status: t.field({ type: [PlatformStatusRef], description: 'Any of these statuses.' }),
    campaign: t.string({ description: 'Serves this campaign (its code).' }),
    organisation: t.string({ description: 'Run by this organisation (its code).' }),
    search: t.string({ description: 'Part of a Chinese or English name, or a whole code.' }),
  }),
});

builder.queryFields((t) => ({
  platform: t.prismaField({
    type: 'Platform',
    nullable: true,
    description: 'A platform by its code; null when there is none.',
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, { code }, ctx) => ctx.prisma.platform.findUnique({ ...query, where: { code } }),
  }),
  platforms: t.prismaConnection({
    type: 'Platform',
    cursor: 'id',
    description: 'Platforms, by code.',
    args: { filter: t.arg({ type: PlatformFilter }) },
    totalCount: (_root, { filter }, ctx) => ctx.prisma.platform.count({ where: platformWhere(filter) }),
    resolve: (query, _root, { filter }, ctx) =>
      ctx.prisma.platform.findMany({ ...query, where: platformWhere(filter), orderBy: [{ code: 'asc' }] }),
  }),
}));

function platformWhere(filter: typeof PlatformFilter.$inferInput | null | undefined) {
  return {
    ...current,
    ...(filter?.kind?.length ? { kind: { in: filter.kind } } : {}),
    ...(filter?.status?.length ? { status: { in: filter.status } } : {}),
    ...(filter?.campaign ? { campaigns: { some: { code: filter.campaign } } } : {}),
    ...(filter?.organisation ? { organisation: { code: filter.organisation } } : {}),
    ...(filter?.search ? { OR: nameSearch(filter.search) } : {}),
  };
}
