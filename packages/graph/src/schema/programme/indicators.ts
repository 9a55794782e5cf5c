import { TargetDirection } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { TrackedRecord, trackedColumns } from '../common/fields.ts';

export const TargetDirectionRef = builder.enumType(TargetDirection, {
  name: 'TargetDirection',
  description: 'Whether an indicator\'s target is a floor to reach or a ceiling to stay within.',
  values: {
    AT_LEAST: { description: 'Reach the target or go beyond it (a count, an amount, a growth rate).' },
    AT_MOST: { description: 'Stay at or below the target (a response time, a radius in minutes).' },
  },
});

builder.prismaNode('Indicator', {
  id: { field: 'id' },
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  interfaces: [TrackedRecord],
  select: trackedColumns,
  description:
    'A measurable goal (like an IATI result indicator): a baseline, a target in a unit, and dated actual values. ' +
    'Headline targets of the whole programme belong to no campaign.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code.' }),
    nameZh: t.exposeString('nameZh', { description: 'What is measured, in Chinese.' }),
    nameEn: t.exposeString('nameEn', { description: 'What is measured, in English.' }),
    unitZh: t.exposeString('unitZh', { description: 'Unit in Chinese, e.g. 个, 亿元, %.' }),
    unitEn: t.exposeString('unitEn', { description: 'Unit in English, e.g. platforms, yuan, percent.' }),
    baseline: t.expose('baseline', { type: 'Decimal', description: 'Value at the start of the period.' }),
    target: t.expose('target', { type: 'Decimal', description: 'Value to reach by the end of the period.' }),
    targetDirection: t.expose('targetDirection', {
      type: TargetDirectionRef,
      description: 'Whether the target is to be reached (AT_LEAST: 3 platforms, growth above 20 %) or not exceeded (AT_MOST: a 15-minute radius).',
    }),
    programme: t.relation('programme', {
      nullable: true,
      description: 'The programme the indicator belongs to; null when you may not see it.',
    }),
    campaign: t.relation('campaign', { nullable: true, description: 'The campaign it measures; null for a programme-wide target.' }),
    keyTask: t.relation('keyTask', { nullable: true, description: 'The key task it measures, when it measures one.' }),
    latestValue: t.field({
      type: IndicatorValueRef,
      nullable: true,
      description: 'The most recent actual value; null before the first is recorded.',
      select: { values: { orderBy: { observedOn: 'desc' }, take: 1 } },
      resolve: (indicator) => indicator.values[0] ?? null,
    }),
    values: t.relatedConnection('values', {
      cursor: 'id',
      totalCount: true,
      description: 'Recorded actual values, earliest first.',
      query: () => ({ orderBy: [{ observedOn: 'asc' }, { id: 'asc' }] }),
    }),
  }),
});

export const IndicatorValueRef = builder.prismaObject('IndicatorValue', {
  description: 'An actual value of an indicator on a date.',
  fields: (t) => ({
    observedOn: t.expose('observedOn', { type: 'Date', description: 'The day the value holds for.' }),
    value: t.expose('value', { type: 'Decimal', description: 'The value, in the indicator\'s unit.' }),
    note: t.exposeString('note', { nullable: true, description: 'Where the figure comes from, or what it covers.' }),
    recordedAt: t.expose('createdAt', { type: 'DateTime', description: 'When the value was recorded.' }),
  }),
});
