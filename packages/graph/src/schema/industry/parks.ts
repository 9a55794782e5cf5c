import { ParkKind } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { TrackedRecord } from '../common/fields.ts';
import { current, nameSearch } from '../common/filters.ts';

const ParkKindRef = builder.enumType(ParkKind, {
  name: 'ParkKind',
  description: 'What sort of area a park is.',
  values: {
    THEMED_PROJECT_PARK: { description: 'Themed project park (特色项目园).' },
    INNOVATION_AREA: { description: 'A wider innovation area, e.g. the science and education innovation area (科教创新区).' },
  },
});

builder.prismaNode('Park', {
  id: { field: 'id' },
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  interfaces: [TrackedRecord],
  description: 'A themed project park or innovation area where projects are placed.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code.' }),
    nameZh: t.exposeString('nameZh', { description: 'Name in Chinese.' }),
    nameEn: t.exposeString('nameEn', { description: 'Name in English.' }),
    kind: t.expose('kind', { type: ParkKindRef, description: 'Themed park or innovation area.' }),
    projects: t.relatedConnection('projects', {
      cursor: 'id',
      totalCount: true,
      description: 'Projects placed in the park.',
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
    platforms: t.relatedConnection('platforms', {
      cursor: 'id',
      totalCount: true,
      description: 'Platforms in the park.',
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
  }),
});

builder.queryFields((t) => ({
  parks: t.prismaConnection({
    type: 'Park',
    cursor: 'id',
    description: 'Parks, by code.',
    args: {
      kind: t.arg({ type: ParkKindRef, description: 'Only parks of this kind.' }),
      search: t.arg.string({ description: 'Part of a Chinese or English name, or a whole code.' }),
    },
    totalCount: (_root, args, ctx) => ctx.prisma.park.count({ where: parkWhere(args) }),
    resolve: (query, _root, args, ctx) => ctx.prisma.park.findMany({ ...query, where: parkWhere(args), orderBy: [{ code: 'asc' }] }),
  }),
}));

function parkWhere(args: { kind?: ParkKind | null; search?: string | null }) {
  return { ...current, ...(args.kind ? { kind: args.kind } : {}), ...(args.search ? { OR: nameSearch(args.search) } : {}) };
}
