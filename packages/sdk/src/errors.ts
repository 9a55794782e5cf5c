import type { GraphQLFormattedError } from 'graphql';

/** Every error the SDK throws is one of these; catch this to catch them all. */
export class ZonegraphError extends Error {
  override readonly name: string = 'ZonegraphError';
}

export interface TransportErrorDetails {
  url: string;
  /** The HTTP status, when a response arrived at all. */
  status?: number;
  /** The API's request id (`x-request-id`), when the response carried one. */
  requestId?: string;
  cause?: unknown;
}

/**
 * No GraphQL answer came back: the API could not be reached, or something
 * other than a GraphQL response arrived (a 404 page, a proxy's 502, HTML).
 * `status` is undefined when there was no response at all.
 */
export class TransportError extends ZonegraphError {
  override readonly name: string = 'TransportError';
  readonly url: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;

  constructor(message: string, details: TransportErrorDetails) {
    super(message, { cause: details.cause });
    this.url = details.url;
    this.status = details.status;
    this.requestId = details.requestId;
  }
}

export interface GraphQLResponseErrorDetails<TData> {
  /** Whatever data arrived beside the errors; fields that failed are null. */
  data: TData | null | undefined;
  status: number;
  requestId?: string;
}

/**
 * The API answered, and its answer carried `errors`. The SDK never returns a
 * result that has errors: this error keeps both the errors (each with its
 * `extensions.code`, e.g. `BAD_USER_INPUT`) and the partial data.
 */
export class GraphQLResponseError<TData = unknown> extends ZonegraphError {
  override readonly name = 'GraphQLResponseError';
  readonly errors: readonly GraphQLFormattedError[];
  readonly data: TData | null | undefined;
  readonly status: number;
  readonly requestId: string | undefined;

  constructor(errors: readonly GraphQLFormattedError[], details: GraphQLResponseErrorDetails<TData>) {
    super(summarise(errors));
    this.errors = errors;
    this.data = details.data;
    this.status = details.status;
    this.requestId = details.requestId;
  }

  /** The `extensions.code` of each error that has one, in order. */
  get codes(): string[] {
    return this.errors.flatMap((error) => {
      const code = error.extensions?.['code'];
      return typeof code === 'string' ? [code] : [];
    });
  }

  /** The first error's code, the one to branch on when there is one error. */
  get code(): string | undefined {
    return this.codes[0];
  }

  hasCode(code: string): boolean {
    return this.codes.includes(code);
  }
}

export interface TimeoutErrorDetails {
  url: string;
  timeoutMs: number;
}

/**
 * No complete answer within `timeoutMs` (the client's or the call's): the
 * request was abandoned. A kind of TransportError, with its own class.
 */
export class TimeoutError extends TransportError {
  override readonly name = 'TimeoutError';
  readonly timeoutMs: number;

  constructor(details: TimeoutErrorDetails) {
    super(`${details.url} did not answer within ${details.timeoutMs} ms`, { url: details.url });
    this.timeoutMs = details.timeoutMs;
  }
}

export interface RateLimitedErrorDetails {
  url: string;
  /** From the `Retry-After` header; undefined when the API sent none. */
  retryAfterSeconds: number | undefined;
  errors: readonly GraphQLFormattedError[];
  requestId?: string;
}

/**
 * The API refused the request for now (HTTP 429): the caller's budget is
 * spent. Wait `retryAfterSeconds` before the next request. Queries are
 * retried automatically when the wait is short enough (see `retry`); this is
 * thrown when they were not, or the retries ran out.
 */
export class RateLimitedError extends ZonegraphError {
  override readonly name = 'RateLimitedError';
  readonly url: string;
  readonly status = 429;
  readonly retryAfterSeconds: number | undefined;
  readonly errors: readonly GraphQLFormattedError[];
  readonly requestId: string | undefined;

  constructor(details: RateLimitedErrorDetails) {
    const wait = details.retryAfterSeconds === undefined ? '' : `; retry after ${details.retryAfterSeconds} s`;
    super(`${details.url} is rate limiting this client (HTTP 429${wait})`);
    this.url = details.url;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.errors = details.errors;
    this.requestId = details.requestId;
  }

  /** The budget the API reported (`extensions.rateLimit` of its error), as it sent it. */
  get rateLimit(): Record<string, unknown> | undefined {
    for (const error of this.errors) {
      const budget = error.extensions?.['rateLimit'];
      if (typeof budget === 'object' && budget !== null) return budget as Record<string, unknown>;
    }
    return undefined;
  }
}

function summarise(errors: readonly GraphQLFormattedError[]): string {
  const [first, ...rest] = errors;
  if (!first) return 'The API answered with an empty errors list';
  const code = first.extensions?.['code'];
  const more = rest.length > 0 ? ` (and ${rest.length} more error${rest.length > 1 ? 's' : ''})` : '';
  return `${typeof code === 'string' ? `${code}: ` : ''}${first.message}${more}`;
}
