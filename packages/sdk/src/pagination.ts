/**
 * A function that fetches one page: one of the client's (`client.projects`)
 * or your own around `client.request`. Its first parameter takes `after`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PageFetcher = (variables: any, ...rest: any[]) => Promise<unknown>;

/** The variables of a page fetcher, without the cursor, which paging supplies. */
export type VariablesOf<TFetch extends PageFetcher> = Omit<NonNullable<Parameters<TFetch>[0]>, 'after'> & { after?: string | null };

/** What every connection has: enough to page forwards. */
export interface Connection {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * Every page of a connection, in order, fetched one at a time as the loop
 * asks for them: `fetchPage` is called with the variables and the cursor to
 * start after (null first), `select` picks the connection out of its result.
 *
 * ```ts
 * for await (const page of paginate(client.projects, { first: 100 }, (data) => data.projects)) {
 *   for (const project of page.nodes) …
 * }
 * ```
 *
 * A null connection (e.g. a parent that does not exist) ends the iteration.
 * Breaking out of the loop fetches nothing more.
 */
export async function* paginate<TFetch extends PageFetcher, TConnection extends Connection>(
  fetchPage: TFetch,
  variables: VariablesOf<TFetch>,
  select: (result: Awaited<ReturnType<TFetch>>) => TConnection | null | undefined,
): AsyncGenerator<TConnection, void, undefined> {
  let after: string | null = (variables as { after?: string | null }).after ?? null;
  const seen = new Set<string>();
  for (;;) {
    const connection = select((await fetchPage({ ...variables, after })) as Awaited<ReturnType<TFetch>>);
    if (!connection) return;
    yield connection;
    const { hasNextPage, endCursor } = connection.pageInfo;
    if (!hasNextPage) return;
    // A server that says there is more but gives no new cursor would loop forever.
    if (!endCursor || seen.has(endCursor)) throw new Error(`the connection says it has a next page but gave ${endCursor ? 'the same cursor twice' : 'no endCursor'}`);
    seen.add(endCursor);
    after = endCursor;
  }
}

/** Every node of a connection across all its pages: `paginate`, flattened. */
export async function* paginateNodes<TFetch extends PageFetcher, TNode>(
  fetchPage: TFetch,
  variables: VariablesOf<TFetch>,
  select: (result: Awaited<ReturnType<TFetch>>) => (Connection & { nodes: readonly TNode[] }) | null | undefined,
): AsyncGenerator<TNode, void, undefined> {
  for await (const page of paginate(fetchPage, variables, select)) yield* page.nodes;
}
