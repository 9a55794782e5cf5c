// A checked row as Prisma writes it, and a project as the audit trail keeps it.
import type { Lookups } from './check.ts';
import type { Existing, Field, FIELDS } from './compare.ts';
import type { Row } from './inputs.ts';

/** The IDs of the records a row names by code; undefined where the row leaves a field out. Only called on checked rows, whose codes all exist. */
export function relationData(row: Row, found: Lookups) {
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

/** The row's own columns among `changed`; a field not in it, or null where it cannot be cleared, is left as it is. */
export function scalarData(row: Row, changed: readonly Field[] | typeof FIELDS) {
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

/** A project as the audit trail keeps it: its columns and the codes of its organisations and platforms (as updateProject records it). */
export function withoutRelations(p: Existing) {
  const { campaign: _c, cluster: _cl, sector: _s, park: _p, organisations, platforms, ...row } = p;
  return { ...row, organisations: organisations.map((o) => o.code), platforms: platforms.map((o) => o.code) };
}
