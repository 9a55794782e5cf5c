import type { Context } from '../context.ts';
import { campaignOrder, campaignWhere } from '../schema/campaigns/campaign.ts';
import { projectOrderBy, projectWhere } from '../schema/projects/queries.ts';

/**
 * The root fields a compiled read can answer. A page finds its records by the
 * same where and order functions its resolver uses — written into the compiled
 * statement when the SQL writer knows every condition, otherwise read as keys
 * through the caller's visibility-scoped client first; a single record is
 * found by its unique column in the compiled statement itself.
 */
export type Root =
  /** One record by a unique column: looked up in the compiled statement itself, under the same visibility rule. */
  | { kind: 'one'; model: string; unique(args: Args): { column: string; value: string } }
  | { kind: 'page'; model: string; where(args: Args, ctx: Context): Promise<Where>; orderBy(args: Args): Where[] };

// Arguments arrive coerced by graphql-js against the field's own input types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Args = Record<string, any>;
type Where = Record<string, unknown>;

export const roots: Record<string, Root> = {
  project: { kind: 'one', model: 'Project', unique: ({ code }) => ({ column: 'code', value: code }) },
  campaign: { kind: 'one', model: 'Campaign', unique: ({ code }) => ({ column: 'code', value: code }) },
  projects: {
    kind: 'page',
    model: 'Project',
    where: async ({ filter }, ctx) => (await projectWhere(filter, ctx)) as Where,
    orderBy: ({ orderBy }) => projectOrderBy(orderBy) as Where[],
  },
  campaigns: {
    kind: 'page',
    model: 'Campaign',
    where: async ({ filter }) => campaignWhere(filter) as Where,
    orderBy: () => campaignOrder as Where[],
  },
};
