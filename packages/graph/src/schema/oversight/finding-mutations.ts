import { RectificationStatus, Visibility } from '@zonegraph/db';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { refusingDuplicates } from '../common/checks.ts';
import { VisibilityRef } from '../common/enums.ts';
import { payload } from '../common/errors.ts';
import { rules, VersionField } from '../common/inputs.ts';
import { audited, idForCode, parseInput, requireVersionMatch, type Tx } from '../common/mutations.ts';
import { modelRef, selection } from '../common/refs.ts';
import {
  describeMoves,
  isoDay,
  issueLinks,
  findingMoves,
  requireDeadlineNotBefore,
  requireMove,
  requireNotFuture,
  trackedIssueFields,
  zoneToday,
} from './lifecycle.ts';

const InspectionFindingRef = modelRef('InspectionFinding');

const obstacleIdFor = (tx: Tx, code: string | null | undefined) =>
  idForCode((c) => tx.obstacle.findUnique({ where: { code: c } }), code, 'obstacle', 'obstacle');
const categoryIdFor = (tx: Tx, code: string | null | undefined) =>
  idForCode((c) => tx.findingCategory.findUnique({ where: { code: c } }), code, 'category', 'finding category');

// ---- inputs ---------------------------------------------------------------

const createSchema = z.object({ code: rules.code, ...trackedIssueFields, obstacle: z.string().nullish(), category: z.string().nullish(), foundOn: rules.day, visibility: z.enum(Visibility).nullish() });
const updateSchema = z.object({
  id: z.string(),
  version: rules.version,
  ...trackedIssueFields,
  obstacle: z.string().nullish(),
  category: z.string().nullish(),
  // Fields that cannot be empty: null is refused, not silently ignored.
  titleZh: trackedIssueFields.titleZh.optional(),
  titleEn: trackedIssueFields.titleEn.optional(),
  foundOn: rules.day.optional(),
  visibility: z.enum(Visibility).optional(),
});
const statusSchema = z.object({ id: z.string(), version: rules.version, status: z.enum(RectificationStatus), on: rules.day, note: rules.note.nullish() });

const CreateInspectionFindingInput = builder.inputType('CreateInspectionFindingInput', {
  description: 'A problem the inspection office found. It starts OPEN; its status then moves through changeInspectionFindingStatus. Related records are named by their codes.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'Its code, unique across inspection findings, e.g. `XC-2021-012`.' }),
    titleZh: t.string({ required: true, description: 'The problem in a line, in Chinese.' }),
    titleEn: t.string({ required: true, description: 'The problem in a line, in English.' }),
    descriptionZh: t.string({ description: 'Details, in Chinese.' }),
    descriptionEn: t.string({ description: 'Details, in English.' }),
    campaign: t.string({ description: 'The code of the campaign it concerns.' }),
    project: t.string({ description: 'The code of the project it holds back.' }),
    platform: t.string({ description: 'The code of the platform it concerns.' }),
    obstacle: t.string({ description: 'The code of the obstacle it concerns.' }),
    category: t.string({ description: 'The code of its kind of problem (`findingCategories`), e.g. `FC-SANITATION`.' }),
    responsibleUnit: t.string({ description: 'The unit that must rectify it, e.g. 区住建局.' }),
    foundOn: t.field({ type: 'Date', required: true, description: 'The day it was found; not in the future.' }),
    deadline: t.field({ type: 'Date', description: 'The day it is to be rectified by; not before foundOn.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it (default INTERNAL).' }),
  }),
});

const UpdateInspectionFindingInput = builder.inputType('UpdateInspectionFindingInput', {
  description: 'Changes to an inspection finding: only the fields given change; null clears an optional one. Its status moves through changeInspectionFindingStatus.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [InspectionFindingRef], description: 'The inspection finding.' }),
    version: t.int({ required: true, ...VersionField }),
    titleZh: t.string({ description: 'The problem in a line, in Chinese.' }),
    titleEn: t.string({ description: 'The problem in a line, in English.' }),
    descriptionZh: t.string({ description: 'Details, in Chinese; null for none.' }),
    descriptionEn: t.string({ description: 'Details, in English; null for none.' }),
    campaign: t.string({ description: 'The code of the campaign it concerns; null for none.' }),
    project: t.string({ description: 'The code of the project it holds back; null for none.' }),
    platform: t.string({ description: 'The code of the platform it concerns; null for none.' }),
    obstacle: t.string({ description: 'The code of the obstacle it concerns; null for none.' }),
    category: t.string({ description: 'The code of its kind of problem (`findingCategories`); null for none.' }),
    responsibleUnit: t.string({ description: 'The unit that must rectify it; null for none.' }),
    foundOn: t.field({ type: 'Date', description: 'The day it was found; not in the future, not after its deadline.' }),
    deadline: t.field({ type: 'Date', description: 'The day it is to be rectified by, not before foundOn; null for none.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it.' }),
  }),
});

const ArchiveInspectionFindingInput = builder.inputType('ArchiveInspectionFindingInput', {
  description: 'An inspection finding to archive: it leaves the default lists but stays readable by code and ID.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [InspectionFindingRef], description: 'The inspection finding.' }),
    version: t.int({ required: true, ...VersionField }),
  }),
});

const ChangeInspectionFindingStatusInput = builder.inputType('ChangeInspectionFindingStatusInput', {
  description: `A dated move of an inspection finding along its way to rectification and closure. Allowed moves: ${describeMoves(findingMoves)}. Moving back from RECTIFIED to IN_PROGRESS re-opens it.`,
  fields: (t) => ({
    id: t.globalID({ required: true, for: [InspectionFindingRef], description: 'The inspection finding.' }),
    version: t.int({ required: true, ...VersionField }),
    status: t.field({ type: RectificationStatus, required: true, description: 'The status it moves to.' }),
    on: t.field({
      type: 'Date',
      required: true,
      description: 'The day it happened: not in the future, not before the day it was found or last rectified. Moving to RECTIFIED records it as the day rectified.',
    }),
    note: t.string({ description: 'Why, or what was done; kept in its status history and the audit trail.' }),
  }),
});

// ---- mutations ------------------------------------------------------------

builder.mutationFields((t) => ({
  createInspectionFinding: t.prismaField({
    type: 'InspectionFinding',
    description: 'Records a problem the inspection office found, OPEN. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('CreateInspectionFinding', 'inspectionFinding'),
    args: { input: t.arg({ type: CreateInspectionFindingInput, required: true, description: 'The inspection finding.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const input = parseInput(createSchema, raw);
      requireDeadlineNotBefore(input.foundOn, input.deadline, 'foundOn', true);
      const duplicate = `An inspection finding with the code "${input.code}" already exists.`;
      return refusingDuplicates(
        () =>
          audited(ctx, async (tx) => {
            requireNotFuture(input.foundOn, await zoneToday(tx), 'foundOn');
            if (await tx.inspectionFinding.findUnique({ where: { code: input.code } })) throw new ConflictError(duplicate);
            const links = await issueLinks(tx, input);
            const obstacleId = await obstacleIdFor(tx, input.obstacle);
            const categoryId = await categoryIdFor(tx, input.category);
            const created = await tx.inspectionFinding.create({
              data: {
                code: input.code,
                titleZh: input.titleZh,
                titleEn: input.titleEn,
                descriptionZh: input.descriptionZh ?? null,
                descriptionEn: input.descriptionEn ?? null,
                campaignId: links.campaignId ?? null,
                projectId: links.projectId ?? null,
                platformId: links.platformId ?? null,
                obstacleId: obstacleId ?? null,
                categoryId: categoryId ?? null,
                responsibleUnit: input.responsibleUnit ?? null,
                foundOn: input.foundOn,
                deadline: input.deadline ?? null,
                visibility: input.visibility ?? undefined,
              },
            });
            const record = await tx.inspectionFinding.findUniqueOrThrow({ ...selection(query), where: { id: created.id } });
            return { record, recordType: 'InspectionFinding', recordId: created.id, recordCode: created.code, action: 'create', before: null, after: created };
          }),
        duplicate,
      );
    },
  }),

  updateInspectionFinding: t.prismaField({
    type: 'InspectionFinding',
    description: 'Changes an inspection finding\'s details (not its status: see changeInspectionFindingStatus). Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('UpdateInspectionFinding', 'inspectionFinding'),
    args: { input: t.arg({ type: UpdateInspectionFindingInput, required: true, description: 'The inspection finding and what changes.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { id, version, campaign, project, platform, obstacle, category, ...fields } = parseInput(updateSchema, { ...raw, id: raw.id.id });
      return audited(ctx, async (tx) => {
        const before = await tx.inspectionFinding.findUnique({ where: { id } });
        if (!before) throw new NotFoundError('InspectionFinding', id);
        // The row read must be the version the caller read, so that `before` is what gets replaced.
        await requireVersionMatch(before.version === version ? 1 : 0, async () => before, 'InspectionFinding', before.code, version);
        const foundOn = fields.foundOn ?? before.foundOn;
        requireDeadlineNotBefore(foundOn, fields.deadline === undefined ? before.deadline : fields.deadline, 'foundOn', fields.deadline !== undefined);
        if (fields.foundOn) {
          requireNotFuture(fields.foundOn, await zoneToday(tx), 'foundOn');
          if (before.rectifiedOn && fields.foundOn > before.rectifiedOn) {
            throw new ValidationError([{ path: ['input', 'foundOn'], message: `must not be after the day it was rectified (${isoDay(before.rectifiedOn)})` }]);
          }
        }
        const links = await issueLinks(tx, { campaign, project, platform });
        const obstacleId = await obstacleIdFor(tx, obstacle);
        const categoryId = await categoryIdFor(tx, category);
        const { count } = await tx.inspectionFinding.updateMany({
          where: { id, version },
          data: { ...fields, ...links, obstacleId, categoryId, version: { increment: 1 } },
        });
        await requireVersionMatch(count, () => tx.inspectionFinding.findUnique({ where: { id } }), 'InspectionFinding', before.code, version);
        const after = await tx.inspectionFinding.findUniqueOrThrow({ where: { id } });
        const record = await tx.inspectionFinding.findUniqueOrThrow({ ...selection(query), where: { id } });
        return { record, recordType: 'InspectionFinding', recordId: id, recordCode: before.code, action: 'update', before, after };
      });
    },
  }),

  archiveInspectionFinding: t.prismaField({
    type: 'InspectionFinding',
    description: 'Archives an inspection finding: it leaves the default lists and counts, and stays readable by code and ID. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('ArchiveInspectionFinding', 'inspectionFinding'),
    args: { input: t.arg({ type: ArchiveInspectionFindingInput, required: true, description: 'The inspection finding and the version you read.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { id, version } = parseInput(z.object({ id: z.string(), version: rules.version }), { id: raw.id.id, version: raw.version });
      return audited(ctx, async (tx) => {
        const before = await tx.inspectionFinding.findUnique({ where: { id } });
        if (!before) throw new NotFoundError('InspectionFinding', id);
        if (before.archivedAt) throw new ConflictError(`Inspection finding ${before.code} is already archived.`, before.version);
        const { count } = await tx.inspectionFinding.updateMany({ where: { id, version }, data: { archivedAt: new Date(), version: { increment: 1 } } });
        await requireVersionMatch(count, () => tx.inspectionFinding.findUnique({ where: { id } }), 'InspectionFinding', before.code, version);
        const after = await tx.inspectionFinding.findUniqueOrThrow({ where: { id } });
        const record = await tx.inspectionFinding.findUniqueOrThrow({ ...selection(query), where: { id } });
        return { record, recordType: 'InspectionFinding', recordId: id, recordCode: before.code, action: 'archive', before, after };
      });
    },
  }),

  changeInspectionFindingStatus: t.prismaField({
    type: 'InspectionFinding',
    description: `Moves an inspection finding to a new status on a day, along the allowed moves only: ${describeMoves(findingMoves)}. Editors and administrators only.`,
    authScopes: { editor: true },
    errors: payload('ChangeInspectionFindingStatus', 'inspectionFinding'),
    args: { input: t.arg({ type: ChangeInspectionFindingStatusInput, required: true, description: 'The inspection finding, its new status and the day.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const input = parseInput(statusSchema, { ...raw, id: raw.id.id });
      return audited(ctx, async (tx) => {
        const before = await tx.inspectionFinding.findUnique({ where: { id: input.id } });
        if (!before) throw new NotFoundError('InspectionFinding', input.id);
        await requireVersionMatch(before.version === input.version ? 1 : 0, async () => before, 'InspectionFinding', before.code, input.version);
        requireMove(findingMoves, 'an inspection finding', before.status, input.status);
        requireNotFuture(input.on, await zoneToday(tx), 'on');
        const since = before.rectifiedOn && before.rectifiedOn > before.foundOn ? { day: before.rectifiedOn, what: 'rectified' } : { day: before.foundOn, what: 'found' };
        if (input.on < since.day) {
          throw new ValidationError([{ path: ['input', 'on'], message: `must not be before the day it was ${since.what} (${isoDay(since.day)})` }]);
        }
        // Rectifying records the day; re-opening clears it; closing keeps it.
        const rectifiedOn = input.status === 'RECTIFIED' ? input.on : input.status === 'IN_PROGRESS' ? null : undefined;
        // Conditional on the status read: of two concurrent moves, one wins.
        const { count } = await tx.inspectionFinding.updateMany({
          where: { id: input.id, version: input.version, status: before.status },
          data: { status: input.status, rectifiedOn, version: { increment: 1 } },
        });
        await requireVersionMatch(count, () => tx.inspectionFinding.findUnique({ where: { id: input.id } }), 'InspectionFinding', before.code, input.version);
        await tx.inspectionFindingStatusChange.create({
          data: { findingId: input.id, fromStatus: before.status, toStatus: input.status, occurredOn: input.on, note: input.note ?? null, recordedBy: ctx.caller.holder },
        });
        const after = await tx.inspectionFinding.findUniqueOrThrow({ where: { id: input.id } });
        const record = await tx.inspectionFinding.findUniqueOrThrow({ ...selection(query), where: { id: input.id } });
        return {
          record,
          recordType: 'InspectionFinding',
          recordId: input.id,
          recordCode: before.code,
          action: 'changeStatus',
          before,
          after: { ...after, statusChange: { from: before.status, to: input.status, on: input.on, note: input.note ?? null } },
        };
      });
    },
  }),
}));
