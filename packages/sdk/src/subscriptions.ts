import { createClient as createSseClient, NetworkError } from 'graphql-sse';
import type { PreparedDocument } from './documents.ts';
import { GraphQLResponseError, RateLimitedError, TimeoutError, TransportError } from './errors.ts';
import { backoffMs, isRetryable, retryPolicy, sleep, type RetryOptions } from './retry.ts';
import { describeCause, exchange, isResponseBody, parseRetryAfter, requestBody } from './transport.ts';

export interface SubscriptionOptions {
  /**
   * Reconnecting after the stream broke (the API restarted, a proxy dropped
   * the connection): `attempts` in a row without an event in between
   * (default 5, with backoff and jitter), or false to end with the error.
   * Events published while disconnected are not replayed.
   */
  reconnect?: Omit<RetryOptions, 'mutations'> | false;
  /**
   * A stream silent this long is taken as dead and reopened (default 40 000
   * ms; 0 turns it off). The API sends a keep-alive comment every 12 s, so
   * silence means a connection that broke without closing, e.g. behind a
   * proxy or a NAT that dropped it.
   */
  idleTimeoutMs?: number;
  /** Ends the subscription, like `return()`. */
  signal?: AbortSignal;
  /** Called each time the stream is open: `reconnected` is false the first time. */
  onConnected?: (reconnected: boolean) => void;
  /** Headers for this subscription only. */
  headers?: Record<string, string>;
}

/** The events of one subscription; `for await` over it, `break` (or `close()`) to end it. */
export interface Subscription<TResult> extends AsyncGenerator<TResult, void, undefined> {
  /** Ends the subscription and closes its stream. */
  close(): Promise<void>;
}

export interface SubscribeRequest {
  url: string;
  fetch: typeof globalThis.fetch;
  headers: Record<string, string>;
  document: PreparedDocument;
  variables: unknown;
  persisted: boolean;
  /** For opening the stream only; an open stream may stay quiet for hours. */
  timeoutMs: number;
  options: SubscriptionOptions;
}

/**
 * A subscription over server-sent events (graphql-sse's client, "distinct
 * connections" mode, which yoga serves): a POST with
 * `Accept: text/event-stream`, each `next` event a GraphQL result.
 */
export function subscribe<TResult>(request: SubscribeRequest): Subscription<TResult> {
  const { url, options } = request;
  const idleTimeoutMs = options.idleTimeoutMs ?? 40_000;
  const policy = retryPolicy({ attempts: 5, baseDelayMs: 500, maxDelayMs: 10_000 }, options.reconnect ?? {}, options.reconnect === false ? false : undefined);
  // Why the last attempt to open the stream failed, in the SDK's terms;
  // graphql-sse reports every failure as a NetworkError without the body.
  let failure: unknown;

  const sse = createSseClient({
    url,
    singleConnection: false,
    headers: { ...request.headers, ...options.headers },
    retryAttempts: policy.attempts,
    // Called before each reconnection: refuse to repeat what cannot succeed
    // (a 4xx: a bad document, a revoked key), wait otherwise.
    retry: async (retries) => {
      if (failure !== undefined && !isRetryable(failure)) throw failure;
      const backoff = backoffMs(retries, policy);
      // A rate limit says how long to wait; waiting less would only be refused again.
      const retryAfterMs = failure instanceof RateLimitedError ? (failure.retryAfterSeconds ?? 0) * 1000 : 0;
      await sleep(Math.max(backoff, retryAfterMs));
    },
    on: { connected: (reconnected) => options.onConnected?.(reconnected) },
    fetchFn: async (input: RequestInfo | URL, init?: RequestInit) => {
      failure = undefined;
      // In persisted mode the stream is opened with the document's hash alone.
      const body = JSON.stringify(requestBody(request.document, request.variables, request.persisted));
      const controller = new AbortController();
      const forward = () => controller.abort();
      init?.signal?.addEventListener('abort', forward, { once: true });
      let timedOut = false;
      const timer = Number.isFinite(request.timeoutMs) && request.timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, request.timeoutMs)
        : undefined;
      try {
        const response = await request.fetch(input, { ...init, body, signal: controller.signal });
        if (!response.ok || !/^text\/event-stream\b/i.test(response.headers.get('content-type') ?? '')) {
          failure = await refusal(request, response);
          return response;
        }
        return watchForSilence(response, controller, idleTimeoutMs);
      } catch (cause) {
        failure = timedOut ? new TimeoutError({ url, timeoutMs: request.timeoutMs }) : new TransportError(`Cannot reach ${url}: ${describeCause(cause)}`, { url, cause });
        throw cause;
      } finally {
        clearTimeout(timer);
      }
    },
  });

  const iterator = sse.iterate<TResult>({ query: request.document.query, operationName: request.document.operationName, variables: request.variables as Record<string, unknown> });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await iterator.return?.();
    sse.dispose();
  };
  options.signal?.addEventListener('abort', () => void close(), { once: true });

  async function* events(): AsyncGenerator<TResult, void, undefined> {
    try {
      for (;;) {
        let step: IteratorResult<Awaited<ReturnType<typeof iterator.next>>['value']>;
        try {
          step = await iterator.next();
        } catch (error) {
          if (closed) return;
          throw translate(error, failure, url);
        }
        if (step.done) return;
        const result = step.value;
        if (result.errors && result.errors.length > 0) {
          throw new GraphQLResponseError(result.errors, { data: result.data as TResult | null | undefined, status: 200 });
        }
        if (result.data != null) yield result.data;
      }
    } finally {
      await close();
    }
  }

  const generator = events() as Subscription<TResult>;
  generator.close = async () => {
    await close();
    await generator.return();
  };
  return generator;
}

/**
 * The response, its body aborted after `idleTimeoutMs` without a byte (an
 * event or a keep-alive comment): the broken read makes graphql-sse reconnect.
 */
function watchForSilence(response: Response, controller: AbortController, idleTimeoutMs: number): Response {
  if (!response.body || !Number.isFinite(idleTimeoutMs) || idleTimeoutMs <= 0) return response;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new Error(`no data for ${idleTimeoutMs} ms`)), idleTimeoutMs);
  };
  controller.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  arm();
  const body = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, stream) {
        arm();
        stream.enqueue(chunk);
      },
      flush: () => clearTimeout(timer),
    }),
    { signal: controller.signal },
  );
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * Why the API refused to open the stream. Yoga answers a refusal (a bad key:
 * 401) as a short event stream whose one `next` event carries the errors;
 * other answers go through the query path's classification.
 */
async function refusal(request: SubscribeRequest, response: Response): Promise<unknown> {
  const { url } = request;
  const status = response.status;
  const requestId = response.headers.get('x-request-id') ?? undefined;
  if (!/^text\/event-stream\b/i.test(response.headers.get('content-type') ?? '')) {
    try {
      await exchange({ ...request, get: false, signal: undefined, fetch: async () => response });
      return new TransportError(`${url} answered HTTP ${status} with data where an event stream was expected`, { url, status, requestId });
    } catch (error) {
      return error;
    }
  }
  const text = await response.text().catch(() => '');
  const data = /^event: *next\r?\ndata: *(.*)$/m.exec(text)?.[1];
  let payload: unknown;
  try {
    payload = data ? JSON.parse(data) : undefined;
  } catch {
    // Not JSON: reported below as what it is.
  }
  const errors = isResponseBody(payload) ? (payload.errors ?? []) : [];
  if (status === 429) return new RateLimitedError({ url, retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')), errors, requestId });
  if (errors.length > 0) return new GraphQLResponseError(errors, { data: (payload as { data?: unknown }).data, status, requestId });
  return new TransportError(`${url} refused the event stream with HTTP ${status}`, { url, status, requestId });
}

function translate(error: unknown, failure: unknown, url: string): unknown {
  if (failure !== undefined) return failure;
  if (error instanceof NetworkError) return new TransportError(`The event stream from ${url} broke: ${describeCause(error)}`, { url, status: error.response?.status, cause: error });
  if (error instanceof Error && !(error instanceof GraphQLResponseError)) return new TransportError(`The event stream from ${url} broke: ${describeCause(error)}`, { url, cause: error });
  return error;
}
