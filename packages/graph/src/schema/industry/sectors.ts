import { SectorKind } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { TrackedRecord } from '../common/fields.ts';
import { current, nameSearch } from '../common/filters.ts';

const SectorKindRef = builder.enumType(SectorKind, {
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

builder.queryFields((t) => ({
  sectors: t.prismaConnection({
    type: 'Sector',
    cursor: 'id',
    description: 'Sectors: advantage sectors first, then emerging, each by code.',
    args: {
      kind: t.arg({ type: SectorKindRef, description: 'Only advantage or only emerging sectors.' }),
      search: t.arg.string({ description: 'Part of a Chinese or English name, or a whole code.' }),
    },
    totalCount: (_root, args, ctx) => ctx.prisma.sector.count({ where: sectorWhere(args) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.sector.findMany({ ...query, where: sectorWhere(args), orderBy: [{ kind: 'asc' }, { code: 'asc' }] }),
  }),
}));

function sectorWhere(args: { kind?: SectorKind | null; search?: string | null }) {
  return { ...current, ...(args.kind ? { kind: args.kind } : {}), ...(args.search ? { OR: nameSearch(args.search) } : {}) };
}
