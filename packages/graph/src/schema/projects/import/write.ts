// The import's one transaction: the rows' projects locked and read, every row
// checked, then (unless a dry run) new projects created and changed ones
// updated, each with its audit event.
import { Prisma } from '@zonegraph/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Context } from '../../../context.ts';
import { ConflictError, ValidationError } from '../../../errors.ts';
import { conflictOnLockTimeout, isUniqueViolation, toJson, type Tx } from '../../common/mutations.ts';
import { checkAgainstDatabase, lookups, type Lookups } from './check.ts';
import { asRow, changedFields, existingInclude, FIELDS, type Field } from './compare.ts';
import { relationData, scalarData, withoutRelations } from './data.ts';
import type { Row } from './inputs.ts';
import { ImportRejectedError, type ImportResult, type ImportRowIssue, type RowResult } from './results.ts';

/**
 * Checks the well-formed rows against the database, and refuses the batch
 * with every issue (`formIssues` from `parseRows` too, so that one answer
 * names them all); otherwise writes them, unless `dryRun`.
 */
export async function importRows(
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
      // A row whose code broke the rules carries none (`parseRows` refused it
      // already); an undefined among the codes would fail the queries below.
      const codes = rows.map((r) => r.code).filter((code) => code !== undefined);
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
    return conflictOnLockTimeout(error);
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
