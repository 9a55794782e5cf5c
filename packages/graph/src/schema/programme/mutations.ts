import { TargetDirection, Visibility } from '@zonegraph/db';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { archiveField } from '../common/archive.ts';
import { programmeIdOrLatest, refusingDuplicates, todayIn } from '../common/checks.ts';
import { VisibilityRef } from '../common/enums.ts';
import { payload } from '../common/errors.ts';
import { rules, VersionField } from '../common/inputs.ts';
import { audited, parseInput, requireVersionMatch, type Tx } from '../common/mutations.ts';
import { modelRef, selection } from '../common/refs.ts';
import { TargetDirectionRef } from './indicators.ts';

const IndicatorRef = modelRef('Indicator');

const indicatorFields = {
  campaign: z.string().nullish(),
  keyTask: z.string().nullish(),
  nameZh: rules.nameZh,
  nameEn: rules.nameEn,
  unitZh: rules.unit,
  unitEn: rules.unit,
  baseline: rules.measure,
  target: rules.measure,
  targetDirection: z.enum(TargetDirection),
  visibility: z.enum(Visibility),
};
const createSchema = z.object({
  code: rules.code,
  programme: z.string().nullish(),
  ...indicatorFields,
  baseline: indicatorFields.baseline.nullish(),
  targetDirection: indicatorFields.targetDirection.nullish(),
  visibility: indicatorFields.visibility.nullish(),
});
const updateSchema = z.object({ id: z.string(), version: rules.version, ...indicatorFields }).partial({
  nameZh: true, nameEn: true, unitZh: true, unitEn: true, baseline: true, target: true, targetDirection: true, visibility: true,
});
const valueSchema = z.object({ id: z.string(), observedOn: rules.day, value: rules.measure, note: rules.note.nullish() });

const CreateIndicatorInput = builder.inputType('CreateIndicatorInput', {
  description: 'A new measurable goal. A programme-wide target names no campaign; a key task\'s names its campaign too.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'Its code, unique across indicators.' }),
    programme: t.string({ description: 'The programme\'s code; default: the campaign\'s programme, or else the programme whose period started last.' }),
    campaign: t.string({ description: 'The code of the campaign it measures; leave out for a programme-wide target.' }),
    keyTask: t.string({ description: 'The code of the key task it measures; the key task must belong to the campaign given.' }),
    nameZh: t.string({ required: true, description: 'What is measured, in Chinese.' }),
    nameEn: t.string({ required: true, description: 'What is measured, in English.' }),
    unitZh: t.string({ required: true, description: 'Unit in Chinese, e.g. 个, 亿元, %.' }),
    unitEn: t.string({ required: true, description: 'Unit in English, e.g. platforms, yuan, percent.' }),
    baseline: t.field({ type: 'Decimal', description: 'Value at the start of the period, e.g. "12.5" (default "0").' }),
    target: t.field({ type: 'Decimal', required: true, description: 'Value to reach (or not exceed) by the end of the period, e.g. "20".' }),
    targetDirection: t.field({ type: TargetDirectionRef, description: 'Whether the target is a floor or a ceiling (default AT_LEAST).' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it (default PUBLIC).' }),
  }),
});

const UpdateIndicatorInput = builder.inputType('UpdateIndicatorInput', {
  description: 'Changes to an indicator: only the fields given change; null clears the campaign or key task.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [IndicatorRef], description: 'The indicator.' }),
    version: t.int({ required: true, ...VersionField }),
    campaign: t.string({ description: 'The code of the campaign it measures, of the same programme; null makes it programme-wide.' }),
    keyTask: t.string({ description: 'The code of the key task it measures, of its campaign; null for none.' }),
    nameZh: t.string({ description: 'What is measured, in Chinese.' }),
    nameEn: t.string({ description: 'What is measured, in English.' }),
    unitZh: t.string({ description: 'Unit in Chinese.' }),
    unitEn: t.string({ description: 'Unit in English.' }),
    baseline: t.field({ type: 'Decimal', description: 'Value at the start of the period.' }),
    target: t.field({ type: 'Decimal', description: 'Value to reach (or not exceed) by the end of the period.' }),
    targetDirection: t.field({ type: TargetDirectionRef, description: 'Whether the target is a floor or a ceiling.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it.' }),
  }),
});

const RecordIndicatorValueInput = builder.inputType('RecordIndicatorValueInput', {
  description: 'An actual value of an indicator on a day. Recording the same day again replaces that day\'s value and note.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [IndicatorRef], description: 'The indicator.' }),
    observedOn: t.field({ type: 'Date', required: true, description: 'The day the value holds for; not in the future.' }),
    value: t.field({ type: 'Decimal', required: true, description: 'The value in the indicator\'s unit, e.g. "3" or "18.25".' }),
    note: t.string({ description: 'Where the figure comes from, or what it covers.' }),
  }),
});

type Codes = { campaign?: string | null; keyTask?: string | null };

/**
 * Where an indicator sits: its campaign must be of its programme, its key
 * task of its campaign. Fields left out keep what the indicator has now.
 */
async function placement(tx: Tx, programmeId: string, input: Codes, now: { campaignId: string | null; keyTaskId: string | null }) {
  const campaign =
    input.campaign === undefined
      ? now.campaignId === null ? null : await tx.campaign.findUniqueOrThrow({ where: { id: now.campaignId } })
      : input.campaign === null ? null : await tx.campaign.findUnique({ where: { code: input.campaign } });
  if (input.campaign && !campaign) throw new ValidationError([{ path: ['input', 'campaign'], message: `no campaign has the code "${input.campaign}"` }]);
  if (campaign && campaign.programmeId !== programmeId) {
    throw new ValidationError([{ path: ['input', 'campaign'], message: `campaign ${campaign.code} belongs to another programme` }]);
  }
  const withCampaign = { include: { campaign: { select: { code: true } } } } as const;
  const keyTask =
    input.keyTask === undefined
      ? now.keyTaskId === null ? null : await tx.keyTask.findUniqueOrThrow({ where: { id: now.keyTaskId }, ...withCampaign })
      : input.keyTask === null ? null : await tx.keyTask.findUnique({ where: { code: input.keyTask }, ...withCampaign });
  if (input.keyTask && !keyTask) throw new ValidationError([{ path: ['input', 'keyTask'], message: `no key task has the code "${input.keyTask}"` }]);
  if (keyTask && keyTask.campaignId !== campaign?.id) {
    // Blame the field the caller changed: a new key task, or a campaign the kept key task is not of.
    const path = input.keyTask === undefined ? 'campaign' : 'keyTask';
    throw new ValidationError([
      { path: ['input', path], message: `key task ${keyTask.code} belongs to campaign ${keyTask.campaign.code}; give that campaign, or another key task` },
    ]);
  }
  return { campaignId: campaign?.id ?? null, keyTaskId: keyTask?.id ?? null };
}

builder.mutationFields((t) => ({
  createIndicator: t.prismaField({
    type: 'Indicator',
    description: 'Adds a measurable goal to a programme, optionally to one of its campaigns and key tasks. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('CreateIndicator', 'indicator'),
    args: { input: t.arg({ type: CreateIndicatorInput, required: true, description: 'The indicator.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { programme, campaign, keyTask, ...input } = parseInput(createSchema, raw);
      return refusingDuplicates(
        () =>
          audited(ctx, async (tx) => {
            const campaignProgramme = campaign && !programme ? (await tx.campaign.findUnique({ where: { code: campaign } }))?.programmeId : undefined;
            const programmeId = campaignProgramme ?? (await programmeIdOrLatest(tx, programme));
            const place = await placement(tx, programmeId, { campaign, keyTask }, { campaignId: null, keyTaskId: null });
            const created = await tx.indicator.create({
              data: {
                ...input,
                ...place,
                programmeId,
                baseline: input.baseline ?? undefined,
                targetDirection: input.targetDirection ?? undefined,
                visibility: input.visibility ?? undefined,
              },
            });
            const record = await tx.indicator.findUniqueOrThrow({ ...selection(query), where: { id: created.id } });
            return { record, recordType: 'Indicator', recordId: created.id, recordCode: created.code, action: 'create', before: null, after: created };
          }),
        `An indicator with the code "${input.code}" already exists.`,
      );
    },
  }),

  updateIndicator: t.prismaField({
    type: 'Indicator',
    description: 'Changes an indicator: its wording, unit, baseline, target or what it measures. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('UpdateIndicator', 'indicator'),
    args: { input: t.arg({ type: UpdateIndicatorInput, required: true, description: 'The indicator and what changes.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { id, version, campaign, keyTask, ...changes } = parseInput(updateSchema, { ...raw, id: raw.id.id });
      return audited(ctx, async (tx) => {
        const before = await tx.indicator.findUnique({ where: { id } });
        if (!before) throw new NotFoundError('Indicator', id);
        const place = await placement(tx, before.programmeId, { campaign, keyTask }, before);
        const { count } = await tx.indicator.updateMany({ where: { id, version }, data: { ...changes, ...place, version: { increment: 1 } } });
        await requireVersionMatch(count, () => tx.indicator.findUnique({ where: { id } }), 'Indicator', before.code, version);
        const after = await tx.indicator.findUniqueOrThrow({ where: { id } });
        const record = await tx.indicator.findUniqueOrThrow({ ...selection(query), where: { id } });
        return { record, recordType: 'Indicator', recordId: id, recordCode: before.code, action: 'update', before, after };
      });
    },
  }),

  archiveIndicator: archiveField(t, 'Indicator', { label: 'indicator', delegate: (tx) => tx.indicator }),

  recordIndicatorValue: t.prismaField({
    type: 'Indicator',
    description: 'Records the actual value of an indicator on a day; recording the same day again replaces it. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('RecordIndicatorValue', 'indicator'),
    args: { input: t.arg({ type: RecordIndicatorValueInput, required: true, description: 'The indicator, the day and the value.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { id, observedOn, value, note } = parseInput(valueSchema, { ...raw, id: raw.id.id });
      return audited(ctx, async (tx) => {
        const indicator = await tx.indicator.findUnique({ where: { id }, include: { programme: { select: { timeZone: true } } } });
        if (!indicator) throw new NotFoundError('Indicator', id);
        if (observedOn > todayIn(indicator.programme.timeZone)) {
          throw new ValidationError([{ path: ['input', 'observedOn'], message: 'is in the future; record a value once it has been observed' }]);
        }
        const where = { indicatorId_observedOn: { indicatorId: id, observedOn } };
        const previous = await tx.indicatorValue.findUnique({ where });
        // A replaced value counts as recorded now: `recordedAt` reads createdAt.
        const saved = await tx.indicatorValue.upsert({
          where,
          create: { indicatorId: id, observedOn, value, note: note ?? null },
          update: { value, note: note ?? null, createdAt: new Date() },
        });
        const record = await tx.indicator.findUniqueOrThrow({ ...selection(query), where: { id } });
        const shown = (v: typeof saved) => ({ observedOn: v.observedOn, value: v.value, note: v.note });
        return {
          record,
          recordType: 'Indicator',
          recordId: id,
          recordCode: indicator.code,
          action: 'recordValue',
          before: previous && shown(previous),
          after: shown(saved),
        };
      });
    },
  }),
}));
