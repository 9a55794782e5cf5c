import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

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

export function useRequestId(): Plugin<{ requestId: string }> {
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          setResult({ ...result, extensions: { ...result.extensions, requestId: args.contextValue.requestId } });
        },
      };
    },
    onResponse({ request, response }) {
      response.headers.set('x-request-id', requestIdOf(request));
    },
  };
}
