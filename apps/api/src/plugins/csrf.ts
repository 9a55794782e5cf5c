import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';
import { edgeError } from './edge-errors.ts';

/** The header our SDK sends on every request; yoga's own GraphiQL sends the second. */
export const CSRF_HEADERS = ['x-zonegraph-client', 'x-graphql-yoga-csrf'];

/**
 * A browser can send a "simple" request (a GET, or a form-encoded POST) to us
 * from any page without asking first. Yoga's CSRF prevention refuses those
 * unless they carry a custom header, which only a preflighted, CORS-allowed
 * page could add; here the refusal also gets a code.
 */
export function useCsrfPrevention(): Plugin {
  const yogaCsrf = useCSRFPrevention({ requestHeaders: CSRF_HEADERS });
  return {
    onRequestParse(payload) {
      try {
        return yogaCsrf.onRequestParse!(payload);
      } catch {
        throw edgeError(
          'CSRF_HEADER_REQUIRED',
          `A GET or a form-encoded POST must carry the header ${CSRF_HEADERS[0]} (any value), or be sent as application/json.`,
          { status: 403 },
        );
      }
    },
  };
}
