import { createHash } from 'node:crypto';

// The cursors this API issues, by the two kinds of connection it has:
// plugin-prisma's for lists of records (every one keyed by its UUID `id`), and
// plugin-relay's offset cursors for lists computed in SQL (analytics).
//
// Each is handed out bound to its list: `L1:<digest>:<inner>`, base64, where
// the digest is of the field's coordinate (`Campaign.projects`) and its
// arguments other than the paging ones. A cursor passed back is checked
// against the list it is passed to, and only its inner cursor reaches the
// resolvers (apps/api, argument-checks), so that a cursor of one list, or of
// the same list filtered or ordered otherwise, is refused rather than read as
// a position in another.

const recordCursor = /^GPC:S:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const offsetCursor = /^OffsetConnection:(0|[1-9]\d{0,8})$/;
const boundCursor = /^L1:([A-Za-z0-9_-]{11}):([A-Za-z0-9+/=]{1,200})$/;

const decode = (cursor: string) => Buffer.from(cursor, 'base64').toString('utf8');
const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The arguments that move along a list rather than choose it. */
export const PAGING_ARGUMENTS: ReadonlySet<string> = new Set(['first', 'last', 'after', 'before']);

/** A value in one spelling whatever the order of its keys; a null reads as an absent argument. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v != null) out[key] = canonical(v);
    }
    return out;
  }
  return typeof value === 'bigint' ? String(value) : value;
}

/** A short digest of the list a cursor belongs to: its field and the arguments that choose its items. */
export function listDigest(coordinate: string, args: Record<string, unknown>): string {
  const choosing: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) if (!PAGING_ARGUMENTS.has(name)) choosing[name] = value;
  return createHash('sha256').update(`${coordinate}\n${JSON.stringify(canonical(choosing))}`).digest('base64url').slice(0, 11);
}

/** The cursor handed out for `inner`, a position in the list `coordinate` with these arguments. */
export function bindCursor(coordinate: string, args: Record<string, unknown>, inner: string): string {
  return encode(`L1:${listDigest(coordinate, args)}:${inner}`);
}

const isInnerCursor = (inner: string) => {
  const decoded = decode(inner);
  return recordCursor.test(decoded) || offsetCursor.test(decoded);
};

function split(cursor: string): { digest: string; inner: string } | null {
  const match = boundCursor.exec(decode(cursor));
  if (!match || !isInnerCursor(match[2]!)) return null;
  return { digest: match[1]!, inner: match[2]! };
}

/** Whether a cursor is one this API could have issued for some list (of either kind). */
export const isIssuedCursor = (cursor: string): boolean => split(cursor) !== null;

/** The inner cursor of one issued for this list with these arguments, or null when it was issued for another. */
export function unbindCursor(coordinate: string, args: Record<string, unknown>, cursor: string): string | null {
  const parts = split(cursor);
  return parts && parts.digest === listDigest(coordinate, args) ? parts.inner : null;
}

/** The position an offset cursor names, or null when it is not one this API issues for a computed list. */
export function offsetOfCursor(cursor: string): number | null {
  const match = offsetCursor.exec(decode(cursor));
  return match ? Number(match[1]) : null;
}
