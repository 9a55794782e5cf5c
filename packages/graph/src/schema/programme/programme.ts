import { builder } from '../../builder.ts';
import { TrackedRecord, trackedColumns } from '../common/fields.ts';
import { current } from '../common/filters.ts';

builder.prismaObject('Zone', {
  description: 'A development zone whose programmes zonegraph tracks.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code, e.g. `GZK`.' }),
    nameZh: t.exposeString('nameZh', { description: 'Name in Chinese, e.g. 古镇口融合区.' }),
    nameEn: t.exposeString('nameEn', { description: 'Name in English.' }),
    parentZh: t.exposeString('parentZh', { nullable: true, description: 'The area the zone belongs to, in Chinese.' }),
    parentEn: t.exposeString('parentEn', { nullable: true, description: 'The area the zone belongs to, in English.' }),
    roleZh: t.exposeString('roleZh', { nullable: true, description: "The zone's role in its source's words, e.g. 国家示范区的核心区." }),
    roleEn: t.exposeString('roleEn', { nullable: true, description: "The zone's role, in English." }),
  }),
});

builder.prismaObject('DemoYear', {
  description: 'Synthetic activity loaded on top of a programme to show the product at work. Not real data.',
  fields: (t) => ({
    loadedAt: t.expose('loadedAt', { type: 'DateTime', description: 'When it was loaded.' }),
    randomSeed: t.exposeInt('randomSeed', { description: 'The seed of its random generator: the same seed loads the same year.' }),
  }),
});

export const ProgrammeRef = builder.prismaNode('Programme', {
  id: { field: 'id' },
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  interfaces: [TrackedRecord],
  select: trackedColumns,
  description: "A zone's plan for a period: its campaigns, targets and the cadence it holds itself to.",
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code, e.g. `GZK-2020`.' }),
    nameZh: t.exposeString('nameZh', { description: 'Name in Chinese.' }),
    nameEn: t.exposeString('nameEn', { description: 'Name in English.' }),
    summaryZh: t.exposeString('summaryZh', { nullable: true, description: 'What the programme sets out to do, in Chinese.' }),
    summaryEn: t.exposeString('summaryEn', { nullable: true, description: 'What the programme sets out to do, in English.' }),
    zone: t.relation('zone', {
      nullable: true,
      description: 'The zone the programme belongs to; null when you may not see it.',
    }),
    periodStart: t.expose('periodStart', { type: 'Date', description: 'First day of the period (inclusive).' }),
    periodEnd: t.expose('periodEnd', { type: 'Date', description: 'Last day of the period (inclusive).' }),
    timeZone: t.exposeString('timeZone', {
      description: "IANA time zone in which the programme's days, weeks (Monday to Sunday), months and quarters are counted.",
    }),
    investmentTarget: t.expose('investmentTarget', {
      type: 'Decimal',
      nullable: true,
      description: 'Fixed-asset investment (固定资产投资) to complete in the period, in yuan.',
    }),
    investmentGrowthTarget: t.expose('investmentGrowthTarget', {
      type: 'Decimal',
      nullable: true,
      description: 'Growth of fixed-asset investment over the previous period to exceed, in percent (e.g. `"20"` for "above 20 %").',
    }),
    sourceTitleZh: t.exposeString('sourceTitleZh', { nullable: true, description: 'Title of the document the programme was taken from, in Chinese.' }),
    sourceTitleEn: t.exposeString('sourceTitleEn', { nullable: true, description: 'Title of the document the programme was taken from, in English.' }),
    basisZh: t.exposeString('basisZh', { nullable: true, description: 'What the programme implements (e.g. the meeting whose decisions it carries out), in Chinese.' }),
    basisEn: t.exposeString('basisEn', { nullable: true, description: 'What the programme implements, in English.' }),
    responsibleOfficial: t.relation('responsibleOfficial', {
      nullable: true,
      description: 'The official the programme answers to; null when none is recorded or you may not see them.',
    }),
    demoYear: t.relation('demoYear', {
      nullable: true,
      description:
        'The demo year loaded on top of the programme, if any: its stage moves, investment, indicator values, talks, obstacles and findings are synthetic, not real (`pnpm db:seed --remove-demo` removes them).',
    }),
    campaigns: t.relatedConnection('campaigns', {
      cursor: 'id',
      totalCount: true,
      description: 'The campaigns (攻坚战), in their order.',
      query: () => ({ where: current, orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
    }),
    indicators: t.relatedConnection('indicators', {
      cursor: 'id',
      totalCount: true,
      description: 'Measurable goals. With `programmeWide: true`, only the headline targets that belong to no campaign.',
      args: { programmeWide: t.arg.boolean({ description: 'Only the headline targets that belong to no campaign.' }) },
      query: (args) => ({
        where: { ...current, ...(args.programmeWide ? { campaignId: null } : {}) },
        orderBy: [{ code: 'asc' }],
      }),
    }),
    cadenceRules: t.relatedConnection('cadenceRules', {
      cursor: 'id',
      totalCount: true,
      description: 'The work cadence: talks every day, a signing every week, a construction start every month, a completion every quarter.',
      query: () => ({ orderBy: [{ period: 'asc' }, { id: 'asc' }] }),
    }),
  }),
});

builder.queryFields((t) => ({
  programme: t.prismaField({
    type: 'Programme',
    nullable: true,
    description: 'A programme by its code; without a code, the one whose period started last.',
    args: { code: t.arg.string({ description: 'e.g. `GZK-2020`' }) },
    resolve: (query, _root, { code }, ctx) =>
      code
        ? ctx.prisma.programme.findUnique({ ...query, where: { code } })
        : ctx.prisma.programme.findFirst({ ...query, where: current, orderBy: [{ periodStart: 'desc' }, { id: 'asc' }] }),
  }),
  programmes: t.prismaConnection({
    type: 'Programme',
    cursor: 'id',
    description: 'Every programme, latest period first.',
    totalCount: (_root, _args, ctx) => ctx.prisma.programme.count({ where: current }),
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.programme.findMany({ ...query, where: current, orderBy: [{ periodStart: 'desc' }, { id: 'asc' }] }),
  }),
}));
