import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST, print, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { GraphQLResponseError, TransportError } from './errors.ts';
import { operations, type Operations } from './operations/index.ts';

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string | URL;
  /** Sent as `Authorization: Bearer <apiKey>`; without one the caller is anonymous. */
  apiKey?: string;
  /** Defaults to the platform's `fetch`; pass one to add a proxy, logging or a test double. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers on every request, e.g. `x-request-id`. */
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

/** Runs any typed document, e.g. one a partner generated from the same schema. */
export type RequestFunction = <TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  ...args: VariablesArgs<TVariables>
) => Promise<TResult>;

type OperationFunction<TDocument> =
  TDocument extends TypedDocumentNode<infer TResult, infer TVariables>
    ? (...args: VariablesArgs<TVariables>) => Promise<TResult>
    : never;

/** One function per operation the SDK ships, named after the root field it reads. */
export type OperationFunctions = { [K in keyof Operations]: OperationFunction<Operations[K]> };

export type ZonegraphClient = OperationFunctions & {
  /** The endpoint this client talks to. */
  readonly url: string;
  request: RequestFunction;
};

interface PreparedDocument {
  query: string;
  operationName: string | undefined;
}

// Documents are module-level constants: print each once, not once per request.
const prepared = new WeakMap<DocumentNode, PreparedDocument>();

function prepare(document: DocumentNode): PreparedDocument {
  let entry = prepared.get(document);
  if (!entry) {
    entry = { query: print(document), operationName: getOperationAST(document)?.name?.value };
    prepared.set(document, entry);
  }
  return entry;
}

/**
 * A client for the zonegraph API. Each function resolves with the operation's
 * `data`, fully typed, or rejects with a `TransportError` (no GraphQL answer)
 * or a `GraphQLResponseError` (the answer carried errors).
 */
export function createClient(options: ClientOptions): ZonegraphClient {
  const url = String(options.url);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const headers: Record<string, string> = {
    accept: 'application/graphql-response+json, application/json',
    ...options.headers,
    'content-type': 'application/json',
  };
  if (options.apiKey) headers['authorization'] = `Bearer ${options.apiKey}`;

  // Untyped inside: the types are enforced at the functions' signatures.
  async function execute(document: DocumentNode, variables: unknown): Promise<unknown> {
    const { query, operationName } = prepare(document);
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, operationName, variables: variables ?? {} }),
      });
    } catch (cause) {
      throw new TransportError(`Cannot reach ${url}: ${describeCause(cause)}`, { url, cause });
    }

    const status = response.status;
    const requestId = response.headers.get('x-request-id') ?? undefined;
    const contentType = response.headers.get('content-type') ?? '';
    // Both media types carry a GraphQL response; anything else (an HTML 404,
    // a proxy's error page) means this URL is not the API.
    if (!/^application\/(graphql-response\+)?json\b/i.test(contentType)) {
      await response.body?.cancel();
      throw new TransportError(
        `${url} answered HTTP ${status}${contentType ? ` with ${contentType.split(';')[0]}` : ''}, not a GraphQL response`,
        { url, status, requestId },
      );
    }

    let payload: unknown;
    try {
      payload = await response.json();
    } catch (cause) {
      throw new TransportError(`${url} answered HTTP ${status} with a body that is not JSON`, { url, status, requestId, cause });
    }
    if (!isResponseBody(payload)) {
      throw new TransportError(`${url} answered HTTP ${status} with JSON that is not a GraphQL response`, { url, status, requestId });
    }
    if (payload.errors && payload.errors.length > 0) {
      throw new GraphQLResponseError(payload.errors, { data: payload.data, status, requestId });
    }
    if (payload.data == null) {
      throw new TransportError(`${url} answered HTTP ${status} with neither data nor errors`, { url, status, requestId });
    }
    return payload.data;
  }

  const request = ((document: DocumentNode, variables?: unknown) => execute(document, variables)) as RequestFunction;

  const functions = Object.fromEntries(
    Object.entries(operations).map(([name, document]) => [name, (variables?: unknown) => execute(document, variables)]),
  ) as unknown as OperationFunctions;

  return { ...functions, url, request };
}

interface ResponseBody {
  data?: unknown;
  errors?: GraphQLFormattedError[];
}

function isResponseBody(value: unknown): value is ResponseBody {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { data, errors } = value as Record<string, unknown>;
  if (data === undefined && errors === undefined) return false;
  if (errors !== undefined && !Array.isArray(errors)) return false;
  return data === undefined || data === null || (typeof data === 'object' && !Array.isArray(data));
}

// Node's fetch reports "fetch failed" and keeps the reason (ECONNREFUSED, a
// DNS failure) in `cause`; that reason is what a user needs to see.
function describeCause(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    messages.push(typeof code === 'string' && !current.message.includes(code) ? `${current.message} (${code})` : current.message);
    current = current.cause;
  }
  return messages.length > 0 ? messages.join(': ') : String(error);
}
