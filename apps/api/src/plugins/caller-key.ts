import type { Caller } from '@zonegraph/graph';
import type { CallerKind } from '../config.ts';

/** What per-role settings call this caller: its key's role, or `anonymous`. */
export const callerKind = (caller: Caller): CallerKind => (caller.role ? (caller.role.toLowerCase() as CallerKind) : 'anonymous');

interface NodeServerContext {
  req?: { socket?: { remoteAddress?: string } };
}

/**
 * Whom a budget or a concurrency slot belongs to: the API key, or for callers
 * without one the client's address (taken from X-Forwarded-For only when the
 * API runs behind a proxy we trust, since anyone can write that header).
 */
export function callerKey(caller: Caller, request: Request, serverContext: NodeServerContext, trustProxy: boolean): string {
  if (caller.apiKeyId) return `key:${caller.apiKeyId}`;
  const forwarded = trustProxy ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  return `addr:${forwarded || serverContext.req?.socket?.remoteAddress || 'unknown'}`;
}
