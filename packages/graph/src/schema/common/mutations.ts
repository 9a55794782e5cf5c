import { isLockTimeout, type Prisma } from '@zonegraph/db';
import type { z } from 'zod';
import type { Context } from '../../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';

export type Tx = Prisma.TransactionClient;

/** What a change tells the audit trail. */
export interface Change<T> {
  record: T;
  recordType: string;
  recordId: string;
  recordCode?: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

/**
 * Runs a change and writes its audit event in one transaction, so that a
 * change without its event, or an event without its change, cannot exist;
 * then announces the event. A change that throws writes nothing.
 *
 * A change that waits too long for a row another transaction holds (the
 * database's lock timeout) is a conflict the caller can retry, not a failure of
 * the server.
 */
export async function audited<T>(ctx: Context, change: (tx: Tx) => Promise<Change<T>>, afterCommit?: (record: T) => void): Promise<T> {
  const { record, auditEventId } = await ctx.prisma.$transaction(async (tx) => {
    const done = await change(tx);
    const event = await tx.auditEvent.create({
      data: {
        apiKeyId: ctx.caller.apiKeyId,
        holder: ctx.caller.holder,
        role: ctx.caller.role,
        action: done.action,
        recordType: done.recordType,
        recordId: done.recordId,
        recordCode: done.recordCode ?? null,
        before: toJson(done.before),
        after: toJson(done.after),
        requestId: ctx.requestId,
      },
    });
    return { record: done.record, auditEventId: event.id };
  }, transactionLimits).catch(conflictOnLockTimeout);
  // The change's own announcement first: a revoked key's streams end before its revocation is streamed.
  afterCommit?.(record);
  ctx.pubsub.publish('auditEvent', { auditEventId });
  return record;
}

/**
 * For a write transaction's failure: a wait for a row another transaction
 * holds, given up at the database's lock timeout, is a conflict the caller can
 * retry, not a failure of the server. Anything else is thrown as it is.
 */
export function conflictOnLockTimeout(error: unknown): never {
  if (isLockTimeout(error)) throw new ConflictError('A record is being changed by another request that holds it; nothing was written. Retry in a moment.', null);
  throw error;
}

/**
 * Prisma's default of 5 s for the whole transaction is shorter than one lock
 * wait plus the work (PostgreSQL's lock timeout is 5 s, see openDatabase): a
 * transaction stopped by it would fail as an internal error, where a lock
 * timeout is reported as a conflict.
 */
const transactionLimits = { maxWait: 10_000, timeout: 20_000 };

/** Decimals, dates and nested records as plain JSON for the audit trail; nothing stays SQL NULL. */
export function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Validates an input with its zod schema; every problem becomes an issue with its path. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(result.error.issues.map((issue) => ({ path: ['input', ...issue.path.map(String)], message: issue.message })));
}

/**
 * Applies an update only when the record still has the version the caller
 * read: `count` comes from an `updateMany({ where: { id, version } })`.
 * When nothing was updated, says whether the record is gone or has moved on.
 */
export async function requireVersionMatch(
  count: number,
  current: () => Promise<{ version: number } | null>,
  recordType: string,
  reference: string,
  expected: number,
): Promise<void> {
  if (count === 1) return;
  const now = await current();
  if (!now) throw new NotFoundError(recordType, reference);
  throw new ConflictError(
    `${recordType} ${reference} is at version ${now.version}, not ${expected}: it changed since you read it. Read it again and retry.`,
    now.version,
  );
}

/** Resolves an entity named by its code inside an input, or fails validation at that path. */
export async function idForCode(
  find: (code: string) => Promise<{ id: string } | null>,
  code: string | null | undefined,
  path: string,
  recordType: string,
): Promise<string | null | undefined> {
  if (code === undefined) return undefined;
  if (code === null) return null;
  const found = await find(code);
  if (!found) throw new ValidationError([{ path: ['input', path], message: `no ${recordType} has the code "${code}"` }]);
  return found.id;
}

/** Prisma's unique-constraint failure, for turning a duplicate code into a ConflictError. */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'P2002';
