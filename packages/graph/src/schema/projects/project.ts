import { builder } from '../../builder.ts';
import { TrackedRecord, trackedColumns } from '../common/fields.ts';
import { VisibilityRef } from '../common/enums.ts';
import { current } from '../common/filters.ts';
import { ProjectStageRef } from './stage.ts';

export const ProjectRef = builder.prismaNode('Project', {
  id: { field: 'id' },
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  interfaces: [TrackedRecord],
  select: trackedColumns,
  description:
    'A project the programme tracks from talks to signing, construction and operation, with its planned and completed fixed-asset investment.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code, e.g. `GZK-2020-P01`.' }),
    nameZh: t.exposeString('nameZh', { description: 'Name in Chinese, e.g. 军地医院.' }),
    nameEn: t.exposeString('nameEn', { description: 'Name in English.' }),
    summaryZh: t.exposeString('summaryZh', { nullable: true, description: 'What the project is, in Chinese.' }),
    summaryEn: t.exposeString('summaryEn', { nullable: true, description: 'What the project is, in English.' }),
    programme: t.relation('programme', {
      nullable: true,
      description: 'The programme that tracks it; null when you may not see it.',
    }),
    campaign: t.relation('campaign', {
      nullable: true,
      description: 'Its primary campaign, the first that names it; null when you may not see it.',
    }),
    campaigns: t.relatedConnection('campaigns', {
      cursor: 'id',
      totalCount: true,
      description: 'Every campaign whose list names it, the primary one included, in the programme\'s order.',
      query: () => ({ where: current, orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
    }),
    cluster: t.relation('cluster', { nullable: true, description: 'The industry cluster it grows, if any.' }),
    sector: t.relation('sector', { nullable: true, description: 'Its sector, if any.' }),
    park: t.relation('park', { nullable: true, description: 'The park it is placed in, if any.' }),
    stage: t.expose('stage', { type: ProjectStageRef, description: 'Where it stands now.' }),
    targetStage: t.expose('targetStage', {
      type: ProjectStageRef,
      nullable: true,
      description: 'The stage the programme requires it to reach by the end of the period.',
    }),
    targetDate: t.expose('targetDate', { type: 'Date', nullable: true, description: 'When it is due to reach the target stage, if a date was set.' }),
    stageChangedAt: t.expose('stageChangedAt', { type: 'DateTime', description: 'When it entered its current stage.' }),
    plannedInvestment: t.expose('plannedInvestment', {
      type: 'Decimal',
      nullable: true,
      description: 'Planned fixed-asset investment, in yuan; null when not yet known or when you may not see the investment figures.',
    }),
    completedInvestment: t.expose('completedInvestment', {
      type: 'Decimal',
      nullable: true,
      description:
        'Fixed-asset investment completed so far, in yuan: the sum of its monthly records. Null when you may not see the project\'s investment figures (see `investmentVisibility`).',
    }),
    investmentVisibility: t.expose('investmentVisibility', {
      type: VisibilityRef,
      description: 'Who may see the investment figures (planned, completed, monthly), which may be more restricted than the project.',
    }),
    isKeyProject: t.exposeBoolean('isKeyProject', { description: 'One of the programme\'s key projects (重点项目).' }),
    inFiveYearPlan: t.exposeBoolean('inFiveYearPlan', {
      description: 'Submitted for the national, provincial or city 14th Five-Year Plan (列入"十四五"规划).',
    }),
    organisations: t.relatedConnection('organisations', {
      cursor: 'id',
      totalCount: true,
      description: 'The organisations behind it.',
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
    platforms: t.relatedConnection('platforms', {
      cursor: 'id',
      totalCount: true,
      description: 'Platforms it builds or belongs to.',
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
    stageHistory: t.relatedConnection('stageChanges', {
      cursor: 'id',
      totalCount: true,
      description: 'Its dated moves from stage to stage, latest first.',
      query: () => ({ orderBy: [{ occurredOn: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }] }),
    }),
    investments: t.relatedConnection('investments', {
      cursor: 'id',
      totalCount: true,
      description: 'Completed fixed-asset investment month by month, latest first.',
      query: () => ({ orderBy: [{ month: 'desc' }, { id: 'asc' }] }),
    }),
    engagements: t.relatedConnection('engagements', {
      cursor: 'id',
      totalCount: true,
      description: 'Talks held about it, latest first.',
      query: () => ({ where: current, orderBy: [{ occurredOn: 'desc' }, { id: 'asc' }] }),
    }),
    obstacles: t.relatedConnection('obstacles', {
      cursor: 'id',
      totalCount: true,
      description: 'Obstacles that hold it back.',
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

builder.prismaNode('ProjectStageChange', {
  id: { field: 'id' },
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  description: 'A dated move of a project from one stage to another.',
  fields: (t) => ({
    project: t.relation('project', { description: 'The project that moved.' }),
    fromStage: t.expose('fromStage', { type: ProjectStageRef, nullable: true, description: 'The stage it left; null for its first recorded stage.' }),
    toStage: t.expose('toStage', { type: ProjectStageRef, description: 'The stage it entered.' }),
    occurredOn: t.expose('occurredOn', { type: 'Date', description: 'The day it happened.' }),
    note: t.exposeString('note', { nullable: true, description: 'What happened, e.g. the signing ceremony.' }),
    recordedAt: t.expose('createdAt', { type: 'DateTime', description: 'When the change was recorded.' }),
  }),
});

builder.prismaNode('InvestmentRecord', {
  id: { field: 'id' },
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  description: 'Fixed-asset investment a project completed in one calendar month.',
  fields: (t) => ({
    project: t.relation('project', { description: 'The project that invested.' }),
    month: t.expose('month', { type: 'Date', description: 'First day of the month the figure is for.' }),
    amount: t.expose('amount', { type: 'Decimal', description: 'Investment completed in that month, in yuan.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the figure was last recorded or corrected.' }),
  }),
});
