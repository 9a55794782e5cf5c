import { atLeast } from '../../auth.ts';
import { builder } from '../../builder.ts';

interface StatusChangeShape {
  occurredOn: Date;
  note: string | null;
  recordedBy: string;
  createdAt: Date;
}

/**
 * Who moved an issue and why are the zone's internal working notes, even on a
 * public record: the audit trail they came from was for editors only.
 */
const staffOnly = 'For the zone\'s staff (analysts and above): null for partners and anonymous callers.';

/** What a move of an obstacle or an inspection finding records; each kind adds its own statuses. */
export const StatusChange = builder.interfaceRef<StatusChangeShape>('StatusChange').implement({
  description: 'One move of an obstacle or inspection finding from one status to another, as recorded.',
  fields: (t) => ({
    occurredOn: t.field({ type: 'Date', description: 'The day it happened.', resolve: (c) => c.occurredOn }),
    note: t.string({
      nullable: true,
      description: `Why, or what was done. ${staffOnly}`,
      resolve: (c, _args, ctx) => (atLeast(ctx.caller, 'ANALYST') ? c.note : null),
    }),
    recordedBy: t.string({
      nullable: true,
      description: `The API key holder who recorded it. ${staffOnly}`,
      resolve: (c, _args, ctx) => (atLeast(ctx.caller, 'ANALYST') ? c.recordedBy : null),
    }),
    recordedAt: t.field({ type: 'DateTime', description: 'When it was recorded.', resolve: (c) => c.createdAt }),
  }),
});
