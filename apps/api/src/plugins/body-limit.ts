import type { Plugin } from 'graphql-yoga';
import { edgeErrorResponse } from './edge-errors.ts';

/**
 * Refuses request bodies over `maxBytes` with 413 before anything reads them
 * whole: by the declared Content-Length when there is one, and while reading
 * otherwise (a chunked body declares no length).
 */
export function useBodyLimit(maxBytes: number): Plugin {
  const tooLarge = (fetchAPI: { Response: typeof Response }, request: Request, found?: number) =>
    edgeErrorResponse(
      fetchAPI,
      request,
      'REQUEST_TOO_LARGE',
      `The request body is larger than the ${maxBytes} bytes this API accepts${found ? ` (${found} bytes, ${found - maxBytes} too many)` : ''}.`,
      413,
      { limit: maxBytes, ...(found ? { found } : {}) },
    );

  return {
    async onRequest({ request, fetchAPI, endResponse, setRequest }) {
      if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS' || !request.body) return;
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        const length = Number(declared);
        if (Number.isFinite(length) && length > maxBytes) endResponse(tooLarge(fetchAPI, request, length));
        return;
      }
      const reader = request.body.getReader();
      const chunks: Uint8Array[] = [];
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel();
          endResponse(tooLarge(fetchAPI, request));
          return;
        }
        chunks.push(value);
      }
      setRequest(new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, body: Buffer.concat(chunks) }));
    },
  };
}
