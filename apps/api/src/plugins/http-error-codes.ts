import type { Plugin } from 'graphql-yoga';
import { edgeErrorResponse } from './edge-errors.ts';

const EMPTY_REFUSALS: Record<number, { code: string; message: string }> = {
  406: { code: 'NOT_ACCEPTABLE', message: 'Accept application/graphql-response+json or application/json.' },
  415: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send the request as application/json (or application/graphql-response+json); a GET carries the operation in the query string.',
  },
};

/**
 * Gives a code to the refusals yoga and graphql-js make without one: bad
 * variable values (BAD_USER_INPUT), and the media-type refusals yoga answers
 * with an empty body; and drops the internal detail yoga attaches to some
 * (`extensions.originalError`).
 */
export function useHttpErrorCodes(): Plugin {
  return {
    onResultProcess({ result }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      for (const error of result.errors ?? []) {
        const extensions = error.extensions as Record<string, unknown> | undefined;
        if (!extensions) continue;
        if (!extensions['code'] && !error.path && /^Variable "\$/.test(error.message)) extensions['code'] = 'BAD_USER_INPUT';
        // Yoga copies a parser's own error here (e.g. for invalid JSON): internal detail, never ours
        // to send. Yoga reads its presence as "a request error": its 4xx is kept by dropping `spec`.
        if ('originalError' in extensions) {
          delete extensions['originalError'];
          const http = extensions['http'] as { spec?: boolean } | undefined;
          if (http) delete http.spec;
        }
      }
    },
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const refusal = EMPTY_REFUSALS[response.status];
      if (!refusal || response.headers.get('content-type')?.includes('json')) return;
      const replacement = edgeErrorResponse(fetchAPI, request, refusal.code, refusal.message, response.status);
      response.headers.forEach((value, name) => {
        if (name !== 'content-type' && name !== 'content-length') replacement.headers.set(name, value);
      });
      setResponse(replacement);
    },
  };
}
