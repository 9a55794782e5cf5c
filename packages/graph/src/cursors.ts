// The cursors this API issues, by the two kinds of connection it has:
// plugin-prisma's for lists of records (every one keyed by its UUID `id`), and
// plugin-relay's offset cursors for lists computed in SQL (analytics).

const recordCursor = /^GPC:S:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const offsetCursor = /^OffsetConnection:(0|[1-9]\d{0,8})$/;

const decode = (cursor: string) => Buffer.from(cursor, 'base64').toString('utf8');

/** Whether a cursor is one this API could have issued for some list (of either kind). */
export const isIssuedCursor = (cursor: string): boolean => {
  const decoded = decode(cursor);
  return recordCursor.test(decoded) || offsetCursor.test(decoded);
};

/** The position an offset cursor names, or null when it is not one this API issues for a computed list. */
export function offsetOfCursor(cursor: string): number | null {
  const match = offsetCursor.exec(decode(cursor));
  return match ? Number(match[1]) : null;
}
