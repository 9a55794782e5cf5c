import { ParkKind } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { TrackedRecord, trackedColumns } from '../common/fields.ts';
import { current, nameSearch } from '../common/filters.ts';

export const ParkKindRef = builder.enumType(ParkKind, {
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
  select: trackedColumns,
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

const ParkFilter = builder.inputType('ParkFilter', {
  description: 'Narrows the park list; every field given must match.',
  fields: (t) => ({
    kind: t.field({ type: ParkKindRef, description: 'Only parks of this kind.' }),
    search: t.string({ description: 'Part of a Chinese or English name, or a whole code.' }),
  }),
});

builder.queryFields((t) => ({
  parks: t.prismaConnection({
    type: 'Park',
    cursor: 'id',
    description: 'Parks, by code.',
    args: { filter: t.arg({ type: ParkFilter }) },
    totalCount: (_root, { filter }, ctx) => ctx.prisma.park.count({ where: parkWhere(filter) }),
    resolve: (query, _root, { filter }, ctx) => ctx.prisma.park.findMany({ ...query, where: parkWhere(filter), orderBy: [{ code: 'asc' }] }),
  }),
  park: t.prismaField({
    type: 'Park',
    nullable: true,
    description: 'A park by its code; null when there is none.',
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, { code }, ctx) => ctx.prisma.park.findUnique({ ...query, where: { code } }),
  }),
}));

function parkWhere(filter: typeof ParkFilter.$inferInput | null | undefined) {
  return {
    ...current,
    ...(filter?.kind ? { kind: filter.kind } : {}),
    ...(filter?.search ? { OR: nameSearch(filter.search) } : {}),
  };
}
