import { builder } from '../../builder.ts';
import { TrackedRecord } from '../common/fields.ts';
import { current, nameSearch } from '../common/filters.ts';

builder.prismaNode('IndustryCluster', {
  id: { field: 'id' },
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  interfaces: [TrackedRecord],
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

builder.queryFields((t) => ({
  industryClusters: t.prismaConnection({
    type: 'IndustryCluster',
    cursor: 'id',
    description: 'Industry clusters, by code.',
    args: {
      sector: t.arg.string({ description: 'Only clusters in this sector (its code).' }),
      search: t.arg.string({ description: 'Part of a Chinese or English name, or a whole code.' }),
    },
    totalCount: (_root, args, ctx) => ctx.prisma.industryCluster.count({ where: clusterWhere(args) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.industryCluster.findMany({ ...query, where: clusterWhere(args), orderBy: [{ code: 'asc' }] }),
  }),
}));

function clusterWhere(args: { sector?: string | null; search?: string | null }) {
  return {
    ...current,
    ...(args.sector ? { sector: { code: args.sector } } : {}),
    ...(args.search ? { OR: nameSearch(args.search) } : {}),
  };
}
