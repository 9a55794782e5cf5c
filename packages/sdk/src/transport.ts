import type { GraphQLFormattedError } from 'graphql';
import { GraphQLResponseError, RateLimitedError, TimeoutError, TransportError } from './errors.ts';
import type { PreparedDocument } from './documents.ts';

/** Identifies the SDK to the API; the API's CSRF prevention accepts requests carrying it. */
export const CLIENT_HEADER = 'x-zonegraph-client';
export const CLIENT_NAME = 'zonegraph-sdk';

export interface Exchange {
  url: string;
  fetch: typeof globalThis.fetch;
  headers: Record<string, string>;
  document: PreparedDocument;
  variables: unknown;
  /** Send the document's hash instead of its text, when it has one. */
  persisted: boolean;
  /** Queries only: a GET with the request in the URL (cacheable by proxies). */
  get: boolean;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** The request's body: the document, or in persisted mode only its hash (Apollo's wire format). */
export function requestBody(document: PreparedDocument, variables: unknown, persisted: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = { operationName: document.operationName, variables: variables ?? {} };
  if (persisted && document.hash) body['extensions'] = { persistedQuery: { version: 1, sha256Hash: document.hash } };
  else body['query'] = document.query;
  return body;
}

/**
 * One HTTP exchange: resolves with the response's `data`, or rejects with a
 * TransportError, TimeoutError, RateLimitedError or GraphQLResponseError.
 */
export async function exchange(request: Exchange): Promise<unknown> {
  const { url, timeoutMs } = request;
  const body = requestBody(request.document, request.variables, request.persisted);
  let target = url;
  const init: RequestInit = { headers: { ...request.headers } };
  if (request.get) {
    const query = new URL(url);
    for (const [name, value] of Object.entries(body)) {
      if (value !== undefined) query.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
    target = query.toString();
    init.method = 'GET';
  } else {
    init.method = 'POST';
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }

  // One controller for the caller's signal and the timeout, kept until the
  // body is read: a response that starts and then stalls also times out.
  const controller = new AbortController();
  let timedOut = false;
  const timer = Number.isFinite(timeoutMs) && timeoutMs > 0
    ? setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs)
    : undefined;
  const forward = () => controller.abort(request.signal?.reason);
  if (request.signal?.aborted) forward();
  request.signal?.addEventListener('abort', forward, { once: true });
  init.signal = controller.signal;

  const fail = (cause: unknown, status?: number, requestId?: string): never => {
    if (timedOut) throw new TimeoutError({ url, timeoutMs });
    if (request.signal?.aborted) throw request.signal.reason;
    throw new TransportError(`Cannot reach ${url}: ${describeCause(cause)}`, { url, status, requestId, cause });
  };

  try {
    let response: Response;
    try {
      response = await request.fetch(target, init);
    } catch (cause) {
      return fail(cause);
    }

    const status = response.status;
    const requestId = response.headers.get('x-request-id') ?? undefined;
    const contentType = response.headers.get('content-type') ?? '';
    const isGraphQL = /^application\/(graphql-response\+)?json\b/i.test(contentType);

    if (status === 429) {
      let errors: GraphQLFormattedError[] = [];
      if (isGraphQL) {
        const payload = await response.json().catch(() => undefined);
        if (isResponseBody(payload) && payload.errors) errors = payload.errors;
      } else await response.body?.cancel();
      throw new RateLimitedError({ url, retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')), errors, requestId });
    }

    // Both media types carry a GraphQL response; anything else (an HTML 404,
    // a proxy's error page) means this URL is not the API.
    if (!isGraphQL) {
      await response.body?.cancel().catch(() => {});
      throw new TransportError(
        `${url} answered HTTP ${status}${contentType ? ` with ${contentType.split(';')[0]}` : ''}, not a GraphQL response`,
        { url, status, requestId },
      );
    }

    let payload: unknown;
    try {
      payload = await response.json();
    } catch (cause) {
      if (timedOut || request.signal?.aborted) return fail(cause, status, requestId);
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
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', forward);
  }
}

export interface ResponseBody {
  data?: unknown;
  errors?: GraphQLFormattedError[];
}

export function isResponseBody(value: unknown): value is ResponseBody {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { data, errors } = value as Record<string, unknown>;
  if (data === undefined && errors === undefined) return false;
  if (errors !== undefined && !Array.isArray(errors)) return false;
  return data === undefined || data === null || (typeof data === 'object' && !Array.isArray(data));
}

/** `Retry-After` is either seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

// Node's fetch reports "fetch failed" and keeps the reason (ECONNREFUSED, a
// DNS failure) in `cause`; that reason is what a user needs to see.
export function describeCause(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    messages.push(typeof code === 'string' && !current.message.includes(code) ? `${current.message} (${code})` : current.message);
    current = current.cause;
  }
  return messages.length > 0 ? messages.join(': ') : String(error);
}
