// importProjects: many projects created or updated by code in one transaction,
// for the staff who keep the project list in spreadsheets (`zonegraph import
// projects`). Every row is checked before anything is written; one bad row
// refuses the whole batch, with every problem named by its row.
import { Prisma, ProjectStage, Visibility } from '@zonegraph/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { ConflictError, ForbiddenError, ValidationError, ZonegraphError } from '../../errors.ts';
import { VisibilityRef } from '../common/enums.ts';
import { ErrorInterface } from '../common/errors.ts';
import { rules } from '../common/inputs.ts';
import { isUniqueViolation, parseInput, toJson, type Tx } from '../common/mutations.ts';
import { ProjectStageRef } from './stage.ts';

/** The most rows one call takes: one transaction holds them all, and a larger file is split by the caller. */
export const MAX_IMPORT_ROWS = 1000;

// ---- errors and results ----------------------------------------------------

export interface ImportRowIssue {
  /** The row's number as the caller gave it (a spreadsheet row), else its position from 1. */
  row: number;
  /** The project code on that row, when it has one. */
  code: string | null;
  /** The column (input field) at fault; null when the row as a whole is. */
  field: string | null;
  message: string;
}

/** The batch was refused; nothing was written. */
export class ImportRejectedError extends ZonegraphError {
  readonly issues: ImportRowIssue[];
  constructor(issues: ImportRowIssue[]) {
    const rows = new Set(issues.map((i) => i.row)).size;
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'} in ${rows} row${rows === 1 ? '' : 's'}; nothing was imported.`, 'IMPORT_REJECTED');
    this.issues = issues;
  }
}

type Outcome = 'CREATED' | 'UPDATED' | 'UNCHANGED';

interface RowResult {
  row: number;
  code: string;
  outcome: Outcome;
  /** The project's global ID; null for a project a dry run would create. */
  id: string | null;
  changedFields: string[];
}

interface ImportResult {
  dryRun: boolean;
  rows: RowResult[];
}

const ImportOutcomeRef = builder.enumType('ImportOutcome', {
  description: 'What an import did, or would do, with one row.',
  values: {
    CREATED: { description: 'No project had the code: a new one was created.' },
    UPDATED: { description: 'The project with the code was changed to match the row.' },
    UNCHANGED: { description: 'The project already matched the row: nothing was written.' },
  } as const,
});

const ImportRowIssueRef = builder.objectRef<ImportRowIssue>('ImportRowIssue').implement({
  description: 'One problem with one row of an import.',
  fields: (t) => ({
    row: t.exposeInt('row', { description: 'The row\'s number as sent in `row` (e.g. its spreadsheet row), else its position from 1.' }),
    code: t.exposeString('code', { nullable: true, description: 'The project code on the row, when it has one.' }),
    field: t.exposeString('field', { nullable: true, description: 'The field (column) at fault, e.g. `campaign`; null when the whole row is.' }),
    message: t.exposeString('message', { description: 'What is wrong, in a sentence for a person.' }),
  }),
});

builder.objectType(ImportRejectedError, {
  name: 'ImportRejectedError',
  description: 'At least one row was refused, so nothing was imported; `issues` names every problem by row.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ImportRejectedError,
  fields: (t) => ({
    issues: t.field({ type: [ImportRowIssueRef], description: 'Every problem found, in row order.', resolve: (e) => e.issues }),
  }),
});

const ImportedProjectRef = builder.objectRef<RowResult>('ImportedProjectRow').implement({
  description: 'One row of an import and what became of it.',
  fields: (t) => ({
    row: t.exposeInt('row', { description: 'The row\'s number as sent, else its position from 1.' }),
    code: t.exposeString('code', { description: 'The project code.' }),
    outcome: t.field({ type: ImportOutcomeRef, description: 'Created, updated or unchanged.', resolve: (r) => r.outcome }),
    projectId: t.exposeID('id', { nullable: true, description: 'The project\'s global ID; null for a project a dry run would create.' }),
    changedFields: t.exposeStringList('changedFields', { description: 'For an update, the fields that change; empty otherwise.' }),
  }),
});

const ImportProjectsSuccess = builder.objectRef<ImportResult>('ImportProjectsSuccess').implement({
  description: 'Every row was valid. Unless `dryRun`, all were written in one transaction, each created or updated project with its audit event.',
  fields: (t) => ({
    dryRun: t.exposeBoolean('dryRun', { description: 'True when nothing was written: the outcomes are what an import would do.' }),
    created: t.int({ description: 'Rows that created a project.', resolve: (r) => r.rows.filter((x) => x.outcome === 'CREATED').length }),
    updated: t.int({ description: 'Rows that changed a project.', resolve: (r) => r.rows.filter((x) => x.outcome === 'UPDATED').length }),
    unchanged: t.int({ description: 'Rows that matched their project already.', resolve: (r) => r.rows.filter((x) => x.outcome === 'UNCHANGED').length }),
    rows: t.field({ type: [ImportedProjectRef], description: 'Each row\'s outcome, in the order sent.', resolve: (r) => r.rows }),
  }),
});

// ---- inputs -----------------------------------------------------------------

const ImportProjectRowInput = builder.inputType('ImportProjectRowInput', {
  description:
    'One project as a spreadsheet row holds it. A field left out leaves an existing project\'s value as it is; null clears an optional one. Related records are named by their codes.',
  fields: (t) => ({
    row: t.int({ description: 'Its number in the source (e.g. the spreadsheet row), echoed in results and issues; default its position from 1.' }),
    code: t.string({ required: true, description: 'The project\'s code: an existing project with it is updated, otherwise one is created.' }),
    nameZh: t.string({ required: true, description: 'Name in Chinese.' }),
    nameEn: t.string({ required: true, description: 'Name in English.' }),
    summaryZh: t.string({ description: 'What it is, in Chinese.' }),
    summaryEn: t.string({ description: 'What it is, in English.' }),
    campaign: t.string({ required: true, description: 'The campaign\'s code.' }),
    cluster: t.string({ description: 'The industry cluster\'s code.' }),
    sector: t.string({ description: 'The sector\'s code.' }),
    park: t.string({ description: 'The park\'s code.' }),
    organisations: t.stringList({ description: 'Codes of all the organisations behind it.' }),
    platforms: t.stringList({ description: 'Codes of all the platforms it belongs to.' }),
    stage: t.field({
      type: ProjectStageRef,
      description: 'Its stage: sets a new project\'s stage (default NEGOTIATING); for an existing one it must be its current stage, since moves are dated events (recordProjectStageChange).',
    }),
    targetStage: t.field({ type: ProjectStageRef, description: 'The stage it must reach this period.' }),
    targetDate: t.field({ type: 'Date', description: 'When it must reach the target stage.' }),
    plannedInvestment: t.field({ type: 'Decimal', description: 'Planned fixed-asset investment in yuan, e.g. "350000000".' }),
    isKeyProject: t.boolean({ description: 'One of the key projects (default true for a new project).' }),
    inFiveYearPlan: t.boolean({ description: 'Submitted for the 14th Five-Year Plan (default false for a new project).' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it (default PUBLIC for a new project).' }),
    investmentVisibility: t.field({ type: VisibilityRef, description: 'Who may see its investment figures (default INTERNAL for a new project).' }),
  }),
});

const ImportProjectsInput = builder.inputType('ImportProjectsInput', {
  description: `Projects to create or update by code, all or none: at most ${MAX_IMPORT_ROWS} rows a call.`,
  fields: (t) => ({
    rows: t.field({ type: [ImportProjectRowInput], required: true, description: `The rows, at most ${MAX_IMPORT_ROWS}; each code once.` }),
    dryRun: t.boolean({ defaultValue: false, description: 'Check every row and report what would happen, writing nothing.' }),
    programme: t.string({ description: 'The programme new projects join; default the one whose period started last. Existing projects keep theirs.' }),
  }),
});

const rowSchema = z.object({
  code: rules.code,
  nameZh: rules.nameZh,
  nameEn: rules.nameEn,
  summaryZh: rules.text.nullish(),
  summaryEn: rules.text.nullish(),
  campaign: z.string().trim().min(1, 'must not be empty'),
  cluster: z.string().trim().nullish(),
  sector: z.string().trim().nullish(),
  park: z.string().trim().nullish(),
  organisations: rules.codes.nullish(),
  platforms: rules.codes.nullish(),
  stage: z.enum(ProjectStage).nullish(),
  targetStage: z.enum(ProjectStage).nullish(),
  targetDate: rules.day.nullish(),
  plannedInvestment: rules.money.nullish(),
  isKeyProject: z.boolean().nullish(),
  inFiveYearPlan: z.boolean().nullish(),
  visibility: z.enum(Visibility).nullish(),
  investmentVisibility: z.enum(Visibility).nullish(),
});
type Row = z.infer<typeof rowSchema> & { row: number };

// ---- the import -------------------------------------------------------------

/** The fields compared and written, in the order results name them. */
const FIELDS = [
  'nameZh', 'nameEn', 'summaryZh', 'summaryEn', 'campaign', 'cluster', 'sector', 'park', 'organisations', 'platforms',
  'targetStage', 'targetDate', 'plannedInvestment', 'isKeyProject', 'inFiveYearPlan', 'visibility', 'investmentVisibility',
] as const;
type Field = (typeof FIELDS)[number];

/** The codes of every related record the batch names, resolved to IDs in one query per kind. */
interface Lookups {
  campaign: Map<string, string>;
  cluster: Map<string, string>;
  sector: Map<string, string>;
  park: Map<string, string>;
  organisations: Map<string, string>;
  platforms: Map<string, string>;
}

const existingInclude = {
  campaign: { select: { code: true } },
  cluster: { select: { code: true } },
  sector: { select: { code: true } },
  park: { select: { code: true } },
  organisations: { select: { code: true }, orderBy: { code: 'asc' } },
  platforms: { select: { code: true }, orderBy: { code: 'asc' } },
} satisfies Prisma.ProjectInclude;
type Existing = Prisma.ProjectGetPayload<{ include: typeof existingInclude }>;

/** A project's fields as an import row would state them, for comparing and for the audit trail. */
function asRow(p: Existing): Record<Field, unknown> & { code: string; stage: ProjectStage } {
  return {
    code: p.code,
    stage: p.stage,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    summaryZh: p.summaryZh,
    summaryEn: p.summaryEn,
    campaign: p.campaign.code,
    cluster: p.cluster?.code ?? null,
    sector: p.sector?.code ?? null,
    park: p.park?.code ?? null,
    organisations: p.organisations.map((o) => o.code),
    platforms: p.platforms.map((o) => o.code),
    targetStage: p.targetStage,
    targetDate: p.targetDate && day(p.targetDate),
    plannedInvestment: p.plannedInvestment && p.plannedInvestment.toFixed(2),
    isKeyProject: p.isKeyProject,
    inFiveYearPlan: p.inFiveYearPlan,
    visibility: p.visibility,
    investmentVisibility: p.investmentVisibility,
  };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** A row's value in the same form as `asRow`'s, or undefined when the row leaves the field out. */
function rowValue(row: Row, field: Field): unknown {
  const value = row[field];
  if (value === undefined) return undefined;
  if (value === null) return field === 'organisations' || field === 'platforms' ? [] : null;
  if (value instanceof Date) return day(value);
  if (field === 'plannedInvestment') return new Prisma.Decimal(value as string).toFixed(2);
  if (Array.isArray(value)) return [...new Set(value)].sort();
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
  return a === b;
}

async function lookups(tx: Tx, rows: Row[]): Promise<Lookups> {
  const codes = (pick: (r: Row) => (string | null | undefined)[]) => [...new Set(rows.flatMap(pick).filter((c): c is string => !!c))];
  const byCode = (found: { id: string; code: string }[]) => new Map(found.map((f) => [f.code, f.id]));
  const select = { id: true, code: true } as const;
  const [campaign, cluster, sector, park, organisations, platforms] = await Promise.all([
    tx.campaign.findMany({ where: { code: { in: codes((r) => [r.campaign]) } }, select }),
    tx.industryCluster.findMany({ where: { code: { in: codes((r) => [r.cluster]) } }, select }),
    tx.sector.findMany({ where: { code: { in: codes((r) => [r.sector]) } }, select }),
    tx.park.findMany({ where: { code: { in: codes((r) => [r.park]) } }, select }),
    tx.organisation.findMany({ where: { code: { in: codes((r) => r.organisations ?? []) } }, select }),
    tx.platform.findMany({ where: { code: { in: codes((r) => r.platforms ?? []) } }, select }),
  ]);
  return {
    campaign: byCode(campaign),
    cluster: byCode(cluster),
    sector: byCode(sector),
    park: byCode(park),
    organisations: byCode(organisations),
    platforms: byCode(platforms),
  };
}

const RECORD_NAMES: Record<keyof Lookups, string> = {
  campaign: 'campaign',
  cluster: 'industry cluster',
  sector: 'sector',
  park: 'park',
  organisations: 'organisation',
  platforms: 'platform',
};

/** Every problem of the batch that needs the database: unknown codes, stage moves, archived projects. */
function checkAgainstDatabase(rows: Row[], found: Lookups, existing: Map<string, Existing>): ImportRowIssue[] {
  const issues: ImportRowIssue[] = [];
  for (const row of rows) {
    const issue = (field: string | null, message: string) => issues.push({ row: row.row, code: row.code, field, message });
    for (const field of ['campaign', 'cluster', 'sector', 'park'] as const) {
      const code = row[field];
      if (code && !found[field].has(code)) issue(field, `no ${RECORD_NAMES[field]} has the code "${code}"`);
    }
    for (const field of ['organisations', 'platforms'] as const) {
      const missing = (row[field] ?? []).filter((code) => !found[field].has(code));
      if (missing.length) issue(field, `no ${RECORD_NAMES[field]} has the code${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`);
    }
    const project = existing.get(row.code);
    if (project?.archivedAt) issue(null, `project ${row.code} is archived; an import does not change archived projects`);
    if (project && row.stage && row.stage !== project.stage) {
      issue('stage', `project ${row.code} is ${project.stage}, not ${row.stage}; record a stage move with its date (recordProjectStageChange) rather than by import`);
    }
  }
  return issues;
}

function relationData(row: Row, found: Lookups) {
  const id = (field: 'campaign' | 'cluster' | 'sector' | 'park') => {
    const code = row[field];
    return code === undefined ? undefined : code === null ? null : found[field].get(code)!;
  };
  const connect = (field: 'organisations' | 'platforms') => {
    const codes = row[field];
    return codes === undefined ? undefined : [...new Set(codes ?? [])].map((code) => ({ id: found[field].get(code)! }));
  };
  return { campaignId: id('campaign'), clusterId: id('cluster'), sectorId: id('sector'), parkId: id('park'), organisations: connect('organisations'), platforms: connect('platforms') };
}

function scalarData(row: Row, changed: readonly Field[] | typeof FIELDS) {
  const pick = <F extends Field>(field: F) => (changed.includes(field) ? row[field] : undefined);
  return {
    nameZh: pick('nameZh'),
    nameEn: pick('nameEn'),
    summaryZh: pick('summaryZh'),
    summaryEn: pick('summaryEn'),
    targetStage: pick('targetStage'),
    targetDate: pick('targetDate'),
    plannedInvestment: pick('plannedInvestment'),
    isKeyProject: pick('isKeyProject') ?? undefined,
    inFiveYearPlan: pick('inFiveYearPlan') ?? undefined,
    visibility: pick('visibility') ?? undefined,
    investmentVisibility: pick('investmentVisibility') ?? undefined,
  };
}

/** Fields that may not be cleared: null in a row leaves them as they are on an update, and takes the default on a create. */
const NOT_CLEARABLE = new Set<Field>(['isKeyProject', 'inFiveYearPlan', 'visibility', 'investmentVisibility']);

function changedFields(row: Row, before: ReturnType<typeof asRow>): Field[] {
  return FIELDS.filter((field) => {
    const wanted = rowValue(row, field);
    if (wanted === undefined || (wanted === null && NOT_CLEARABLE.has(field))) return false;
    return !sameValue(wanted, before[field]);
  });
}

/**
 * Checks the well-formed rows against the database, and refuses the batch
 * with every issue (`formIssues` from `parseRows` too, so that one answer
 * names them all); otherwise writes them, unless `dryRun`.
 */
async function importRows(
  ctx: Context,
  rows: Row[],
  formIssues: ImportRowIssue[],
  dryRun: boolean,
  programmeCode: string | null | undefined,
): Promise<{ result: ImportResult; events: string[] }> {
  return ctx.prisma.$transaction(
    async (tx) => {
      const programme = programmeCode
        ? await tx.programme.findUnique({ where: { code: programmeCode }, select: { id: true } })
        : await tx.programme.findFirst({ orderBy: { periodStart: 'desc' }, select: { id: true } });
      if (!programme) {
        throw new ValidationError([{ path: ['input', 'programme'], message: programmeCode ? `no programme has the code "${programmeCode}"` : 'there is no programme to import into' }]);
      }
      const found = await lookups(tx, rows);
      const codes = rows.map((r) => r.code);
      // Locked until commit before they are read, so that two imports of the
      // same projects take turns and each compares against what the other wrote.
      await tx.$executeRaw`SELECT 1 FROM "Project" WHERE code = ANY(${codes}::text[]) FOR NO KEY UPDATE`;
      const current = await tx.project.findMany({ where: { code: { in: codes } }, include: existingInclude });
      const existing = new Map(current.map((p) => [p.code, p]));
      const issues = [...formIssues, ...checkAgainstDatabase(rows, found, existing)];
      // In row order; within a row, the order the checks ran (stable sort).
      if (issues.length) throw new ImportRejectedError(issues.sort((a, b) => a.row - b.row));

      const results: RowResult[] = [];
      const audit: Prisma.AuditEventCreateManyInput[] = [];
      const event = (action: string, recordId: string, code: string, before: unknown, after: unknown): Prisma.AuditEventCreateManyInput => ({
        apiKeyId: ctx.caller.apiKeyId,
        holder: ctx.caller.holder,
        role: ctx.caller.role,
        action,
        recordType: 'Project',
        recordId,
        recordCode: code,
        before: toJson(before),
        after: toJson(after),
        requestId: ctx.requestId,
      });

      // New projects in one statement, and their links in one statement per
      // kind: row by row, a thousand creates took ten seconds.
      const toCreate = rows.filter((row) => !existing.has(row.code));
      const createdIds = new Map<string, string>();
      if (!dryRun && toCreate.length) {
        const created = await tx.project.createManyAndReturn({
          data: toCreate.map((row) => {
            const relations = relationData(row, found);
            return {
              ...scalarData(row, FIELDS),
              code: row.code,
              nameZh: row.nameZh,
              nameEn: row.nameEn,
              programmeId: programme.id,
              campaignId: relations.campaignId!,
              clusterId: relations.clusterId,
              sectorId: relations.sectorId,
              parkId: relations.parkId,
              stage: row.stage ?? 'NEGOTIATING',
            };
          }),
        });
        for (const project of created) createdIds.set(project.code, project.id);
        await linkNew(tx, toCreate, found, createdIds);
        const byCode = new Map(toCreate.map((row) => [row.code, row]));
        for (const project of created) {
          const row = byCode.get(project.code)!;
          const codes = (field: 'organisations' | 'platforms') => [...new Set(row[field] ?? [])].sort();
          audit.push(event('create', project.id, project.code, null, { ...project, organisations: codes('organisations'), platforms: codes('platforms') }));
        }
      }

      for (const row of rows) {
        const before = existing.get(row.code);
        const relations = relationData(row, found);
        if (!before) {
          const id = createdIds.get(row.code);
          results.push({ row: row.row, code: row.code, outcome: 'CREATED', id: id ? encodeGlobalID('Project', id) : null, changedFields: [] });
          continue;
        }
        const changes = changedFields(row, asRow(before));
        if (changes.length === 0) {
          results.push({ row: row.row, code: row.code, outcome: 'UNCHANGED', id: encodeGlobalID('Project', before.id), changedFields: [] });
          continue;
        }
        if (!dryRun) {
          const has = (field: Field) => changes.includes(field);
          const after = await tx.project.update({
            where: { id: before.id },
            data: {
              ...scalarData(row, changes),
              campaignId: has('campaign') ? relations.campaignId! : undefined,
              clusterId: has('cluster') ? relations.clusterId : undefined,
              sectorId: has('sector') ? relations.sectorId : undefined,
              parkId: has('park') ? relations.parkId : undefined,
              organisations: has('organisations') ? { set: relations.organisations } : undefined,
              platforms: has('platforms') ? { set: relations.platforms } : undefined,
              version: { increment: 1 },
            },
            include: existingInclude,
          });
          audit.push(event('update', before.id, before.code, withoutRelations(before), withoutRelations(after)));
        }
        results.push({ row: row.row, code: row.code, outcome: 'UPDATED', id: encodeGlobalID('Project', before.id), changedFields: changes });
      }

      const events = audit.length ? await tx.auditEvent.createManyAndReturn({ data: audit, select: { id: true } }) : [];
      return { result: { dryRun, rows: results }, events: events.map((e) => e.id) };
    },
    // A thousand rows take seconds on the embedded database; Prisma's default of 5 s is too short.
    { maxWait: 10_000, timeout: 120_000 },
  ).catch((error: unknown) => {
    // Two imports creating the same new code at once: the second finds it taken at commit.
    if (isUniqueViolation(error)) throw new ConflictError('Another request created one of these projects at the same time; nothing was imported. Run the import again.');
    throw error;
  });
}

/**
 * Links new projects to their organisations and platforms. Prisma's
 * createMany cannot write many-to-many links, so they go straight into its
 * implicit link tables (`_<A>To<B>`, "A" the model first by name), one
 * statement each.
 */
async function linkNew(tx: Tx, rows: Row[], found: Lookups, ids: Map<string, string>) {
  for (const [field, table] of [['organisations', '_OrganisationToProject'], ['platforms', '_PlatformToProject']] as const) {
    const pairs = rows.flatMap((row) => [...new Set(row[field] ?? [])].map((code) => [found[field].get(code)!, ids.get(row.code)!] as const));
    if (!pairs.length) continue;
    await tx.$executeRawUnsafe(
      `INSERT INTO "${table}" ("A", "B") SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
      pairs.map(([a]) => a),
      pairs.map(([, b]) => b),
    );
  }
}

/** A project as the audit trail keeps it: its columns and the codes of its organisations and platforms (as updateProject records it). */
function withoutRelations(p: Existing) {
  const { campaign: _c, cluster: _cl, sector: _s, park: _p, organisations, platforms, ...row } = p;
  return { ...row, organisations: organisations.map((o) => o.code), platforms: platforms.map((o) => o.code) };
}

/**
 * Field rules and duplicate codes: everything that can be checked without the
 * database. Each field is checked on its own, so that a row with one bad field
 * is still checked against the database on its others.
 */
function parseRows(raw: readonly (Record<string, unknown> & { row?: number | null })[]): { rows: Row[]; issues: ImportRowIssue[] } {
  const issues: ImportRowIssue[] = [];
  const rows: Row[] = [];
  const firstRowOf = new Map<string, number>();
  const shape = rowSchema.shape;
  raw.forEach((input, index) => {
    const row = input.row ?? index + 1;
    const code = typeof input['code'] === 'string' ? input['code'].trim() : null;
    const parsed: Record<string, unknown> = { row };
    for (const field of Object.keys(shape) as (keyof typeof shape)[]) {
      const result = shape[field].safeParse(input[field]);
      if (result.success) parsed[field] = result.data;
      else for (const issue of result.error.issues) issues.push({ row, code, field, message: issue.message });
    }
    if (code) {
      const first = firstRowOf.get(code);
      if (first !== undefined) issues.push({ row, code, field: 'code', message: `the code ${code} is also on row ${first}; each project once per import` });
      else firstRowOf.set(code, row);
    }
    // With issues it is only checked further, never written: the batch is refused.
    rows.push(parsed as Row);
  });
  return { rows, issues };
}

builder.mutationFields((t) => ({
  importProjects: t.field({
    type: ImportProjectsSuccess,
    description: `Creates or updates many projects by code, all in one transaction: every row is checked first and one bad row imports nothing (ImportRejectedError lists every problem by row). A row that matches its project writes nothing, so importing the same rows twice changes nothing the second time. Each created or updated project gets its audit event. At most ${MAX_IMPORT_ROWS} rows a call. Editors and administrators only.`,
    authScopes: { editor: true },
    errors: {
      types: [ImportRejectedError, ValidationError, ForbiddenError, ConflictError],
      directResult: true,
      union: { name: 'ImportProjectsPayload', description: 'The outcome of importProjects: each row\'s outcome, or why nothing was imported.' },
    },
    args: { input: t.arg({ type: ImportProjectsInput, required: true, description: 'The rows, and whether to write them.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { rows: raw } = parseInput(z.object({ rows: z.array(z.unknown()).min(1, 'must hold at least one row').max(MAX_IMPORT_ROWS, `may hold at most ${MAX_IMPORT_ROWS} rows; split the file`) }), input);
      const { rows, issues } = parseRows(raw as (Record<string, unknown> & { row?: number | null })[]);
      const { result, events } = await importRows(ctx, rows, issues, input.dryRun ?? false, input.programme);
      for (const auditEventId of events) ctx.pubsub.publish('auditEvent', { auditEventId });
      return result;
    },
  }),
}));
