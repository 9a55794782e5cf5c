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
export async function* paginate<TVariables extends { after?: string | null }, TResult, TConnection extends Connection>(
  fetchPage: (variables: TVariables) => Promise<TResult>,
  variables: TVariables,
  select: (result: TResult) => TConnection | null | undefined,
): AsyncGenerator<TConnection, void, undefined> {
  let after: string | null = variables.after ?? null;
  const seen = new Set<string>();
  for (;;) {
    const connection = select(await fetchPage({ ...variables, after }));
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
export async function* paginateNodes<TVariables extends { after?: string | null }, TResult, TNode>(
  fetchPage: (variables: TVariables) => Promise<TResult>,
  variables: TVariables,
  select: (result: TResult) => (Connection & { nodes: readonly TNode[] }) | null | undefined,
): AsyncGenerator<TNode, void, undefined> {
  for await (const page of paginate(fetchPage, variables, select)) yield* page.nodes;
}
