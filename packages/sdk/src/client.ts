import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DocumentNode } from 'graphql';
import { prepare } from './documents.ts';
import { operations, subscriptions, type Operations, type Subscriptions } from './operations/index.ts';
import { paginate, paginateNodes, type Connection } from './pagination.ts';
import { delayBeforeRetry, retryPolicy, sleep, type RetryOptions } from './retry.ts';
import { subscribe, type Subscription, type SubscriptionOptions } from './subscriptions.ts';
import { CLIENT_HEADER, CLIENT_NAME, exchange } from './transport.ts';

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string | URL;
  /** Sent as `Authorization: Bearer <apiKey>`; without one the caller is anonymous. */
  apiKey?: string;
  /** Defaults to the platform's `fetch`; pass one to add a proxy, logging or a test double. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers on every request, e.g. `x-request-id`. */
  headers?: Record<string, string>;
  /**
   * How long one attempt may take, response body included, before it fails
   * with TimeoutError (default 30 000 ms; 0 for no limit). For a
   * subscription, how long opening the stream may take.
   */
  timeoutMs?: number;
  /**
   * Retries of queries on network errors, timeouts, 5xx and 429 (default: 2
   * retries, full-jitter exponential backoff from 250 ms, honouring
   * `Retry-After`), or false for none. Mutations are retried only with
   * `mutations: true` here or `retry: true` on the call.
   */
  retry?: RetryOptions | false;
  /**
   * Send the shipped operations as their hashes (Apollo's
   * `extensions.persistedQuery.sha256Hash`, no document text), for an API
   * that accepts only trusted documents. Documents without a hash (your own)
   * are still sent in full.
   */
  persistedDocuments?: boolean;
  /** Send queries as GET requests (cacheable by HTTP caches; short with `persistedDocuments`). */
  getForQueries?: boolean;
  /** Defaults for every subscription. */
  subscriptions?: Pick<SubscriptionOptions, 'reconnect'>;
}

/** Options for one call, after its variables. */
export interface CallOptions {
  /** Abandons the call; it rejects with the signal's reason. */
  signal?: AbortSignal;
  timeoutMs?: number;
  /** This call's retries: `true` also opts a mutation in; `false` turns them off. */
  retry?: RetryOptions | boolean;
  /** Headers for this call only. */
  headers?: Record<string, string>;
}

/**
 * The variables argument: optional when the operation has no required
 * variables (every key optional, or no variables at all), required otherwise.
 * Tested against `{}`, not `object`: only `{}` is assignable to the
 * `{ [key: string]: never }` that codegen emits for an operation without variables.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type VariablesArgs<TVariables> = {} extends TVariables ? [variables?: TVariables] : [variables: TVariables];

/** The variables, then the call's options. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type CallArgs<TVariables, TOptions = CallOptions> = {} extends TVariables
  ? [variables?: TVariables, options?: TOptions]
  : [variables: TVariables, options?: TOptions];

/** Runs any typed document, e.g. one a partner generated from the same schema. */
export type RequestFunction = <TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  ...args: CallArgs<TVariables>
) => Promise<TResult>;

/** Subscribes with any typed subscription document. */
export type SubscribeFunction = <TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  ...args: CallArgs<TVariables, SubscriptionOptions>
) => Subscription<TResult>;

type OperationFunction<TDocument> =
  TDocument extends TypedDocumentNode<infer TResult, infer TVariables>
    ? (...args: CallArgs<TVariables>) => Promise<TResult>
    : never;

type SubscriptionFunction<TDocument> =
  TDocument extends TypedDocumentNode<infer TResult, infer TVariables>
    ? (...args: CallArgs<TVariables, SubscriptionOptions>) => Subscription<TResult>
    : never;

/** One function per query and mutation the SDK ships, named after the root field. */
export type OperationFunctions = { [K in keyof Operations]: OperationFunction<Operations[K]> };

/** One function per subscription the SDK ships, named after the root field. */
export type SubscriptionFunctions = { [K in keyof Subscriptions]: SubscriptionFunction<Subscriptions[K]> };

export type ZonegraphClient = OperationFunctions & {
  /** The endpoint this client talks to. */
  readonly url: string;
  request: RequestFunction;
  subscribe: SubscribeFunction;
  subscriptions: SubscriptionFunctions;
  /** Every page of a connection, as an async iterator: see pagination.ts. */
  paginate: typeof paginate;
  /** Every node of a connection across its pages, as an async iterator. */
  paginateNodes: typeof paginateNodes;
};

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * A client for the zonegraph API. Each function resolves with the operation's
 * `data`, fully typed, or rejects with a `TransportError` (no GraphQL answer),
 * `TimeoutError`, `RateLimitedError` or `GraphQLResponseError` (the answer
 * carried errors). A mutation's own typed errors (ValidationError, …) are
 * data: they resolve.
 */
export function createClient(options: ClientOptions): ZonegraphClient {
  const url = String(options.url);
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const headers: Record<string, string> = {
    accept: 'application/graphql-response+json, application/json',
    ...options.headers,
    [CLIENT_HEADER]: CLIENT_NAME,
  };
  if (options.apiKey) headers['authorization'] = `Bearer ${options.apiKey}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  // Untyped inside: the types are enforced at the functions' signatures.
  async function execute(document: DocumentNode, variables: unknown, call: CallOptions = {}): Promise<unknown> {
    const prepared = prepare(document);
    const isMutation = prepared.kind === 'mutation';
    const policy = retryPolicy(options.retry, call.retry);
    const mayRetry = !isMutation || call.retry === true || policy.mutations;
    for (let retry = 0; ; retry++) {
      try {
        return await exchange({
          url,
          fetch: fetchImpl,
          headers: { ...headers, ...call.headers },
          document: prepared,
          variables,
          persisted: options.persistedDocuments ?? false,
          get: (options.getForQueries ?? false) && prepared.kind === 'query',
          timeoutMs: call.timeoutMs ?? timeoutMs,
          signal: call.signal,
        });
      } catch (error) {
        const delay = mayRetry ? delayBeforeRetry(error, retry, policy) : undefined;
        if (delay === undefined) throw error;
        await sleep(delay, call.signal);
      }
    }
  }

  function open(document: DocumentNode, variables: unknown, call: SubscriptionOptions = {}) {
    return subscribe({
      url,
      fetch: fetchImpl,
      headers,
      document: prepare(document),
      variables: variables ?? {},
      persisted: options.persistedDocuments ?? false,
      timeoutMs,
      options: { reconnect: options.subscriptions?.reconnect, ...call },
    });
  }

  const request = ((document: DocumentNode, variables?: unknown, call?: CallOptions) => execute(document, variables, call)) as RequestFunction;

  const functions = Object.fromEntries(
    Object.entries(operations).map(([name, document]) => [name, (variables?: unknown, call?: CallOptions) => execute(document, variables, call)]),
  ) as unknown as OperationFunctions;

  const subscribeFunction = ((document: DocumentNode, variables?: unknown, call?: SubscriptionOptions) => open(document, variables, call)) as SubscribeFunction;
  const subscriptionFunctions = Object.fromEntries(
    Object.entries(subscriptions).map(([name, document]) => [name, (variables?: unknown, call?: SubscriptionOptions) => open(document, variables, call)]),
  ) as unknown as SubscriptionFunctions;

  return { ...functions, url, request, subscribe: subscribeFunction, subscriptions: subscriptionFunctions, paginate, paginateNodes };
}

export type { Connection, RetryOptions, Subscription, SubscriptionOptions };
