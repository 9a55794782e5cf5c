import { KeyTaskStatus, MechanismStatus, Visibility } from '@zonegraph/db';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { NotFoundError } from '../../errors.ts';
import { archiveField } from '../common/archive.ts';
import { refusingDuplicates } from '../common/checks.ts';
import { VisibilityRef } from '../common/enums.ts';
import { payload } from '../common/errors.ts';
import { rules, VersionField } from '../common/inputs.ts';
import { audited, idForCode, parseInput, requireVersionMatch, type Tx } from '../common/mutations.ts';
import { modelRef, selection } from '../common/refs.ts';
import { KeyTaskStatusRef, MechanismStatusRef } from './key-tasks.ts';

// Key tasks and operating mechanisms: both belong to one campaign, named by its code.

const KeyTaskRef = modelRef('KeyTask');
const MechanismRef = modelRef('Mechanism');

const campaignId = (tx: Tx, code: string | undefined) =>
  idForCode((c) => tx.campaign.findUnique({ where: { code: c } }), code, 'campaign', 'campaign').then((id) => id ?? undefined);

const keyTaskFields = {
  campaign: z.string(),
  position: z.number().int().min(1, 'must be 1 or more').max(999, 'must be at most 999'),
  nameZh: rules.nameZh,
  nameEn: rules.nameEn,
  status: z.enum(KeyTaskStatus),
  visibility: z.enum(Visibility),
};
const createKeyTaskSchema = z.object({
  code: rules.code,
  ...keyTaskFields,
  status: keyTaskFields.status.nullish(),
  visibility: keyTaskFields.visibility.nullish(),
});
const updateKeyTaskSchema = z.object({ id: z.string(), version: rules.version, ...keyTaskFields }).partial({
  campaign: true, position: true, nameZh: true, nameEn: true, status: true, visibility: true,
});

const mechanismFields = { campaign: z.string(), nameZh: rules.nameZh, nameEn: rules.nameEn, status: z.enum(MechanismStatus), visibility: z.enum(Visibility) };
const createMechanismSchema = z.object({
  code: rules.code,
  ...mechanismFields,
  status: mechanismFields.status.nullish(),
  visibility: mechanismFields.visibility.nullish(),
});
const updateMechanismSchema = z.object({ id: z.string(), version: rules.version, ...mechanismFields }).partial({
  campaign: true, nameZh: true, nameEn: true, status: true, visibility: true,
});

const CreateKeyTaskInput = builder.inputType('CreateKeyTaskInput', {
  description: 'A new key task (重点工作) of a campaign.',
  fields: (t) => ({
    campaign: t.string({ required: true, description: 'The campaign\'s code.' }),
    code: t.string({ required: true, description: 'Its code, unique across key tasks, e.g. `GZK-2020-C1-KT5`.' }),
    position: t.int({ required: true, description: 'Its place within the campaign, from 1.' }),
    nameZh: t.string({ required: true, description: 'The task in Chinese.' }),
    nameEn: t.string({ required: true, description: 'The task in English.' }),
    status: t.field({ type: KeyTaskStatusRef, description: 'How far it has come (default IN_PROGRESS).' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it (default PUBLIC).' }),
  }),
});

const UpdateKeyTaskInput = builder.inputType('UpdateKeyTaskInput', {
  description: 'Changes to a key task: only the fields given change.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [KeyTaskRef], description: 'The key task.' }),
    version: t.int({ required: true, ...VersionField }),
    campaign: t.string({ description: 'The campaign\'s code, to move it to another campaign.' }),
    position: t.int({ description: 'Its place within the campaign, from 1.' }),
    nameZh: t.string({ description: 'The task in Chinese.' }),
    nameEn: t.string({ description: 'The task in English.' }),
    status: t.field({ type: KeyTaskStatusRef, description: 'How far it has come.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it.' }),
  }),
});

const CreateMechanismInput = builder.inputType('CreateMechanismInput', {
  description: 'A new operating mechanism (运行机制) of a campaign.',
  fields: (t) => ({
    campaign: t.string({ required: true, description: 'The code of the campaign that sets it up.' }),
    code: t.string({ required: true, description: 'Its code, unique across mechanisms.' }),
    nameZh: t.string({ required: true, description: 'Name in Chinese.' }),
    nameEn: t.string({ required: true, description: 'Name in English.' }),
    status: t.field({ type: MechanismStatusRef, description: 'How far it has come (default ESTABLISHING).' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it (default PUBLIC).' }),
  }),
});

const UpdateMechanismInput = builder.inputType('UpdateMechanismInput', {
  description: 'Changes to an operating mechanism: only the fields given change.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [MechanismRef], description: 'The mechanism.' }),
    version: t.int({ required: true, ...VersionField }),
    campaign: t.string({ description: 'The code of the campaign that sets it up.' }),
    nameZh: t.string({ description: 'Name in Chinese.' }),
    nameEn: t.string({ description: 'Name in English.' }),
    status: t.field({ type: MechanismStatusRef, description: 'How far it has come.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it.' }),
  }),
});

builder.mutationFields((t) => ({
  createKeyTask: t.prismaField({
    type: 'KeyTask',
    description: 'Adds a key task to a campaign. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('CreateKeyTask', 'keyTask'),
    args: { input: t.arg({ type: CreateKeyTaskInput, required: true, description: 'The key task.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { campaign, ...input } = parseInput(createKeyTaskSchema, raw);
      return refusingDuplicates(
        () =>
          audited(ctx, async (tx) => {
            const created = await tx.keyTask.create({
              data: { ...input, status: input.status ?? undefined, visibility: input.visibility ?? undefined, campaignId: (await campaignId(tx, campaign))! },
            });
            const record = await tx.keyTask.findUniqueOrThrow({ ...selection(query), where: { id: created.id } });
            return { record, recordType: 'KeyTask', recordId: created.id, recordCode: created.code, action: 'create', before: null, after: created };
          }),
        `A key task with the code "${input.code}" already exists.`,
      );
    },
  }),

  updateKeyTask: t.prismaField({
    type: 'KeyTask',
    description: 'Changes a key task: its wording, place, status or campaign. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('UpdateKeyTask', 'keyTask'),
    args: { input: t.arg({ type: UpdateKeyTaskInput, required: true, description: 'The key task and what changes.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { id, version, campaign, ...changes } = parseInput(updateKeyTaskSchema, { ...raw, id: raw.id.id });
      return audited(ctx, async (tx) => {
        const before = await tx.keyTask.findUnique({ where: { id } });
        if (!before) throw new NotFoundError('KeyTask', id);
        const data = { ...changes, campaignId: await campaignId(tx, campaign), version: { increment: 1 } };
        const { count } = await tx.keyTask.updateMany({ where: { id, version }, data });
        await requireVersionMatch(count, () => tx.keyTask.findUnique({ where: { id } }), 'KeyTask', before.code, version);
        const after = await tx.keyTask.findUniqueOrThrow({ where: { id } });
        const record = await tx.keyTask.findUniqueOrThrow({ ...selection(query), where: { id } });
        return { record, recordType: 'KeyTask', recordId: id, recordCode: before.code, action: 'update', before, after };
      });
    },
  }),

  archiveKeyTask: archiveField(t, 'KeyTask', { label: 'key task', delegate: (tx) => tx.keyTask }),

  createMechanism: t.prismaField({
    type: 'Mechanism',
    description: 'Adds an operating mechanism to a campaign. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('CreateMechanism', 'mechanism'),
    args: { input: t.arg({ type: CreateMechanismInput, required: true, description: 'The mechanism.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { campaign, ...input } = parseInput(createMechanismSchema, raw);
      return refusingDuplicates(
        () =>
          audited(ctx, async (tx) => {
            const created = await tx.mechanism.create({
              data: { ...input, status: input.status ?? undefined, visibility: input.visibility ?? undefined, campaignId: (await campaignId(tx, campaign))! },
            });
            const record = await tx.mechanism.findUniqueOrThrow({ ...selection(query), where: { id: created.id } });
            return { record, recordType: 'Mechanism', recordId: created.id, recordCode: created.code, action: 'create', before: null, after: created };
          }),
        `A mechanism with the code "${input.code}" already exists.`,
      );
    },
  }),

  updateMechanism: t.prismaField({
    type: 'Mechanism',
    description: 'Changes an operating mechanism: its name, status or campaign. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('UpdateMechanism', 'mechanism'),
    args: { input: t.arg({ type: UpdateMechanismInput, required: true, description: 'The mechanism and what changes.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { id, version, campaign, ...changes } = parseInput(updateMechanismSchema, { ...raw, id: raw.id.id });
      return audited(ctx, async (tx) => {
        const before = await tx.mechanism.findUnique({ where: { id } });
        if (!before) throw new NotFoundError('Mechanism', id);
        const data = { ...changes, campaignId: await campaignId(tx, campaign), version: { increment: 1 } };
        const { count } = await tx.mechanism.updateMany({ where: { id, version }, data });
        await requireVersionMatch(count, () => tx.mechanism.findUnique({ where: { id } }), 'Mechanism', before.code, version);
        const after = await tx.mechanism.findUniqueOrThrow({ where: { id } });
        const record = await tx.mechanism.findUniqueOrThrow({ ...selection(query), where: { id } });
        return { record, recordType: 'Mechanism', recordId: id, recordCode: before.code, action: 'update', before, after };
      });
    },
  }),

  archiveMechanism: archiveField(t, 'Mechanism', { label: 'mechanism', delegate: (tx) => tx.mechanism }),
}));
