import { SectorKind } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { TrackedRecord, trackedColumns } from '../common/fields.ts';
import { current, nameSearch } from '../common/filters.ts';

export const SectorKindRef = builder.enumType(SectorKind, {
  name: 'SectorKind',
  description: 'Whether the zone already leads in a sector or is growing into it.',
  values: {
    ADVANTAGE: { description: 'Advantage sector (优势领域).' },
    EMERGING: { description: 'Emerging sector (新兴领域).' },
  },
});

builder.prismaNode('Sector', {
  id: { field: 'id' },
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  interfaces: [TrackedRecord],
  select: trackedColumns,
  description: 'An industrial sector the programme targets, e.g. shipbuilding and marine engineering.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code.' }),
    nameZh: t.exposeString('nameZh', { description: 'Name in Chinese.' }),
    nameEn: t.exposeString('nameEn', { description: 'Name in English.' }),
    kind: t.expose('kind', { type: SectorKindRef, description: 'Advantage or emerging.' }),
    industryClusters: t.relatedConnection('clusters', {
      cursor: 'id',
      totalCount: true,
      description: 'Industry clusters grown in this sector.',
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
    projects: t.relatedConnection('projects', {
      cursor: 'id',
      totalCount: true,
      description: 'Projects in this sector.',
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
  }),
});

const SectorFilter = builder.inputType('SectorFilter', {
  description: 'Narrows the sector list; every field given must match.',
  fields: (t) => ({
    kind: t.field({ type: SectorKindRef, description: 'Only advantage or only emerging sectors.' }),
    search: t.string({ description: 'Part of a Chinese or English name, or a whole code.' }),
  }),
});

builder.queryFields((t) => ({
  sectors: t.prismaConnection({
    type: 'Sector',
    cursor: 'id',
    description: 'Sectors: advantage sectors first, then emerging, each by code.',
    args: { filter: t.arg({ type: SectorFilter }) },
    totalCount: (_root, { filter }, ctx) => ctx.prisma.sector.count({ where: sectorWhere(filter) }),
    resolve: (query, _root, { filter }, ctx) =>
      ctx.prisma.sector.findMany({ ...query, where: sectorWhere(filter), orderBy: [{ kind: 'asc' }, { code: 'asc' }] }),
  }),
  sector: t.prismaField({
    type: 'Sector',
    nullable: true,
    description: 'A sector by its code; null when there is none.',
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, { code }, ctx) => ctx.prisma.sector.findUnique({ ...query, where: { code } }),
  }),
}));

function sectorWhere(filter: typeof SectorFilter.$inferInput | null | undefined) {
  return {
    ...current,
    ...(filter?.kind ? { kind: filter.kind } : {}),
    ...(filter?.search ? { OR: nameSearch(filter.search) } : {}),
  };
}
