import { GraphQLResponseError, RateLimitedError, TimeoutError, TransportError } from './errors.ts';

export interface RetryOptions {
  /** Retries after the first attempt (default 2); 0 turns retrying off. */
  attempts?: number;
  /** The first backoff's upper bound (default 250 ms); it doubles each retry. */
  baseDelayMs?: number;
  /** No single wait is longer (default 5000 ms); a longer `Retry-After` is thrown at once as RateLimitedError. */
  maxDelayMs?: number;
  /**
   * Retry mutations too (default false). A mutation that failed in transit
   * may have been applied: opt in only where repeating it is harmless
   * (an update with its version, which a repeat turns into a ConflictError).
   */
  mutations?: boolean;
}

export type RetryPolicy = Required<RetryOptions>;

export const defaultRetry: RetryPolicy = { attempts: 2, baseDelayMs: 250, maxDelayMs: 5000, mutations: false };

export function retryPolicy(...layers: (RetryOptions | boolean | undefined)[]): RetryPolicy {
  let policy: RetryPolicy = defaultRetry;
  for (const layer of layers) {
    if (layer === false) policy = { ...policy, attempts: 0 };
    else if (layer === true) policy = { ...policy, attempts: policy.attempts || defaultRetry.attempts, mutations: true };
    else if (layer) policy = { ...policy, ...definedOnly(layer) };
  }
  return policy;
}

function definedOnly(options: RetryOptions): RetryOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/**
 * Worth another try: no answer (network, timeout), the server's own failure
 * (5xx), or a rate limit. Never the caller's mistakes (4xx, GraphQL errors).
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof RateLimitedError || error instanceof TimeoutError) return true;
  if (error instanceof TransportError) return error.status === undefined || error.status >= 500;
  return error instanceof GraphQLResponseError && error.status >= 500;
}

/** "Full jitter" exponential backoff: a random wait up to base × 2^retry, capped. */
export function backoffMs(retry: number, policy: RetryPolicy, random = Math.random): number {
  return Math.round(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry));
}

/** How long to wait before retry number `retry` (0-based), or undefined to give up now. */
export function delayBeforeRetry(error: unknown, retry: number, policy: RetryPolicy, random = Math.random): number | undefined {
  if (retry >= policy.attempts || !isRetryable(error)) return undefined;
  const backoff = backoffMs(retry, policy, random);
  if (error instanceof RateLimitedError && error.retryAfterSeconds !== undefined) {
    const wait = error.retryAfterSeconds * 1000;
    return wait > policy.maxDelayMs ? undefined : Math.max(wait, backoff);
  }
  return backoff;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}
