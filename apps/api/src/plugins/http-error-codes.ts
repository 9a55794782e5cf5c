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
 * with an empty body.
 */
export function useHttpErrorCodes(): Plugin {
  return {
    onResultProcess({ result }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      for (const error of result.errors ?? []) {
        const extensions = error.extensions as Record<string, unknown> | undefined;
        if (extensions && !extensions['code'] && !error.path && /^Variable "\$/.test(error.message)) extensions['code'] = 'BAD_USER_INPUT';
      }
    },
    async onResponse({ response, setResponse, fetchAPI }) {
      const refusal = EMPTY_REFUSALS[response.status];
      if (!refusal || response.headers.get('content-type')?.includes('json')) return;
      const replacement = edgeErrorResponse(fetchAPI, refusal.code, refusal.message, response.status);
      response.headers.forEach((value, name) => {
        if (name !== 'content-type' && name !== 'content-length') replacement.headers.set(name, value);
      });
      setResponse(replacement);
    },
  };
}
