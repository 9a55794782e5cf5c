import { randomUUID } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.ts';

const ids = new WeakMap<Request, string>();
const acceptable = /^[\w.:-]{8,128}$/;

/**
 * Gives every request an id — the caller's `x-request-id` when it is sane,
 * otherwise a new one — returned in the `x-request-id` header and in the
 * response's `extensions.requestId`, and written with every log line, so a
 * partner's report can be found in the logs.
 */
export function requestIdOf(request: Request): string {
  let id = ids.get(request);
  if (!id) {
    const given = request.headers.get('x-request-id');
    id = given && acceptable.test(given) ? given : randomUUID();
    ids.set(request, id);
  }
  return id;
}

/** Errors a client can only report, not fix: they carry the request id to quote. */
const REPORTABLE = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);

export function useRequestId(logger?: Logger): Plugin {
  return {
    // Every GraphQL response, including refusals made before execution.
    onResultProcess({ request, result, setResult }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      const requestId = requestIdOf(request);
      for (const error of result.errors ?? []) {
        const extensions = error.extensions as Record<string, unknown> | undefined;
        if (!extensions || !REPORTABLE.has(String(extensions['code']))) continue;
        extensions['requestId'] = requestId;
        const original = (error as GraphQLError).originalError;
        logger?.error({ requestId, code: extensions['code'], err: original, path: error.path }, 'request failed unexpectedly');
      }
      setResult({ ...result, extensions: { ...result.extensions, requestId } });
    },
    onResponse({ request, response }) {
      response.headers.set('x-request-id', requestIdOf(request));
    },
  };
}
