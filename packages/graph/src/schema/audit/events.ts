import { Role, type Prisma } from '@zonegraph/db';
import { atLeast, type Caller } from '../../auth.ts';
import { builder } from '../../builder.ts';
import { RoleRef } from '../access/role.ts';

/**
 * Record types only administrators may read (`apiKeys`): an event about one
 * holds the same fields (holder, role, prefix, expiry), so it follows the same rule.
 */
const ADMIN_ONLY_RECORDS = ['ApiKey'];

/** The audit events this caller may read: those about records of a type its role may read. */
export const readableBy = (caller: Caller): Prisma.AuditEventWhereInput =>
  atLeast(caller, Role.ADMIN) ? {} : { recordType: { notIn: ADMIN_ONLY_RECORDS } };

/**
 * Audit events are for editors and administrators, wherever one turns up
 * (`node(id:)` included), and one about an admin-only record for administrators.
 */
export const AuditEventRef = builder.prismaNode('AuditEvent', {
  id: { field: 'id' },
  nullable: true,
  authScopes: (event) => (ADMIN_ONLY_RECORDS.includes(event.recordType) ? { admin: true } : { editor: true }),
  description: 'One successful change, recorded in the same transaction as the change: who made it, when, to which record, and the fields before and after.',
  fields: (t) => ({
    occurredAt: t.expose('occurredAt', { type: 'DateTime', description: 'When the change was made.' }),
    holder: t.exposeString('holder', { description: 'The holder of the API key that made it, or "shell" for changes made from the command line.' }),
    role: t.expose('role', { type: RoleRef, nullable: true, description: 'The role of that key; null when no key was used.' }),
    action: t.exposeString('action', { description: 'What was done, e.g. "create", "update", "archive", "recordStageChange", "revoke".' }),
    recordType: t.exposeString('recordType', { description: 'The kind of record changed, e.g. Project.' }),
    recordId: t.globalID({
      description: 'The changed record\'s ID, as `node(id:)` takes it.',
      resolve: (event) => ({ type: event.recordType, id: event.recordId }),
    }),
    recordCode: t.exposeString('recordCode', { nullable: true, description: 'The changed record\'s code (or an API key\'s prefix), when it has one.' }),
    before: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The record\'s fields before the change; null for a creation.',
      resolve: (event) => event.before,
    }),
    after: t.field({ type: 'JSON', nullable: true, description: 'The record\'s fields after the change.', resolve: (event) => event.after }),
    requestId: t.exposeString('requestId', { nullable: true, description: 'The request that made the change (its `x-request-id`), to find it in the logs.' }),
  }),
});

export interface AuditFilter {
  record?: { typename: string; id: string } | null;
  recordType?: string | null;
  holder?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export function auditWhere(filter: AuditFilter | null | undefined, caller: Caller): Prisma.AuditEventWhereInput {
  const readable = readableBy(caller);
  const where: Prisma.AuditEventWhereInput = {};
  const and: Prisma.AuditEventWhereInput[] = Object.keys(readable).length ? [readable] : [];
  if (!filter) return and.length ? { AND: and } : where;
  if (filter.record) and.push({ recordType: filter.record.typename, recordId: filter.record.id });
  if (filter.recordType) and.push({ recordType: filter.recordType });
  if (filter.holder) and.push({ holder: filter.holder });
  if (filter.action) and.push({ action: filter.action });
  if (filter.from || filter.to) where.occurredAt = { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) };
  if (and.length) where.AND = and;
  return where;
}

const filterFields = {
  recordType: 'Changes to this kind of record, e.g. Project.',
  holder: 'Changes made with the keys of this holder (the whole name).',
  action: 'Changes of this action, e.g. "update".',
  from: 'Changes made at or after this instant.',
  to: 'Changes made before this instant.',
};

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  description: 'Narrows the audit trail; every field given must match.',
  fields: (t) => ({
    record: t.globalID({ description: 'Changes to this record: the ID of any record, e.g. a project\'s.' }),
    recordType: t.string({ description: filterFields.recordType }),
    holder: t.string({ description: filterFields.holder }),
    action: t.string({ description: filterFields.action }),
    from: t.field({ type: 'DateTime', description: filterFields.from }),
    to: t.field({ type: 'DateTime', description: filterFields.to }),
  }),
});

export const AuditEventSubscriptionFilter = builder.inputType('AuditEventSubscriptionFilter', {
  description: 'Which changes to receive as they happen; every field given must match.',
  fields: (t) => ({
    recordType: t.string({ description: filterFields.recordType }),
    holder: t.string({ description: filterFields.holder }),
    action: t.string({ description: filterFields.action }),
    from: t.field({ type: 'DateTime', description: filterFields.from }),
    to: t.field({ type: 'DateTime', description: filterFields.to }),
  }),
});

builder.queryFields((t) => ({
  auditEvents: t.prismaConnection({
    type: 'AuditEvent',
    cursor: 'id',
    authScopes: { editor: true },
    description: 'The audit trail: every successful change, newest first. Editors and administrators only.',
    args: { filter: t.arg({ type: AuditEventFilter, description: 'Which changes to list; all when left out.' }) },
    totalCount: (_root, { filter }, ctx) => ctx.prisma.auditEvent.count({ where: auditWhere(filter, ctx.caller) }),
    resolve: (query, _root, { filter }, ctx) =>
      ctx.prisma.auditEvent.findMany({ ...query, where: auditWhere(filter, ctx.caller), orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }] }),
  }),
}));
