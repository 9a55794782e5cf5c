import { Visibility } from '@zonegraph/db';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { archiveField } from '../common/archive.ts';
import { programmeIdOrLatest, refusingDuplicates } from '../common/checks.ts';
import { VisibilityRef } from '../common/enums.ts';
import { payload } from '../common/errors.ts';
import { rules, VersionField } from '../common/inputs.ts';
import { audited, parseInput, requireVersionMatch, type Tx } from '../common/mutations.ts';
import { modelRef, selection } from '../common/refs.ts';

const CampaignRef = modelRef('Campaign');

const position = z.number().int().min(1, 'must be 1 or more').max(999, 'must be at most 999');
const campaignFields = {
  nameZh: rules.nameZh,
  nameEn: rules.nameEn,
  summaryZh: rules.text.nullish(),
  summaryEn: rules.text.nullish(),
  position,
  visibility: z.enum(Visibility),
};
const createSchema = z.object({ code: rules.code, programme: z.string().nullish(), ...campaignFields, visibility: campaignFields.visibility.nullish() });
const updateSchema = z.object({
  id: z.string(),
  version: rules.version,
  ...campaignFields,
  nameZh: campaignFields.nameZh.optional(),
  nameEn: campaignFields.nameEn.optional(),
  position: position.optional(),
  visibility: campaignFields.visibility.optional(),
});

const CreateCampaignInput = builder.inputType('CreateCampaignInput', {
  description: 'A new campaign of a programme.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'Its code, unique across campaigns, e.g. `GZK-2020-C7`.' }),
    programme: t.string({ description: 'The programme\'s code; default: the programme whose period started last.' }),
    position: t.int({ required: true, description: 'Its place in the programme\'s order, from 1; no two campaigns of a programme share one.' }),
    nameZh: t.string({ required: true, description: 'Name in Chinese.' }),
    nameEn: t.string({ required: true, description: 'Name in English.' }),
    summaryZh: t.string({ description: 'What the campaign sets out to do, in Chinese.' }),
    summaryEn: t.string({ description: 'What the campaign sets out to do, in English.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it (default PUBLIC).' }),
  }),
});

const UpdateCampaignInput = builder.inputType('UpdateCampaignInput', {
  description: 'Changes to a campaign: only the fields given change; null clears an optional one.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [CampaignRef], description: 'The campaign.' }),
    version: t.int({ required: true, ...VersionField }),
    position: t.int({ description: 'Its place in the programme\'s order; must not be another campaign\'s.' }),
    nameZh: t.string({ description: 'Name in Chinese.' }),
    nameEn: t.string({ description: 'Name in English.' }),
    summaryZh: t.string({ description: 'What the campaign sets out to do, in Chinese.' }),
    summaryEn: t.string({ description: 'What the campaign sets out to do, in English.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it.' }),
  }),
});

/** Positions order a programme's campaigns, so two may not share one (archived ones keep theirs). */
async function refuseTakenPosition(tx: Tx, programmeId: string, position: number | undefined, exceptId?: string) {
  if (position === undefined) return;
  const holder = await tx.campaign.findFirst({ where: { programmeId, position, ...(exceptId ? { NOT: { id: exceptId } } : {}) } });
  if (holder) {
    throw new ConflictError(`Position ${position} of the programme is taken by campaign ${holder.code}${holder.archivedAt ? ' (archived)' : ''}.`);
  }
}

builder.mutationFields((t) => ({
  createCampaign: t.prismaField({
    type: 'Campaign',
    description: 'Adds a campaign to a programme. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('CreateCampaign', 'campaign'),
    args: { input: t.arg({ type: CreateCampaignInput, required: true, description: 'The campaign.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const input = parseInput(createSchema, raw);
      // A concurrent request got there between our checks and the insert: say which of the two it took.
      const duplicate = async () =>
        (await ctx.prisma.campaign.findUnique({ where: { code: input.code } }))
          ? `A campaign with the code "${input.code}" already exists.`
          : `Position ${input.position} of the programme was taken by another campaign meanwhile.`;
      return refusingDuplicates(
        () =>
          audited(ctx, async (tx) => {
            const programmeId = await programmeIdOrLatest(tx, input.programme);
            if (await tx.campaign.findUnique({ where: { code: input.code } })) {
              throw new ConflictError(`A campaign with the code "${input.code}" already exists.`);
            }
            await refuseTakenPosition(tx, programmeId, input.position);
            const { programme: _programme, ...fields } = input;
            const created = await tx.campaign.create({ data: { ...fields, visibility: input.visibility ?? undefined, programmeId } });
            const record = await tx.campaign.findUniqueOrThrow({ ...selection(query), where: { id: created.id } });
            return { record, recordType: 'Campaign', recordId: created.id, recordCode: created.code, action: 'create', before: null, after: created };
          }),
        duplicate,
      );
    },
  }),

  updateCampaign: t.prismaField({
    type: 'Campaign',
    description: 'Changes a campaign\'s details or its place in the programme. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('UpdateCampaign', 'campaign'),
    args: { input: t.arg({ type: UpdateCampaignInput, required: true, description: 'The campaign and what changes.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { id, version, ...changes } = parseInput(updateSchema, { ...raw, id: raw.id.id });
      return refusingDuplicates(
        () =>
          audited(ctx, async (tx) => {
            const before = await tx.campaign.findUnique({ where: { id } });
            if (!before) throw new NotFoundError('Campaign', id);
            await refuseTakenPosition(tx, before.programmeId, changes.position, id);
            const { count } = await tx.campaign.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } });
            await requireVersionMatch(count, () => tx.campaign.findUnique({ where: { id } }), 'Campaign', before.code, version);
            const after = await tx.campaign.findUniqueOrThrow({ where: { id } });
            const record = await tx.campaign.findUniqueOrThrow({ ...selection(query), where: { id } });
            return { record, recordType: 'Campaign', recordId: id, recordCode: before.code, action: 'update', before, after };
          }),
        `Position ${changes.position} of the programme was taken by another campaign meanwhile.`,
      );
    },
  }),

  archiveCampaign: archiveField(t, 'Campaign', { label: 'campaign', delegate: (tx) => tx.campaign }),
}));
