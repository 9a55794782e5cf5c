// Every row is checked before anything is written: first what can be checked
// without the database (field rules, duplicate codes), then what needs it
// (unknown codes, stage moves, archived projects). One answer names them all.
import type { Tx } from '../../common/mutations.ts';
import type { Existing } from './compare.ts';
import { rowSchema, type Row } from './inputs.ts';
import type { ImportRowIssue } from './results.ts';

/**
 * Field rules and duplicate codes: everything that can be checked without the
 * database. Each field is checked on its own, so that a row with one bad field
 * is still checked against the database on its others.
 */
export function parseRows(raw: readonly (Record<string, unknown> & { row?: number | null })[]): { rows: Row[]; issues: ImportRowIssue[] } {
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

/** The codes of every related record the batch names, resolved to IDs in one query per kind. */
export interface Lookups {
  campaign: Map<string, string>;
  cluster: Map<string, string>;
  sector: Map<string, string>;
  park: Map<string, string>;
  organisations: Map<string, string>;
  platforms: Map<string, string>;
}

export async function lookups(tx: Tx, rows: Row[]): Promise<Lookups> {
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
export function checkAgainstDatabase(rows: Row[], found: Lookups, existing: Map<string, Existing>): ImportRowIssue[] {
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
