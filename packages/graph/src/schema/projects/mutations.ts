import { Prisma, ProjectStage, Visibility } from '@zonegraph/db';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { VisibilityRef } from '../common/enums.ts';
import { payload } from '../common/errors.ts';
import { selection } from '../common/refs.ts';
import { rules, VersionField } from '../common/inputs.ts';
import { audited, idForCode, isUniqueViolation, parseInput, requireVersionMatch, type Tx } from '../common/mutations.ts';
import { ProjectRef } from './project.ts';
import { ProjectStageRef } from './stage.ts';
import { projectFields } from './fields.ts';
import { allowedTransitions, canMove } from './transitions.ts';

// ---- inputs ---------------------------------------------------------------

const createSchema = z.object({ code: rules.code, programme: z.string().nullish(), stage: z.enum(ProjectStage).nullish(), ...projectFields });
const updateSchema = z.object({
  id: z.string(),
  version: rules.version,
  ...projectFields,
  // Fields that cannot be empty: null is refused, not silently ignored.
  campaign: projectFields.campaign.optional(),
  nameZh: projectFields.nameZh.optional(),
  nameEn: projectFields.nameEn.optional(),
  isKeyProject: z.boolean().optional(),
  inFiveYearPlan: z.boolean().optional(),
  visibility: z.enum(Visibility).optional(),
  investmentVisibility: z.enum(Visibility).optional(),
});

const CreateProjectInput = builder.inputType('CreateProjectInput', {
  description: 'A new project. Related records are named by their codes.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'Its code, unique across projects, e.g. `GZK-2020-P19`.' }),
    programme: t.string({ description: 'The programme\'s code; default: the programme whose period started last.' }),
    nameZh: t.string({ required: true, description: 'Name in Chinese.' }),
    nameEn: t.string({ required: true, description: 'Name in English.' }),
    summaryZh: t.string({ description: 'What it is, in Chinese.' }),
    summaryEn: t.string({ description: 'What it is, in English.' }),
    campaign: t.string({ required: true, description: 'The campaign\'s code.' }),
    cluster: t.string({ description: 'The industry cluster\'s code.' }),
    sector: t.string({ description: 'The sector\'s code.' }),
    park: t.string({ description: 'The park\'s code.' }),
    organisations: t.stringList({ description: 'Codes of the organisations behind it.' }),
    platforms: t.stringList({ description: 'Codes of the platforms it belongs to.' }),
    stage: t.field({ type: ProjectStageRef, description: 'Where it stands now (default NEGOTIATING); later moves go through recordProjectStageChange.' }),
    targetStage: t.field({ type: ProjectStageRef, description: 'The stage it must reach this period.' }),
    targetDate: t.field({ type: 'Date', description: 'When it must reach the target stage.' }),
    plannedInvestment: t.field({ type: 'Decimal', description: 'Planned fixed-asset investment in yuan, e.g. "350000000".' }),
    isKeyProject: t.boolean({ description: 'One of the key projects (default true).' }),
    inFiveYearPlan: t.boolean({ description: 'Submitted for the 14th Five-Year Plan (default false).' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it (default PUBLIC).' }),
    investmentVisibility: t.field({ type: VisibilityRef, description: 'Who may see its investment figures (default INTERNAL).' }),
  }),
});

const UpdateProjectInput = builder.inputType('UpdateProjectInput', {
  description: 'Changes to a project: only the fields given change; null clears an optional one. Its stage moves through recordProjectStageChange.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [ProjectRef], description: 'The project.' }),
    version: t.int({ required: true, ...VersionField }),
    nameZh: t.string({ description: 'Name in Chinese.' }),
    nameEn: t.string({ description: 'Name in English.' }),
    summaryZh: t.string({ description: 'What it is, in Chinese.' }),
    summaryEn: t.string({ description: 'What it is, in English.' }),
    campaign: t.string({ description: 'The campaign\'s code.' }),
    cluster: t.string({ description: 'The industry cluster\'s code; null for none.' }),
    sector: t.string({ description: 'The sector\'s code; null for none.' }),
    park: t.string({ description: 'The park\'s code; null for none.' }),
    organisations: t.stringList({ description: 'Codes of all the organisations behind it (replaces the list).' }),
    platforms: t.stringList({ description: 'Codes of all the platforms it belongs to (replaces the list).' }),
    targetStage: t.field({ type: ProjectStageRef, description: 'The stage it must reach this period.' }),
    targetDate: t.field({ type: 'Date', description: 'When it must reach the target stage.' }),
    plannedInvestment: t.field({ type: 'Decimal', description: 'Planned fixed-asset investment in yuan.' }),
    isKeyProject: t.boolean({ description: 'One of the key projects.' }),
    inFiveYearPlan: t.boolean({ description: 'Submitted for the 14th Five-Year Plan.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it.' }),
    investmentVisibility: t.field({ type: VisibilityRef, description: 'Who may see its investment figures.' }),
  }),
});

const ArchiveProjectInput = builder.inputType('ArchiveProjectInput', {
  description: 'A project to archive: it leaves the default lists but stays readable by code and ID.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [ProjectRef], description: 'The project.' }),
    version: t.int({ required: true, ...VersionField }),
  }),
});

const RecordProjectStageChangeInput = builder.inputType('RecordProjectStageChangeInput', {
  description: `A dated move of a project to a new stage. Allowed moves: ${Object.entries(allowedTransitions)
    .map(([from, to]) => `${from} → ${to.length ? to.join(' | ') : '(none)'}`)
    .join('; ')}.`,
  fields: (t) => ({
    id: t.globalID({ required: true, for: [ProjectRef], description: 'The project.' }),
    toStage: t.field({ type: ProjectStageRef, required: true, description: 'The stage it entered.' }),
    occurredOn: t.field({ type: 'Date', required: true, description: 'The day it happened; not before its last recorded move, not in the future.' }),
    note: t.string({ description: 'What happened, e.g. the signing ceremony.' }),
    version: t.int({ description: 'The version you read; when given, a project changed since is refused with ConflictError.' }),
  }),
});

const RecordInvestmentInput = builder.inputType('RecordInvestmentInput', {
  description: 'Completed fixed-asset investment of a project in one month. Recording a month again replaces its figure.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [ProjectRef], description: 'The project.' }),
    month: t.field({ type: 'Date', required: true, description: 'Any day of the month; the figure is stored for its first day.' }),
    amount: t.field({ type: 'Decimal', required: true, description: 'Investment completed in that month, in yuan, e.g. "12500000.00".' }),
  }),
});

// ---- helpers --------------------------------------------------------------

/** The scalar and relation columns an input sets, with codes resolved inside the transaction. */
async function projectData(tx: Tx, input: z.infer<typeof updateSchema> | z.infer<typeof createSchema>) {
  const [campaignId, clusterId, sectorId, parkId] = await Promise.all([
    idForCode((code) => tx.campaign.findUnique({ where: { code } }), input.campaign, 'campaign', 'campaign'),
    idForCode((code) => tx.industryCluster.findUnique({ where: { code } }), input.cluster, 'cluster', 'industry cluster'),
    idForCode((code) => tx.sector.findUnique({ where: { code } }), input.sector, 'sector', 'sector'),
    idForCode((code) => tx.park.findUnique({ where: { code } }), input.park, 'park', 'park'),
  ]);
  const organisations = await connectCodes(tx, 'organisation', input.organisations, 'organisations');
  const platforms = await connectCodes(tx, 'platform', input.platforms, 'platforms');
  const defined = <T>(value: T | null | undefined) => (value === undefined ? undefined : value);
  return {
    scalars: {
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      summaryZh: defined(input.summaryZh),
      summaryEn: defined(input.summaryEn),
      campaignId: campaignId ?? undefined,
      clusterId,
      sectorId,
      parkId,
      targetStage: defined(input.targetStage),
      targetDate: defined(input.targetDate),
      plannedInvestment: defined(input.plannedInvestment),
      isKeyProject: input.isKeyProject ?? undefined,
      inFiveYearPlan: input.inFiveYearPlan ?? undefined,
      visibility: input.visibility ?? undefined,
      investmentVisibility: input.investmentVisibility ?? undefined,
    },
    organisations,
    platforms,
  };
}

async function connectCodes(tx: Tx, model: 'organisation' | 'platform', codes: string[] | null | undefined, path: string) {
  if (codes === undefined) return undefined;
  const wanted = [...new Set(codes ?? [])];
  const found =
    model === 'organisation'
      ? await tx.organisation.findMany({ where: { code: { in: wanted } }, select: { id: true, code: true } })
      : await tx.platform.findMany({ where: { code: { in: wanted } }, select: { id: true, code: true } });
  const missing = wanted.filter((code) => !found.some((f) => f.code === code));
  if (missing.length) throw new ValidationError(missing.map((code) => ({ path: ['input', path], message: `no ${model} has the code "${code}"` })));
  return found.map(({ id }) => ({ id }));
}

/**
 * A project as the audit trail keeps it: its columns and the codes of its
 * organisations and platforms. Read without the caller's selection, so that
 * what is recorded does not depend on what the client asked for.
 */
async function auditedProject(tx: Tx, id: string) {
  const found = await tx.project.findUnique({
    where: { id },
    include: { organisations: { select: { code: true }, orderBy: { code: 'asc' } }, platforms: { select: { code: true }, orderBy: { code: 'asc' } } },
  });
  if (!found) return null;
  const { organisations, platforms, ...row } = found;
  return { ...row, organisations: organisations.map((o) => o.code), platforms: platforms.map((p) => p.code) };
}

/** Today in the programme's time zone, as a UTC midnight date like the Date scalar's. */
function todayIn(timeZone: string, now = new Date()): Date {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return new Date(`${day}T00:00:00Z`);
}

// ---- mutations ------------------------------------------------------------

builder.mutationFields((t) => ({
  createProject: t.prismaField({
    type: 'Project',
    description: 'Adds a project. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('CreateProject', 'project'),
    args: { input: t.arg({ type: CreateProjectInput, required: true, description: 'The project.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const input = parseInput(createSchema, raw);
      try {
        return await audited(ctx, async (tx) => {
          const programmeId =
            (await idForCode((code) => tx.programme.findUnique({ where: { code } }), input.programme, 'programme', 'programme')) ??
            (await tx.programme.findFirst({ orderBy: { periodStart: 'desc' }, select: { id: true } }))?.id;
          if (!programmeId) throw new ValidationError([{ path: ['input', 'programme'], message: 'there is no programme to add the project to' }]);
          const { scalars, organisations, platforms } = await projectData(tx, input);
          const created = await tx.project.create({
            data: {
              ...scalars,
              code: input.code,
              nameZh: input.nameZh,
              nameEn: input.nameEn,
              campaignId: scalars.campaignId!,
              programmeId,
              stage: input.stage ?? 'NEGOTIATING',
              organisations: organisations && { connect: organisations },
              platforms: platforms && { connect: platforms },
            },
          });
          const record = await tx.project.findUniqueOrThrow({ ...selection(query), where: { id: created.id } });
          const after = await auditedProject(tx, created.id);
          return { record, recordType: 'Project', recordId: created.id, recordCode: created.code, action: 'create', before: null, after };
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`A project with the code "${input.code}" already exists.`);
        throw error;
      }
    },
  }),

  updateProject: t.prismaField({
    type: 'Project',
    description: 'Changes a project\'s details. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('UpdateProject', 'project'),
    args: { input: t.arg({ type: UpdateProjectInput, required: true, description: 'The project and what changes.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const input = parseInput(updateSchema, { ...raw, id: raw.id.id });
      return audited(ctx, async (tx) => {
        const before = await auditedProject(tx, input.id);
        if (!before) throw new NotFoundError('Project', raw.id.id);
        // Checked here as well as by the conditional update below: once the row
        // read has the version the caller sent, the guarded update can only
        // replace that version, so `before` is exactly what was replaced.
        if (before.version !== input.version) {
          throw new ConflictError(
            `Project ${before.code} is at version ${before.version}, not ${input.version}: it changed since you read it. Read it again and retry.`,
            before.version,
          );
        }
        const { scalars, organisations, platforms } = await projectData(tx, input);
        const { count } = await tx.project.updateMany({
          where: { id: input.id, version: input.version },
          data: { ...scalars, version: { increment: 1 } },
        });
        await requireVersionMatch(count, () => tx.project.findUnique({ where: { id: input.id } }), 'Project', before.code, input.version);
        if (organisations || platforms) {
          await tx.project.update({
            where: { id: input.id },
            data: { organisations: organisations && { set: organisations }, platforms: platforms && { set: platforms } },
          });
        }
        const after = (await auditedProject(tx, input.id))!;
        const record = await tx.project.findUniqueOrThrow({ ...selection(query), where: { id: input.id } });
        return { record, recordType: 'Project', recordId: input.id, recordCode: after.code, action: 'update', before, after };
      });
    },
  }),

  archiveProject: t.prismaField({
    type: 'Project',
    description: 'Archives a project: it leaves the default lists and counts, and stays readable by code and ID. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('ArchiveProject', 'project'),
    args: { input: t.arg({ type: ArchiveProjectInput, required: true, description: 'The project and the version you read.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { id, version } = parseInput(z.object({ id: z.string(), version: rules.version }), { id: raw.id.id, version: raw.version });
      return audited(ctx, async (tx) => {
        const before = await tx.project.findUnique({ where: { id } });
        if (!before) throw new NotFoundError('Project', id);
        if (before.archivedAt) throw new ConflictError(`Project ${before.code} is already archived.`, before.version);
        const { count } = await tx.project.updateMany({ where: { id, version }, data: { archivedAt: new Date(), version: { increment: 1 } } });
        await requireVersionMatch(count, () => tx.project.findUnique({ where: { id } }), 'Project', before.code, version);
        const after = await tx.project.findUniqueOrThrow({ where: { id } });
        const record = await tx.project.findUniqueOrThrow({ ...selection(query), where: { id } });
        return { record, recordType: 'Project', recordId: id, recordCode: before.code, action: 'archive', before, after };
      });
    },
  }),

  recordProjectStageChange: t.prismaField({
    type: 'Project',
    description: 'Moves a project to a new stage on a date, along the allowed moves only, and adds the move to its history. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('RecordProjectStageChange', 'project'),
    args: { input: t.arg({ type: RecordProjectStageChangeInput, required: true, description: 'The project, the stage it entered and the day.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const input = parseInput(
        z.object({ id: z.string(), toStage: z.enum(ProjectStage), occurredOn: rules.day, note: rules.note.nullish(), version: rules.version.nullish() }),
        { ...raw, id: raw.id.id },
      );
      let stageChangeId = '';
      const record = await audited(
        ctx,
        async (tx) => {
          const before = await tx.project.findUnique({ where: { id: input.id }, include: { programme: { select: { timeZone: true } } } });
          if (!before) throw new NotFoundError('Project', input.id);
          const { toStage } = input;
          if (input.version != null && input.version !== before.version) {
            throw new ConflictError(`Project ${before.code} is at version ${before.version}, not ${input.version}.`, before.version);
          }
          if (!canMove(before.stage, toStage)) {
            const allowed = allowedTransitions[before.stage];
            throw new ValidationError([
              {
                path: ['input', 'toStage'],
                message: `a ${before.stage} project cannot move to ${toStage}; from ${before.stage} it may move to ${allowed.length ? allowed.join(', ') : 'nothing: the stage is final'}`,
              },
            ]);
          }
          if (input.occurredOn > todayIn(before.programme.timeZone)) {
            throw new ValidationError([{ path: ['input', 'occurredOn'], message: 'is in the future; record a move once it has happened' }]);
          }
          const last = await tx.projectStageChange.findFirst({ where: { projectId: before.id }, orderBy: [{ occurredOn: 'desc' }] });
          if (last && input.occurredOn < last.occurredOn) {
            throw new ValidationError([
              { path: ['input', 'occurredOn'], message: `is before the project's last recorded move (${last.occurredOn.toISOString().slice(0, 10)})` },
            ]);
          }
          // Conditional on the stage read above: of two concurrent moves, one wins.
          const { count } = await tx.project.updateMany({
            where: { id: before.id, stage: before.stage, version: before.version },
            data: { stage: toStage, stageChangedAt: input.occurredOn, version: { increment: 1 } },
          });
          await requireVersionMatch(count, () => tx.project.findUnique({ where: { id: before.id } }), 'Project', before.code, before.version);
          const change = await tx.projectStageChange.create({
            data: { projectId: before.id, fromStage: before.stage, toStage, occurredOn: input.occurredOn, note: input.note ?? null },
          });
          stageChangeId = change.id;
          const after = await tx.project.findUniqueOrThrow({ where: { id: before.id } });
          const record = await tx.project.findUniqueOrThrow({ ...selection(query), where: { id: before.id } });
          const { programme: _programme, ...beforeRecord } = before;
          return {
            record,
            recordType: 'Project',
            recordId: before.id,
            recordCode: before.code,
            action: 'recordStageChange',
            before: beforeRecord,
            after: { ...after, stageChange: change },
          };
        },
        () => ctx.pubsub.publish('projectStageChanged', { stageChangeId }),
      );
      return record;
    },
  }),

  recordInvestment: t.prismaField({
    type: 'Project',
    description: 'Records the fixed-asset investment a project completed in a month; recording the same month again replaces the figure. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('RecordInvestment', 'project'),
    args: { input: t.arg({ type: RecordInvestmentInput, required: true, description: 'The project, the month and the amount.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const input = parseInput(z.object({ id: z.string(), month: rules.day, amount: rules.money }), { ...raw, id: raw.id.id });
      const month = new Date(Date.UTC(input.month.getUTCFullYear(), input.month.getUTCMonth(), 1));
      return audited(ctx, async (tx) => {
        // Updating the project first locks its row until commit, so that
        // recordings for the same project take turns: each one's sum below
        // then sees the months the others committed, and two first recordings
        // of one month do not both try to insert it. It is a change of the
        // project (its completed investment), so its version goes up.
        const { count } = await tx.project.updateMany({ where: { id: input.id }, data: { version: { increment: 1 } } });
        if (count === 0) throw new NotFoundError('Project', input.id);
        const project = await tx.project.findUniqueOrThrow({ where: { id: input.id } });
        const previous = await tx.investmentRecord.findUnique({ where: { projectId_month: { projectId: project.id, month } } });
        const saved = await tx.investmentRecord.upsert({
          where: { projectId_month: { projectId: project.id, month } },
          create: { projectId: project.id, month, amount: input.amount },
          update: { amount: input.amount },
        });
        const { _sum } = await tx.investmentRecord.aggregate({ where: { projectId: project.id }, _sum: { amount: true } });
        await tx.project.update({ where: { id: project.id }, data: { completedInvestment: _sum.amount ?? new Prisma.Decimal(0) } });
        const record = await tx.project.findUniqueOrThrow({ ...selection(query), where: { id: project.id } });
        return {
          record,
          recordType: 'Project',
          recordId: project.id,
          recordCode: project.code,
          action: 'recordInvestment',
          before: previous && { month: previous.month, amount: previous.amount },
          after: { month: saved.month, amount: saved.amount, completedInvestment: _sum.amount },
        };
      });
    },
  }),
}));

