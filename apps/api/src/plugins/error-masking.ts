import { GraphQLError } from 'graphql';

/** Whether an error, or anything it wraps, is the database being away (down, restarting, refusing connections). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; originalError?: unknown; kind?: unknown };
    const text = `${String(e.code ?? '')} ${String(e.kind ?? '')} ${String(e.message ?? '')}`;
    if (
      /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|P1001|P1002|P1017|57P01|57P02|57P03|DatabaseNotReachable|ConnectionClosed|Connection terminated|the database system is (shutting down|starting up|in recovery mode)|terminating connection due to administrator command|Can't reach database server|Server has closed the connection/i.test(
        text,
      )
    )
      return true;
    current = e.originalError ?? e.cause;
  }
  return false;
}

/**
 * What a client sees of an error we did not expect: a generic message and the
 * request id to quote, never the message, stack, SQL or file paths (the log
 * holds those). Errors we raise on purpose (GraphQLErrors with a code, all the
 * way down) pass unchanged, with their extensions. The database being away is
 * the one unexpected error a client can act on: 503 and a time to retry.
 */
export function maskError(error: unknown, _message: string): Error {
  if (isExpected(error)) return error as GraphQLError;
  const located = error instanceof GraphQLError ? error : undefined;
  const original = located?.originalError ?? error;
  const unavailable = isDatabaseUnavailable(original);
  return new GraphQLError(
    unavailable
      ? 'The database is unavailable for a moment; retry shortly.'
      : 'Unexpected error. Quote the request id (extensions.requestId) when reporting it.',
    {
      nodes: located?.nodes,
      positions: located?.positions,
      path: located?.path,
      // Kept for the log (yoga logs the error it masked); GraphQLError.toJSON never sends it.
      originalError: original instanceof Error ? original : undefined,
      extensions: unavailable
        ? { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'retry-after': '5' } } }
        : { code: 'INTERNAL_SERVER_ERROR', ...(located?.extensions?.['http'] ? { http: located.extensions['http'] } : {}) },
    },
  );
}

function isExpected(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  return error.originalError == null || isExpected(error.originalError);
}
