import { builder } from '../../builder.ts';
import { TrackedRecord, trackedColumns } from '../common/fields.ts';
import { current, nameSearch } from '../common/filters.ts';

builder.prismaNode('IndustryCluster', {
  id: { field: 'id' },
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  interfaces: [TrackedRecord],
  select: trackedColumns,
  description: 'An industry cluster (产业集群) the programme grows, with its output target and focus products.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code.' }),
    nameZh: t.exposeString('nameZh', { description: 'Name in Chinese.' }),
    nameEn: t.exposeString('nameEn', { description: 'Name in English.' }),
    sector: t.relation('sector', { nullable: true, description: 'The sector it belongs to.' }),
    outputTarget: t.expose('outputTarget', {
      type: 'Decimal',
      nullable: true,
      description: 'Annual output to reach, in yuan (a "百亿级" cluster: 10 000 000 000).',
    }),
    focusZh: t.exposeStringList('focusZh', { description: 'Focus products, in Chinese.' }),
    focusEn: t.exposeStringList('focusEn', { description: 'Focus products, in English, in the same order.' }),
    projects: t.relatedConnection('projects', {
      cursor: 'id',
      totalCount: true,
      description: 'Projects in the cluster.',
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
  }),
});

const IndustryClusterFilter = builder.inputType('IndustryClusterFilter', {
  description: 'Narrows the cluster list; every field given must match.',
  fields: (t) => ({
    sector: t.string({ description: 'Only clusters in this sector (its code).' }),
    search: t.string({ description: 'Part of a Chinese or English name, or a whole code.' }),
  }),
});

builder.queryFields((t) => ({
  industryClusters: t.prismaConnection({
    type: 'IndustryCluster',
    cursor: 'id',
    description: 'Industry clusters, by code.',
    args: { filter: t.arg({ type: IndustryClusterFilter }) },
    totalCount: (_root, { filter }, ctx) => ctx.prisma.industryCluster.count({ where: clusterWhere(filter) }),
    resolve: (query, _root, { filter }, ctx) =>
      ctx.prisma.industryCluster.findMany({ ...query, where: clusterWhere(filter), orderBy: [{ code: 'asc' }] }),
  }),
  industryCluster: t.prismaField({
    type: 'IndustryCluster',
    nullable: true,
    description: 'An industry cluster by its code; null when there is none.',
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, { code }, ctx) => ctx.prisma.industryCluster.findUnique({ ...query, where: { code } }),
  }),
}));

function clusterWhere(filter: typeof IndustryClusterFilter.$inferInput | null | undefined) {
  return {
    ...current,
    ...(filter?.sector ? { sector: { code: filter.sector } } : {}),
    ...(filter?.search ? { OR: nameSearch(filter.search) } : {}),
  };
}
