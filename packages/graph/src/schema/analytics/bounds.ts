import { CadenceActivity, OriginGroup, ProjectStage } from '@zonegraph/db';
import { UserInputError } from '../../errors.ts';
import { MAX_PERIODS } from './period.ts';

// How many rows a report's lists can hold, for the edge's cost check before
// anything runs (apps/api, plugins/cost.ts reads `extensions.cost`). Bounds
// set by the arguments and the schema are exact upper bounds; the number of a
// programme's campaigns, clusters, sectors, parks or responsible units is the
// data's, so the groups lists are capped (RECORDS_PER_DIMENSION,
// MAX_PRICED_GROUPS) and the resolvers refuse a report that would hold more
// (`withinBound`, REPORT_TOO_LARGE): what is priced is a true upper bound.

type Args = Record<string, unknown>;
type Ancestors = ReadonlyMap<string, Args>;

/** What a field declares about its cost; the shape apps/api's cost walk reads. */
export interface CostHints {
  /** The most items this list (not a connection) can hold for these arguments. */
  list?: (args: Args, ancestors: Ancestors) => number;
  /** Points for the rows its statements produce beyond the objects selected. */
  database?: (args: Args, ancestors: Ancestors) => number;
}

export const costHints = (cost: CostHints) => ({ cost });

/** The most records of one kind a report groups by (campaigns, clusters, sectors, parks, responsible units): enforced by `withinBound`. */
export const RECORDS_PER_DIMENSION = 50;
/** The most groups a pipeline report returns, however many dimensions multiply: enforced by `withinBound`. */
export const MAX_PRICED_GROUPS = 1_000;
/** Rows a report statement generates and scans cost less than objects sent: one point per this many. */
export const ROWS_PER_POINT = 10;
/** The longest investment range, in months (investmentReport refuses more). */
export const MAX_MONTHS = 240;

const DAY_MS = 86_400_000;
const asDate = (value: unknown): Date | null => (value instanceof Date ? value : null);

/**
 * The most periods one cadence rule can have: no more than the days from
 * `from` to the earlier of `to` and today (a day past `asOf` covers any time
 * zone), or the longest range allowed when `from` is the programme's.
 */
export function cadenceDays(args: Args | undefined): number {
  const from = asDate(args?.['from']);
  if (!from) return MAX_PERIODS + 1;
  const today = (asDate(args?.['asOf']) ?? new Date()).getTime() + DAY_MS;
  const to = asDate(args?.['to']);
  const end = Math.min(to ? to.getTime() : Number.POSITIVE_INFINITY, today);
  return Math.min(MAX_PERIODS + 1, Math.max(1, Math.floor((end - from.getTime()) / DAY_MS) + 1));
}

export const CADENCE_RULES = Object.keys(CadenceActivity).length;

/** Months an investment range touches: whole months from `from` to `to`, or the longest range allowed. */
export function investmentMonths(args: Args | undefined): number {
  const from = asDate(args?.['from']);
  const to = asDate(args?.['to']);
  if (!from || !to) return MAX_MONTHS;
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth() + 1;
  return Math.min(MAX_MONTHS, Math.max(1, months));
}

/** Quarters the months of a range touch: at most one more than a third of them. */
export const investmentQuarters = (args: Args | undefined): number => Math.floor(investmentMonths(args) / 3) + 2;

/** Values a pipeline dimension can take, null included where a project may have none. */
const dimensionSize: Record<string, number> = {
  STAGE: Object.keys(ProjectStage).length,
  TARGET_STAGE: Object.keys(ProjectStage).length + 1,
  ORIGIN_GROUP: Object.keys(OriginGroup).length + 1,
};

/** Groups of every combination of the dimensions that occurs: at most the product of their sizes. */
export function pipelineGroupBound(by: unknown): number {
  const dimensions = Array.isArray(by) ? [...new Set(by.map(String))] : [];
  const product = dimensions.reduce((n, d) => n * (dimensionSize[d] ?? RECORDS_PER_DIMENSION + 1), 1);
  return Math.min(MAX_PRICED_GROUPS, product);
}

/** The most moves of an obstacle's or finding's `statusHistory` returned (the earliest), the bound it is priced by. */
export const MAX_STATUS_HISTORY = 50;

/**
 * A report list as priced: one longer than the bound its cost was computed
 * from is refused, so that the requested cost is never below what is sent.
 */
export function withinBound<T>(rows: T[], bound: number, what: string): T[] {
  if (rows.length > bound) {
    throw new UserInputError(
      `${what} would hold ${rows.length} groups, over the ${bound} a report list may hold. Narrow the report with its filter, or group by fewer dimensions.`,
      'REPORT_TOO_LARGE',
      { limit: bound, found: rows.length },
    );
  }
  return rows;
}
