import { ObstacleStatus, Visibility } from '@zonegraph/db';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { refusingDuplicates } from '../common/checks.ts';
import { VisibilityRef } from '../common/enums.ts';
import { payload } from '../common/errors.ts';
import { rules, VersionField } from '../common/inputs.ts';
import { audited, parseInput, requireVersionMatch } from '../common/mutations.ts';
import { modelRef, selection } from '../common/refs.ts';
import {
  describeMoves,
  isoDay,
  issueLinks,
  obstacleMoves,
  requireDeadlineNotBefore,
  requireMove,
  requireNotFuture,
  trackedIssueFields,
  zoneToday,
} from './lifecycle.ts';

const ObstacleRef = modelRef('Obstacle');

// ---- inputs ---------------------------------------------------------------

const createSchema = z.object({ code: rules.code, ...trackedIssueFields, raisedOn: rules.day, visibility: z.enum(Visibility).nullish() });
const updateSchema = z.object({
  id: z.string(),
  version: rules.version,
  ...trackedIssueFields,
  // Fields that cannot be empty: null is refused, not silently ignored.
  titleZh: trackedIssueFields.titleZh.optional(),
  titleEn: trackedIssueFields.titleEn.optional(),
  raisedOn: rules.day.optional(),
  visibility: z.enum(Visibility).optional(),
});
const statusSchema = z.object({ id: z.string(), version: rules.version, status: z.enum(ObstacleStatus), on: rules.day, note: rules.note.nullish() });

const CreateObstacleInput = builder.inputType('CreateObstacleInput', {
  description: 'A newly raised obstacle. It starts OPEN; its status then moves through changeObstacleStatus. Related records are named by their codes.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'Its code, unique across obstacles, e.g. `OB-2021-007`.' }),
    titleZh: t.string({ required: true, description: 'The obstacle in a line, in Chinese.' }),
    titleEn: t.string({ required: true, description: 'The obstacle in a line, in English.' }),
    descriptionZh: t.string({ description: 'Details, in Chinese.' }),
    descriptionEn: t.string({ description: 'Details, in English.' }),
    campaign: t.string({ description: 'The code of the campaign it concerns.' }),
    project: t.string({ description: 'The code of the project it holds back.' }),
    platform: t.string({ description: 'The code of the platform it concerns.' }),
    responsibleUnit: t.string({ description: 'The unit responsible for resolving it, e.g. 区发改局.' }),
    raisedOn: t.field({ type: 'Date', required: true, description: 'The day it was raised; not in the future.' }),
    deadline: t.field({ type: 'Date', description: 'The day it is to be resolved by; not before raisedOn.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it (default INTERNAL).' }),
  }),
});

const UpdateObstacleInput = builder.inputType('UpdateObstacleInput', {
  description: 'Changes to an obstacle: only the fields given change; null clears an optional one. Its status moves through changeObstacleStatus.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [ObstacleRef], description: 'The obstacle.' }),
    version: t.int({ required: true, ...VersionField }),
    titleZh: t.string({ description: 'The obstacle in a line, in Chinese.' }),
    titleEn: t.string({ description: 'The obstacle in a line, in English.' }),
    descriptionZh: t.string({ description: 'Details, in Chinese; null for none.' }),
    descriptionEn: t.string({ description: 'Details, in English; null for none.' }),
    campaign: t.string({ description: 'The code of the campaign it concerns; null for none.' }),
    project: t.string({ description: 'The code of the project it holds back; null for none.' }),
    platform: t.string({ description: 'The code of the platform it concerns; null for none.' }),
    responsibleUnit: t.string({ description: 'The unit responsible for resolving it; null for none.' }),
    raisedOn: t.field({ type: 'Date', description: 'The day it was raised; not in the future, not after its deadline.' }),
    deadline: t.field({ type: 'Date', description: 'The day it is to be resolved by, not before raisedOn; null for none.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it.' }),
  }),
});

const ArchiveObstacleInput = builder.inputType('ArchiveObstacleInput', {
  description: 'An obstacle to archive: it leaves the default lists but stays readable by code and ID.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [ObstacleRef], description: 'The obstacle.' }),
    version: t.int({ required: true, ...VersionField }),
  }),
});

const ChangeObstacleStatusInput = builder.inputType('ChangeObstacleStatusInput', {
  description: `A dated move of an obstacle along its way to closure. Allowed moves: ${describeMoves(obstacleMoves)}. Moving back from RESOLVED to IN_PROGRESS re-opens it.`,
  fields: (t) => ({
    id: t.globalID({ required: true, for: [ObstacleRef], description: 'The obstacle.' }),
    version: t.int({ required: true, ...VersionField }),
    status: t.field({ type: ObstacleStatus, required: true, description: 'The status it moves to.' }),
    on: t.field({
      type: 'Date',
      required: true,
      description: 'The day it happened: not in the future, not before the day it was raised or last resolved. Moving to RESOLVED records it as the day resolved.',
    }),
    note: t.string({ description: 'Why, or what was done; kept in its status history and the audit trail.' }),
  }),
});

// ---- mutations ------------------------------------------------------------

builder.mutationFields((t) => ({
  createObstacle: t.prismaField({
    type: 'Obstacle',
    description: 'Records a newly raised obstacle, OPEN. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('CreateObstacle', 'obstacle'),
    args: { input: t.arg({ type: CreateObstacleInput, required: true, description: 'The obstacle.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const input = parseInput(createSchema, raw);
      requireDeadlineNotBefore(input.raisedOn, input.deadline, 'raisedOn', true);
      const duplicate = `An obstacle with the code "${input.code}" already exists.`;
      return refusingDuplicates(
        () =>
          audited(ctx, async (tx) => {
            requireNotFuture(input.raisedOn, await zoneToday(tx), 'raisedOn');
            if (await tx.obstacle.findUnique({ where: { code: input.code } })) throw new ConflictError(duplicate);
            const links = await issueLinks(tx, input);
            const created = await tx.obstacle.create({
              data: {
                code: input.code,
                titleZh: input.titleZh,
                titleEn: input.titleEn,
                descriptionZh: input.descriptionZh ?? null,
                descriptionEn: input.descriptionEn ?? null,
                campaignId: links.campaignId ?? null,
                projectId: links.projectId ?? null,
                platformId: links.platformId ?? null,
                responsibleUnit: input.responsibleUnit ?? null,
                raisedOn: input.raisedOn,
                deadline: input.deadline ?? null,
                visibility: input.visibility ?? undefined,
              },
            });
            const record = await tx.obstacle.findUniqueOrThrow({ ...selection(query), where: { id: created.id } });
            return { record, recordType: 'Obstacle', recordId: created.id, recordCode: created.code, action: 'create', before: null, after: created };
          }),
        duplicate,
      );
    },
  }),

  updateObstacle: t.prismaField({
    type: 'Obstacle',
    description: 'Changes an obstacle\'s details (not its status: see changeObstacleStatus). Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('UpdateObstacle', 'obstacle'),
    args: { input: t.arg({ type: UpdateObstacleInput, required: true, description: 'The obstacle and what changes.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { id, version, campaign, project, platform, ...fields } = parseInput(updateSchema, { ...raw, id: raw.id.id });
      return audited(ctx, async (tx) => {
        const before = await tx.obstacle.findUnique({ where: { id } });
        if (!before) throw new NotFoundError('Obstacle', id);
        // The row read must be the version the caller read, so that `before` is what gets replaced.
        await requireVersionMatch(before.version === version ? 1 : 0, async () => before, 'Obstacle', before.code, version);
        const raisedOn = fields.raisedOn ?? before.raisedOn;
        requireDeadlineNotBefore(raisedOn, fields.deadline === undefined ? before.deadline : fields.deadline, 'raisedOn', fields.deadline !== undefined);
        if (fields.raisedOn) {
          requireNotFuture(fields.raisedOn, await zoneToday(tx), 'raisedOn');
          if (before.resolvedOn && fields.raisedOn > before.resolvedOn) {
            throw new ValidationError([{ path: ['input', 'raisedOn'], message: `must not be after the day it was resolved (${isoDay(before.resolvedOn)})` }]);
          }
        }
        const links = await issueLinks(tx, { campaign, project, platform });
        const { count } = await tx.obstacle.updateMany({ where: { id, version }, data: { ...fields, ...links, version: { increment: 1 } } });
        await requireVersionMatch(count, () => tx.obstacle.findUnique({ where: { id } }), 'Obstacle', before.code, version);
        const after = await tx.obstacle.findUniqueOrThrow({ where: { id } });
        const record = await tx.obstacle.findUniqueOrThrow({ ...selection(query), where: { id } });
        return { record, recordType: 'Obstacle', recordId: id, recordCode: before.code, action: 'update', before, after };
      });
    },
  }),

  archiveObstacle: t.prismaField({
    type: 'Obstacle',
    description: 'Archives an obstacle: it leaves the default lists and counts, and stays readable by code and ID. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('ArchiveObstacle', 'obstacle'),
    args: { input: t.arg({ type: ArchiveObstacleInput, required: true, description: 'The obstacle and the version you read.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { id, version } = parseInput(z.object({ id: z.string(), version: rules.version }), { id: raw.id.id, version: raw.version });
      return audited(ctx, async (tx) => {
        const before = await tx.obstacle.findUnique({ where: { id } });
        if (!before) throw new NotFoundError('Obstacle', id);
        if (before.archivedAt) throw new ConflictError(`Obstacle ${before.code} is already archived.`, before.version);
        const { count } = await tx.obstacle.updateMany({ where: { id, version }, data: { archivedAt: new Date(), version: { increment: 1 } } });
        await requireVersionMatch(count, () => tx.obstacle.findUnique({ where: { id } }), 'Obstacle', before.code, version);
        const after = await tx.obstacle.findUniqueOrThrow({ where: { id } });
        const record = await tx.obstacle.findUniqueOrThrow({ ...selection(query), where: { id } });
        return { record, recordType: 'Obstacle', recordId: id, recordCode: before.code, action: 'archive', before, after };
      });
    },
  }),

  changeObstacleStatus: t.prismaField({
    type: 'Obstacle',
    description: `Moves an obstacle to a new status on a day, along the allowed moves only: ${describeMoves(obstacleMoves)}. Editors and administrators only.`,
    authScopes: { editor: true },
    errors: payload('ChangeObstacleStatus', 'obstacle'),
    args: { input: t.arg({ type: ChangeObstacleStatusInput, required: true, description: 'The obstacle, its new status and the day.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const input = parseInput(statusSchema, { ...raw, id: raw.id.id });
      return audited(ctx, async (tx) => {
        const before = await tx.obstacle.findUnique({ where: { id: input.id } });
        if (!before) throw new NotFoundError('Obstacle', input.id);
        await requireVersionMatch(before.version === input.version ? 1 : 0, async () => before, 'Obstacle', before.code, input.version);
        requireMove(obstacleMoves, 'an obstacle', before.status, input.status);
        requireNotFuture(input.on, await zoneToday(tx), 'on');
        const since = before.resolvedOn && before.resolvedOn > before.raisedOn ? { day: before.resolvedOn, what: 'resolved' } : { day: before.raisedOn, what: 'raised' };
        if (input.on < since.day) {
          throw new ValidationError([{ path: ['input', 'on'], message: `must not be before the day it was ${since.what} (${isoDay(since.day)})` }]);
        }
        // Resolving records the day; re-opening clears it; closing keeps it.
        const resolvedOn = input.status === 'RESOLVED' ? input.on : input.status === 'IN_PROGRESS' ? null : undefined;
        // Conditional on the status read: of two concurrent moves, one wins.
        const { count } = await tx.obstacle.updateMany({
          where: { id: input.id, version: input.version, status: before.status },
          data: { status: input.status, resolvedOn, version: { increment: 1 } },
        });
        await requireVersionMatch(count, () => tx.obstacle.findUnique({ where: { id: input.id } }), 'Obstacle', before.code, input.version);
        await tx.obstacleStatusChange.create({
          data: { obstacleId: input.id, fromStatus: before.status, toStatus: input.status, occurredOn: input.on, note: input.note ?? null, recordedBy: ctx.caller.holder },
        });
        const after = await tx.obstacle.findUniqueOrThrow({ where: { id: input.id } });
        const record = await tx.obstacle.findUniqueOrThrow({ ...selection(query), where: { id: input.id } });
        return {
          record,
          recordType: 'Obstacle',
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
