import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../builder.ts';
import { offsetOfCursor } from '../../cursors.ts';
import { UserInputError } from '../../errors.ts';

/** A record a figure is grouped by or belongs to. */
export interface Label {
  code: string;
  nameZh: string;
  nameEn: string;
}

export const AnalyticsLabelRef = builder.objectRef<Label>('AnalyticsLabel').implement({
  description:
    'A record an analytics figure is grouped by or belongs to (a programme, campaign, cluster, sector or park): its code and names. ' +
    'Look the record itself up by its code.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The record\'s code, e.g. `GZK-2020-C4`.' }),
    nameZh: t.exposeString('nameZh', { description: 'Name in Chinese.' }),
    nameEn: t.exposeString('nameEn', { description: 'Name in English.' }),
  }),
});

/** The label whose columns are `<prefix>Code`, `<prefix>NameZh`, `<prefix>NameEn` in a row; null when the code is. */
export function labelFrom(row: Record<string, unknown>, prefix: string): Label | null {
  const code = row[`${prefix}Code`];
  if (typeof code !== 'string') return null;
  return { code, nameZh: String(row[`${prefix}NameZh`]), nameEn: String(row[`${prefix}NameEn`]) };
}

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/**
 * One page of a list computed in SQL, as a Relay connection with its total.
 * `fetch` reads `limit` rows from `offset` and the total of the whole list
 * (a `count(*) OVER ()` in the same statement); `count` is only asked when the
 * page is empty, since then no row carried the total.
 */
export async function pageOf<T>(
  args: PageArgs,
  fetch: (limit: number, offset: number) => Promise<{ rows: T[]; total: number | null }>,
  count: () => Promise<number>,
) {
  const asked = args.first ?? args.last;
  if (asked != null && asked > MAX_PAGE_SIZE) {
    throw new UserInputError(
      `A page holds at most ${MAX_PAGE_SIZE} items; ${args.first != null ? 'first' : 'last'}: ${asked} asks for ${asked - MAX_PAGE_SIZE} too many. Page with the cursors instead.`,
      'PAGE_SIZE_TOO_LARGE',
      { max: MAX_PAGE_SIZE, requested: asked },
    );
  }
  for (const name of ['after', 'before'] as const) {
    const cursor = args[name];
    // Checked here: plugin-relay would read a negative or foreign one into an OFFSET the database refuses.
    if (cursor != null && offsetOfCursor(cursor) === null) {
      throw new UserInputError(`"${name}" is not a cursor of this list: pass an edge's \`cursor\` or a page's \`endCursor\`/\`startCursor\` from it.`, 'BAD_USER_INPUT', {
        argument: name,
      });
    }
  }
  let total: number | null = null;
  const connection = await resolveOffsetConnection({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE }, async ({ limit, offset }) => {
    const page = await fetch(limit, offset);
    total = page.total;
    return page.rows;
  });
  return { ...connection, totalCount: total ?? (await count()) };
}

export const totalCountField = { description: 'How many items the whole list holds, across all pages.' };

/** Memoises a statement that several fields of one report read, so that it runs once per report. */
export function once<T>(run: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= run());
}

/**
 * Answers what sibling fields of one report ask for with one call: the keys
 * asked for while GraphQL resolves the fields of an object (it calls them one
 * after another before any of them completes) are collected, and `run` gets
 * them all once the current turn of the event loop is over. A key asked for
 * later starts a new batch.
 */
export function batched<K, R>(run: (keys: K[]) => Promise<R>): (key: K) => Promise<R> {
  let pending: { keys: K[]; result: Promise<R> } | undefined;
  return (key) => {
    if (!pending) {
      const keys: K[] = [];
      const result = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        pending = undefined;
        return run(keys);
      });
      pending = { keys, result };
    }
    pending.keys.push(key);
    return pending.result;
  };
}
