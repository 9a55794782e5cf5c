import { Visibility } from '@zonegraph/db';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { todayIn } from '../common/checks.ts';
import { VisibilityRef } from '../common/enums.ts';
import { payload } from '../common/errors.ts';
import { rules, VersionField } from '../common/inputs.ts';
import { audited, idForCode, parseInput, requireVersionMatch, type Tx } from '../common/mutations.ts';
import { modelRef, selection } from '../common/refs.ts';

const EngagementRef = modelRef('Engagement');

// ---- inputs ---------------------------------------------------------------

const engagementFields = {
  occurredOn: rules.day,
  project: z.string().nullish(),
  organisation: z.string().nullish(),
  subjectZh: rules.nameZh,
  subjectEn: rules.nameEn,
  notes: rules.text.nullish(),
  visibility: z.enum(Visibility),
};
const recordSchema = z.object({ ...engagementFields, visibility: engagementFields.visibility.nullish() });
const updateSchema = z.object({
  id: z.string(),
  version: rules.version,
  ...engagementFields,
  // Fields that cannot be empty: null is refused, not silently ignored.
  occurredOn: engagementFields.occurredOn.optional(),
  subjectZh: engagementFields.subjectZh.optional(),
  subjectEn: engagementFields.subjectEn.optional(),
  visibility: engagementFields.visibility.optional(),
});

const RecordEngagementInput = builder.inputType('RecordEngagementInput', {
  description: 'A talk that took place: with a prospective or existing project, its counterpart organisation, or both (name at least one, by code).',
  fields: (t) => ({
    occurredOn: t.field({ type: 'Date', required: true, description: 'The day the talk took place; not in the future.' }),
    project: t.string({ description: 'The code of the project discussed, once there is one.' }),
    organisation: t.string({ description: 'The code of the counterpart organisation.' }),
    subjectZh: t.string({ required: true, description: 'What was discussed, in a line, in Chinese.' }),
    subjectEn: t.string({ required: true, description: 'What was discussed, in a line, in English.' }),
    notes: t.string({ description: 'Notes on the outcome.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it (default INTERNAL).' }),
  }),
});

const UpdateEngagementInput = builder.inputType('UpdateEngagementInput', {
  description: 'Changes to a recorded talk: only the fields given change; null clears an optional one. A project or an organisation must remain.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [EngagementRef], description: 'The engagement.' }),
    version: t.int({ required: true, ...VersionField }),
    occurredOn: t.field({ type: 'Date', description: 'The day the talk took place; not in the future.' }),
    project: t.string({ description: 'The code of the project discussed; null for none.' }),
    organisation: t.string({ description: 'The code of the counterpart organisation; null for none.' }),
    subjectZh: t.string({ description: 'What was discussed, in a line, in Chinese.' }),
    subjectEn: t.string({ description: 'What was discussed, in a line, in English.' }),
    notes: t.string({ description: 'Notes on the outcome; null for none.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it.' }),
  }),
});

const ArchiveEngagementInput = builder.inputType('ArchiveEngagementInput', {
  description: 'An engagement to archive: it leaves the engagement log but stays readable by ID.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [EngagementRef], description: 'The engagement.' }),
    version: t.int({ required: true, ...VersionField }),
  }),
});

// ---- helpers --------------------------------------------------------------

/** Project and organisation codes as ids; undefined leaves a link alone, null clears it. */
async function counterparts(tx: Tx, input: { project?: string | null; organisation?: string | null }) {
  const projectId = await idForCode((code) => tx.project.findUnique({ where: { code } }), input.project, 'project', 'project');
  const organisationId = await idForCode((code) => tx.organisation.findUnique({ where: { code } }), input.organisation, 'organisation', 'organisation');
  return { projectId, organisationId };
}

/** A talk is with somebody: a project, an organisation, or both (given as codes or ids). */
function requireCounterpart(project: string | null | undefined, organisation: string | null | undefined): void {
  if (project || organisation) return;
  throw new ValidationError([{ path: ['input'], message: 'name the project, the counterpart organisation, or both' }]);
}

/** Today in the zone, from the programme whose period started last; the log records talks that took place. */
async function requirePast(tx: Tx, day: Date | undefined): Promise<void> {
  if (!day) return;
  const programme = await tx.programme.findFirst({ orderBy: { periodStart: 'desc' }, select: { timeZone: true } });
  const today = todayIn(programme?.timeZone ?? 'UTC');
  if (day > today) {
    throw new ValidationError([
      { path: ['input', 'occurredOn'], message: `is in the future (today is ${today.toISOString().slice(0, 10)}); record a talk once it has taken place` },
    ]);
  }
}

// ---- mutations ------------------------------------------------------------

builder.mutationFields((t) => ({
  recordEngagement: t.prismaField({
    type: 'Engagement',
    description: 'Adds a talk to the engagement log. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('RecordEngagement', 'engagement'),
    args: { input: t.arg({ type: RecordEngagementInput, required: true, description: 'The talk.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const input = parseInput(recordSchema, raw);
      requireCounterpart(input.project, input.organisation);
      return audited(ctx, async (tx) => {
        await requirePast(tx, input.occurredOn);
        const { projectId, organisationId } = await counterparts(tx, input);
        const created = await tx.engagement.create({
          data: {
            occurredOn: input.occurredOn,
            projectId: projectId ?? null,
            organisationId: organisationId ?? null,
            subjectZh: input.subjectZh,
            subjectEn: input.subjectEn,
            notes: input.notes ?? null,
            visibility: input.visibility ?? undefined,
          },
        });
        const record = await tx.engagement.findUniqueOrThrow({ ...selection(query), where: { id: created.id } });
        return { record, recordType: 'Engagement', recordId: created.id, recordCode: null, action: 'create', before: null, after: created };
      });
    },
  }),

  updateEngagement: t.prismaField({
    type: 'Engagement',
    description: 'Changes a recorded talk. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('UpdateEngagement', 'engagement'),
    args: { input: t.arg({ type: UpdateEngagementInput, required: true, description: 'The engagement and what changes.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { id, version, project, organisation, ...fields } = parseInput(updateSchema, { ...raw, id: raw.id.id });
      return audited(ctx, async (tx) => {
        const before = await tx.engagement.findUnique({ where: { id } });
        if (!before) throw new NotFoundError('Engagement', id);
        // The row read must be the version the caller read, so that `before` is what gets replaced.
        await requireVersionMatch(before.version === version ? 1 : 0, async () => before, 'Engagement', id, version);
        await requirePast(tx, fields.occurredOn);
        const links = await counterparts(tx, { project, organisation });
        requireCounterpart(
          links.projectId === undefined ? before.projectId : links.projectId,
          links.organisationId === undefined ? before.organisationId : links.organisationId,
        );
        const { count } = await tx.engagement.updateMany({ where: { id, version }, data: { ...fields, ...links, version: { increment: 1 } } });
        await requireVersionMatch(count, () => tx.engagement.findUnique({ where: { id } }), 'Engagement', id, version);
        const after = await tx.engagement.findUniqueOrThrow({ where: { id } });
        const record = await tx.engagement.findUniqueOrThrow({ ...selection(query), where: { id } });
        return { record, recordType: 'Engagement', recordId: id, recordCode: null, action: 'update', before, after };
      });
    },
  }),

  archiveEngagement: t.prismaField({
    type: 'Engagement',
    description: 'Archives a recorded talk: it leaves the engagement log and its counts, and stays readable by ID. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('ArchiveEngagement', 'engagement'),
    args: { input: t.arg({ type: ArchiveEngagementInput, required: true, description: 'The engagement and the version you read.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { id, version } = parseInput(z.object({ id: z.string(), version: rules.version }), { id: raw.id.id, version: raw.version });
      return audited(ctx, async (tx) => {
        const before = await tx.engagement.findUnique({ where: { id } });
        if (!before) throw new NotFoundError('Engagement', id);
        if (before.archivedAt) throw new ConflictError(`Engagement ${id} is already archived.`, before.version);
        const { count } = await tx.engagement.updateMany({ where: { id, version }, data: { archivedAt: new Date(), version: { increment: 1 } } });
        await requireVersionMatch(count, () => tx.engagement.findUnique({ where: { id } }), 'Engagement', id, version);
        const after = await tx.engagement.findUniqueOrThrow({ where: { id } });
        const record = await tx.engagement.findUniqueOrThrow({ ...selection(query), where: { id } });
        return { record, recordType: 'Engagement', recordId: id, recordCode: null, action: 'archive', before, after };
      });
    },
  }),
}));
