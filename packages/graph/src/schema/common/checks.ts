import { ConflictError, ValidationError } from '../../errors.ts';
import { idForCode, isUniqueViolation, type Tx } from './mutations.ts';

/**
 * Runs a write that may hit a unique constraint and says what already exists.
 * Mutations check for duplicates first, to name the field; this catches the
 * one that a concurrent request created in between.
 */
export async function refusingDuplicates<T>(work: () => Promise<T>, message: string | (() => Promise<string>)): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(typeof message === 'string' ? message : await message());
    throw error;
  }
}

/** The programme named by code, or by default the one whose period started last. */
export async function programmeIdOrLatest(tx: Tx, code: string | null | undefined): Promise<string> {
  const id =
    (await idForCode((c) => tx.programme.findUnique({ where: { code: c } }), code, 'programme', 'programme')) ??
    (await tx.programme.findFirst({ orderBy: { periodStart: 'desc' }, select: { id: true } }))?.id;
  if (!id) throw new ValidationError([{ path: ['input', 'programme'], message: 'there is no programme yet' }]);
  return id;
}

/**
 * Refuses a parent that is the record itself or lies beneath it: walking up
 * from the new parent must never reach the record.
 */
export async function refuseCycle(
  parentOf: (id: string) => Promise<{ code: string; parentId: string | null } | null>,
  recordId: string,
  parentId: string | null | undefined,
  label: string,
): Promise<void> {
  const chain: string[] = [];
  // A bound, so that a cycle already in the data cannot hang the request.
  for (let id = parentId; id && chain.length < 1000; ) {
    const node = await parentOf(id);
    if (!node) return;
    chain.push(node.code);
    if (id === recordId) {
      const message =
        chain.length === 1
          ? `a ${label} cannot be part of itself`
          : `${chain[0]} is already part of this ${label} (${chain.join(' → ')}), so it cannot be its parent`;
      throw new ValidationError([{ path: ['input', 'parent'], message }]);
    }
    id = node.parentId;
  }
}

/** Today in a time zone, as a UTC midnight date like the Date scalar's. */
export function todayIn(timeZone: string, now = new Date()): Date {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return new Date(`${day}T00:00:00Z`);
}
