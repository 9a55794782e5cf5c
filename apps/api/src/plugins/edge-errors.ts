import { GraphQLError } from 'graphql';
import { requestIdOf } from './request-id.ts';

/**
 * An error the edge answers with before (or instead of) executing anything:
 * a stable `extensions.code`, the HTTP status yoga should send, and whatever
 * numbers tell the caller by how much it missed (`limit`, `found`, …).
 */
export function edgeError(
  code: string,
  message: string,
  { status = 400, headers, ...extensions }: { status?: number; headers?: Record<string, string>; [key: string]: unknown } = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status, ...(headers ? { headers } : {}) } } });
}

/**
 * A plain JSON GraphQL error response, for refusals made before yoga parses
 * the request; it carries the request's id like every other response.
 */
export function edgeErrorResponse(
  fetchAPI: { Response: typeof Response },
  request: Request,
  code: string,
  message: string,
  status: number,
  extensions: Record<string, unknown> = {},
): Response {
  const body = { errors: [{ message, extensions: { code, ...extensions } }], extensions: { requestId: requestIdOf(request) } };
  return new fetchAPI.Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
