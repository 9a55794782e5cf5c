import { KeyTaskStatus, MechanismStatus } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { TrackedRecord, trackedColumns } from '../common/fields.ts';
import { current } from '../common/filters.ts';

export const KeyTaskStatusRef = builder.enumType(KeyTaskStatus, {
  name: 'KeyTaskStatus',
  description: 'How far a key task has come.',
  values: {
    NOT_STARTED: { description: 'Not begun.' },
    IN_PROGRESS: { description: 'Under way.' },
    DONE: { description: 'Accomplished.' },
  },
});

builder.prismaNode('KeyTask', {
  id: { field: 'id' },
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  interfaces: [TrackedRecord],
  select: trackedColumns,
  description: 'A key task (重点工作) of a campaign.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code, e.g. `GZK-2020-C1-KT1`.' }),
    position: t.exposeInt('position', { description: 'Its place within the campaign, from 1.' }),
    nameZh: t.exposeString('nameZh', { description: 'The task in Chinese.' }),
    nameEn: t.exposeString('nameEn', { description: 'The task in English.' }),
    status: t.expose('status', { type: KeyTaskStatusRef, description: 'How far it has come.' }),
    campaign: t.relation('campaign', {
      nullable: true,
      description: 'The campaign it belongs to; null when you may not see it.',
    }),
    indicators: t.relatedConnection('indicators', {
      cursor: 'id',
      totalCount: true,
      description: 'Indicators that measure it.',
      query: () => ({ where: current, orderBy: [{ code: 'asc' }] }),
    }),
  }),
});

export const MechanismStatusRef = builder.enumType(MechanismStatus, {
  name: 'MechanismStatus',
  description: 'How far an operating mechanism has come.',
  values: {
    PLANNED: { description: 'Planned, not begun.' },
    ESTABLISHING: { description: 'Being set up or improved (健全).' },
    ESTABLISHED: { description: 'In place and working.' },
  },
});

builder.prismaNode('Mechanism', {
  id: { field: 'id' },
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  interfaces: [TrackedRecord],
  select: trackedColumns,
  description: 'An operating mechanism (运行机制) a campaign sets up, e.g. a technical-equipment support alliance.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code.' }),
    nameZh: t.exposeString('nameZh', { description: 'Name in Chinese.' }),
    nameEn: t.exposeString('nameEn', { description: 'Name in English.' }),
    status: t.expose('status', { type: MechanismStatusRef, description: 'How far it has come.' }),
    campaign: t.relation('campaign', {
      nullable: true,
      description: 'The campaign that sets it up; null when you may not see it.',
    }),
  }),
});
