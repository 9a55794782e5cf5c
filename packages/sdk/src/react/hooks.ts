import type { ResultOf, TypedDocumentNode, VariablesOf } from '@graphql-typed-document-node/core';
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  type UseMutationOptions,
  type UseMutationResult,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { CallArgs } from '../client.ts';
import type { ZonegraphError } from '../errors.ts';
import type { Connection } from '../pagination.ts';
import type { SubscriptionOptions } from '../subscriptions.ts';
import { QUERY_KEY_ROOT, useZonegraphClient, useZonegraphScope } from './context.ts';

// The hooks generated for each shipped operation (./generated/hooks.ts) are
// thin calls to these, which also serve a partner's own typed documents.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDocument = TypedDocumentNode<any, any>;

/** TanStack Query's options for a query hook, less what the hook supplies. */
export type QueryHookOptions<TResult, TData = TResult> = Omit<UseQueryOptions<TResult, ZonegraphError, TData>, 'queryKey' | 'queryFn'>;

/** A query hook's arguments: the variables (optional when none are required), then the options. */
export type QueryHookArgs<TDocument extends AnyDocument, TData = ResultOf<TDocument>> = CallArgs<VariablesOf<TDocument>, QueryHookOptions<ResultOf<TDocument>, TData>>;

/** The query key of an operation, as the hooks build it. */
export function operationQueryKey(scope: string, document: AnyDocument, variables: unknown): readonly unknown[] {
  return [QUERY_KEY_ROOT, scope, operationName(document), variables ?? {}];
}

/** Any typed query document as a TanStack query, through the provider's client. */
export function useOperationQuery<TDocument extends AnyDocument, TData = ResultOf<TDocument>>(
  document: TDocument,
  ...[variables, options]: QueryHookArgs<TDocument, TData>
): UseQueryResult<TData, ZonegraphError> {
  const client = useZonegraphClient();
  const scope = useZonegraphScope();
  return useQuery<ResultOf<TDocument>, ZonegraphError, TData>({
    ...options,
    queryKey: operationQueryKey(scope, document, variables),
    queryFn: ({ signal }) => client.request(document as TypedDocumentNode<ResultOf<TDocument>, Record<string, unknown>>, (variables ?? {}) as Record<string, unknown>, { signal }),
  });
}

/** The variables of a connection's query, less the cursor the hook supplies. */
export type InfiniteVariables<TDocument extends AnyDocument> = Omit<VariablesOf<TDocument>, 'after'>;

export type InfiniteQueryHookOptions<TResult> = Omit<
  UseInfiniteQueryOptions<TResult, ZonegraphError, InfiniteData<TResult, string | null>, readonly unknown[], string | null>,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam'
>;

export type InfiniteQueryHookArgs<TDocument extends AnyDocument> = CallArgs<InfiniteVariables<TDocument>, InfiniteQueryHookOptions<ResultOf<TDocument>>>;

/**
 * A connection's pages as an infinite query: the first page with the
 * variables given, each next one after the last page's `endCursor` while
 * `hasNextPage` (`fetchNextPage()`, `hasNextPage`). `field` names the root
 * field that holds the connection.
 */
export function useConnectionInfiniteQuery<TDocument extends AnyDocument>(
  document: TDocument,
  field: keyof ResultOf<TDocument> & string,
  ...[variables, options]: InfiniteQueryHookArgs<TDocument>
): UseInfiniteQueryResult<InfiniteData<ResultOf<TDocument>, string | null>, ZonegraphError> {
  const client = useZonegraphClient();
  const scope = useZonegraphScope();
  return useInfiniteQuery<ResultOf<TDocument>, ZonegraphError, InfiniteData<ResultOf<TDocument>, string | null>, readonly unknown[], string | null>({
    ...options,
    queryKey: [...operationQueryKey(scope, document, variables), 'infinite'],
    initialPageParam: null,
    queryFn: ({ pageParam, signal }) =>
      client.request(document as TypedDocumentNode<ResultOf<TDocument>, Record<string, unknown>>, { ...(variables as Record<string, unknown>), after: pageParam }, { signal }),
    getNextPageParam: (page) => {
      const connection = (page as Record<string, Connection | null | undefined>)[field];
      return connection?.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null;
    },
  });
}

/** What a mutation hook resolves with: its root field's payload union (success or typed error). */
export type MutationPayload<TDocument extends AnyDocument, TField extends keyof ResultOf<TDocument>> = ResultOf<TDocument>[TField];

export type MutationHookOptions<TPayload, TVariables> = Omit<UseMutationOptions<TPayload, ZonegraphError, TVariables>, 'mutationFn'> & {
  /**
   * After a success (a payload that is not one of the typed errors), mark
   * every zonegraph query of this provider stale and refetch the ones on
   * screen (default true): a change can move records between lists, counts
   * and reports.
   */
  invalidateQueries?: boolean;
};

/**
 * Any typed mutation document as a TanStack mutation. It resolves with the
 * payload of `field`, a union to narrow by `__typename`; a typed error
 * (ValidationError, ConflictError, …) is data, not a failure.
 */
export function useOperationMutation<TDocument extends AnyDocument, TField extends keyof ResultOf<TDocument> & string>(
  document: TDocument,
  field: TField,
  options: MutationHookOptions<MutationPayload<TDocument, TField>, VariablesOf<TDocument>> = {},
): UseMutationResult<MutationPayload<TDocument, TField>, ZonegraphError, VariablesOf<TDocument>> {
  const client = useZonegraphClient();
  const scope = useZonegraphScope();
  const queryClient = useQueryClient();
  const { invalidateQueries = true, onSuccess, ...rest } = options;
  return useMutation<MutationPayload<TDocument, TField>, ZonegraphError, VariablesOf<TDocument>>({
    ...rest,
    mutationFn: async (variables) => {
      const data = await client.request(document as TypedDocumentNode<ResultOf<TDocument>, Record<string, unknown>>, variables as Record<string, unknown>);
      return data[field] as MutationPayload<TDocument, TField>;
    },
    onSuccess: async (payload, ...more) => {
      const typename = (payload as { __typename?: unknown } | null)?.__typename;
      const failed = typeof typename === 'string' && typename.endsWith('Error');
      if (invalidateQueries && !failed) await queryClient.invalidateQueries({ queryKey: [QUERY_KEY_ROOT, scope] });
      await onSuccess?.(payload, ...more);
    },
  });
}

export type SubscriptionStatus = 'connecting' | 'open' | 'closed' | 'error';

export interface SubscriptionHookOptions<TResult> extends Pick<SubscriptionOptions, 'reconnect' | 'idleTimeoutMs' | 'headers'> {
  /** false keeps the stream closed (default true). */
  enabled?: boolean;
  /** Called with each event, in order, as it arrives. */
  onData?: (data: TResult) => void;
}

export interface SubscriptionHookResult<TResult> {
  /** The latest event, or undefined before the first. */
  data: TResult | undefined;
  /** How many events arrived since the stream opened. */
  count: number;
  status: SubscriptionStatus;
  /** Why the subscription ended, when it ended with an error. */
  error: ZonegraphError | undefined;
}

export type SubscriptionHookArgs<TDocument extends AnyDocument> = CallArgs<VariablesOf<TDocument>, SubscriptionHookOptions<ResultOf<TDocument>>>;

/**
 * Any typed subscription document, open while the component is mounted (and
 * `enabled`): its latest event, the number of events and the stream's status.
 * New variables reopen it.
 */
export function useOperationSubscription<TDocument extends AnyDocument>(
  document: TDocument,
  ...[variables, options = {}]: SubscriptionHookArgs<TDocument>
): SubscriptionHookResult<ResultOf<TDocument>> {
  const client = useZonegraphClient();
  const [state, setState] = useState<SubscriptionHookResult<ResultOf<TDocument>>>({ data: undefined, count: 0, status: 'connecting', error: undefined });
  const onData = useRef(options.onData);
  onData.current = options.onData;
  const { enabled = true, reconnect, idleTimeoutMs, headers } = options;
  const variablesKey = JSON.stringify(variables ?? {});
  const settingsKey = JSON.stringify({ reconnect, idleTimeoutMs, headers });
  useEffect(() => {
    if (!enabled) {
      setState((previous) => ({ ...previous, status: 'closed' }));
      return;
    }
    setState({ data: undefined, count: 0, status: 'connecting', error: undefined });
    const subscription = client.subscribe(document as TypedDocumentNode<ResultOf<TDocument>, Record<string, unknown>>, JSON.parse(variablesKey) as Record<string, unknown>, {
      reconnect,
      idleTimeoutMs,
      headers,
      onConnected: () => setState((previous) => ({ ...previous, status: 'open' })),
    });
    let active = true;
    void (async () => {
      try {
        for await (const event of subscription) {
          if (!active) break;
          setState((previous) => ({ data: event, count: previous.count + 1, status: 'open', error: undefined }));
          onData.current?.(event);
        }
        if (active) setState((previous) => ({ ...previous, status: 'closed' }));
      } catch (error) {
        if (active) setState((previous) => ({ ...previous, status: 'error', error: error as ZonegraphError }));
      }
    })();
    return () => {
      active = false;
      void subscription.close();
    };
    // The variables and settings by value: a new object with the same content keeps the stream.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, document, enabled, variablesKey, settingsKey]);
  return state;
}

const names = new WeakMap<AnyDocument, string>();
function operationName(document: AnyDocument): string {
  let name = names.get(document);
  if (name === undefined) {
    const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
    name = operation && 'name' in operation && operation.name ? operation.name.value : 'anonymous';
    names.set(document, name);
  }
  return name;
}
