// A row against the project it names: which fields it would change. Both are
// brought to one form (codes for related records, days, two-place money) so
// that importing the same rows twice changes nothing the second time.
import { Prisma, ProjectStage } from '@zonegraph/db';
import type { Row } from './inputs.ts';

/** The fields compared and written, in the order results name them. */
export const FIELDS = [
  'nameZh', 'nameEn', 'summaryZh', 'summaryEn', 'campaign', 'cluster', 'sector', 'park', 'organisations', 'platforms',
  'targetStage', 'targetDate', 'plannedInvestment', 'isKeyProject', 'inFiveYearPlan', 'visibility', 'investmentVisibility',
] as const;
export type Field = (typeof FIELDS)[number];

/** What is read of an existing project: its columns and the codes of what it relates to. */
export const existingInclude = {
  campaign: { select: { code: true } },
  cluster: { select: { code: true } },
  sector: { select: { code: true } },
  park: { select: { code: true } },
  organisations: { select: { code: true }, orderBy: { code: 'asc' } },
  platforms: { select: { code: true }, orderBy: { code: 'asc' } },
} satisfies Prisma.ProjectInclude;
export type Existing = Prisma.ProjectGetPayload<{ include: typeof existingInclude }>;

/** A project's fields as an import row would state them, for comparing and for the audit trail. */
export function asRow(p: Existing): Record<Field, unknown> & { code: string; stage: ProjectStage } {
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

/** Fields that may not be cleared: null in a row leaves them as they are on an update, and takes the default on a create. */
const NOT_CLEARABLE = new Set<Field>(['isKeyProject', 'inFiveYearPlan', 'visibility', 'investmentVisibility']);

export function changedFields(row: Row, before: ReturnType<typeof asRow>): Field[] {
  return FIELDS.filter((field) => {
    const wanted = rowValue(row, field);
    if (wanted === undefined || (wanted === null && NOT_CLEARABLE.has(field))) return false;
    return !sameValue(wanted, before[field]);
  });
}
