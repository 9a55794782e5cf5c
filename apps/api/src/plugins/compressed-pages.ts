import { gzipSync } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

/**
 * GraphiQL is one HTML page of several megabytes with every asset inlined
 * (nothing may come from a CDN on a closed network), the same on every visit.
 * Sent gzipped to browsers that accept it — a fraction of the bytes over a
 * slow intranet — and compressed once, not per request. Responses that are
 * already encoded (the dashboard's files) are left as they are.
 */
export function useCompressedPages(): Plugin {
  let last: { html: string; gzipped: Uint8Array<ArrayBuffer> } | undefined;
  return {
    async onResponse({ request, response, setResponse }) {
      if (!response.headers.get('content-type')?.startsWith('text/html')) return;
      if (response.headers.has('content-encoding')) return;
      if (!/\bgzip\b/i.test(request.headers.get('accept-encoding') ?? '')) return;
      const html = await response.text();
      if (last?.html !== html) last = { html, gzipped: new Uint8Array(gzipSync(html)) as Uint8Array<ArrayBuffer> };
      const headers = new Headers(response.headers);
      headers.set('content-encoding', 'gzip');
      headers.set('content-length', String(last.gzipped.byteLength));
      headers.append('vary', 'accept-encoding');
      setResponse(new Response(last.gzipped, { status: response.status, headers }));
    },
  };
}
