import { builder } from '../../builder.ts';
import { visibleEvents } from '../common/subscriptions.ts';
import { AuditEventSubscriptionFilter, auditWhere } from './events.ts';

builder.subscriptionFields((t) => ({
  auditEvents: t.prismaField({
    type: 'AuditEvent',
    authScopes: { editor: true },
    description: 'Each change as it is recorded in the audit trail. Editors and administrators only.',
    args: { filter: t.arg({ type: AuditEventSubscriptionFilter, description: 'Which changes to receive; all when left out.' }) },
    subscribe: (_root, { filter }, ctx) =>
      visibleEvents(ctx, 'auditEvent', ({ auditEventId }) =>
        ctx.prisma.auditEvent.findFirst({ where: { AND: [{ id: auditEventId }, auditWhere(filter, ctx.caller)] }, select: { id: true } }),
      ),
    resolve: (query, event: { id: string }, _args, ctx) => ctx.prisma.auditEvent.findUniqueOrThrow({ ...query, where: { id: event.id } }),
  }),
}));
