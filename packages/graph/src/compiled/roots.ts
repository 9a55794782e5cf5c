import type { Context } from '../context.ts';
import { campaignOrder, campaignWhere } from '../schema/campaigns/campaign.ts';
import { projectOrderBy, projectWhere } from '../schema/projects/queries.ts';

/**
 * The root fields a compiled read can answer. A page finds its records the way
 * its resolver does — the same where and order functions, through the caller's
 * visibility-scoped client — reading only their keys, and the compiled
 * statement writes the answer for those keys; a single record is found by its
 * unique column in the compiled statement itself.
 */
export type Root =
  /** One record by a unique column: looked up in the compiled statement itself, under the same visibility rule. */
  | { kind: 'one'; model: string; unique(args: Args): { column: string; value: string } }
  | { kind: 'page'; model: string; rows(args: Args, ctx: Context, take: number): Promise<{ id: string }[]>; count(args: Args, ctx: Context): Promise<number> };

// Arguments arrive coerced by graphql-js against the field's own input types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Args = Record<string, any>;
const ID = { id: true } as const;

export const roots: Record<string, Root> = {
  project: { kind: 'one', model: 'Project', unique: ({ code }) => ({ column: 'code', value: code }) },
  campaign: { kind: 'one', model: 'Campaign', unique: ({ code }) => ({ column: 'code', value: code }) },
  projects: {
    kind: 'page',
    model: 'Project',
    rows: async ({ filter, orderBy }, ctx, take) =>
      ctx.prisma.project.findMany({ where: await projectWhere(filter, ctx), orderBy: projectOrderBy(orderBy), take, select: ID }),
    count: async ({ filter }, ctx) => ctx.prisma.project.count({ where: await projectWhere(filter, ctx) }),
  },
  campaigns: {
    kind: 'page',
    model: 'Campaign',
    rows: ({ filter }, ctx, take) => ctx.prisma.campaign.findMany({ where: campaignWhere(filter), orderBy: campaignOrder, take, select: ID }),
    count: ({ filter }, ctx) => ctx.prisma.campaign.count({ where: campaignWhere(filter) }),
  },
};
