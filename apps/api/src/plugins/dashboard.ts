import { existsSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.ts';
import { apiPackageDir } from '../package-dir.ts';

/** Where `pnpm --filter @zonegraph/dashboard build` writes the dashboard in this repository. */
export const defaultDashboardDir = path.join(apiPackageDir, '..', 'dashboard', 'dist');

const PREFIX = '/dashboard';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt', '.map']);

// The page loads only its own files and talks only to this API: nothing from a
// CDN, font or analytics host. Styles allow inline attributes because the
// charting library positions its tooltips with them.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the dashboard's built files at `/dashboard`: hashed assets cached for
 * good, any other path under it answered with index.html so that the page's
 * own routes (e.g. /dashboard/projects/GZK-2020-P07) can be reloaded and shared.
 * Off, with a log line saying so, when the directory holds no built dashboard.
 */
/** Whether `dir` holds a built dashboard (an index.html), so that `/dashboard` is served. */
export function hasBuiltDashboard(dir: string): boolean {
  const index = path.join(path.resolve(dir), 'index.html');
  return existsSync(index) && statSync(index).isFile();
}

export function useDashboard({ dir, logger }: { dir: string; logger?: Logger }): Plugin {
  const root = path.resolve(dir);
  const index = path.join(root, 'index.html');
  if (!hasBuiltDashboard(dir)) {
    logger?.info(`dashboard: no index.html in ${root}; /dashboard is off (build it with: pnpm --filter @zonegraph/dashboard build)`);
    return {};
  }
  logger?.info(`dashboard: serving ${root} at ${PREFIX}/`);
  // Built files do not change while the server runs: each is compressed once.
  const gzipped = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname !== PREFIX && !url.pathname.startsWith(`${PREFIX}/`)) return;
      const respond = (body: BodyInit | null, status: number, headers: Record<string, string>) =>
        endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : body, { status, headers: { 'x-content-type-options': 'nosniff', ...headers } }));

      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return respond('Method Not Allowed', 405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      }
      if (url.pathname === PREFIX) return respond(null, 308, { location: `${PREFIX}/${url.search}` });

      const file = await resolveFile(root, url.pathname.slice(PREFIX.length));
      if (file === 'bad') return respond('Not Found', 404, { 'content-type': 'text/plain; charset=utf-8' });
      // A missing file with an extension is a missing asset, not a page route.
      if (file === null && path.posix.extname(url.pathname) !== '') {
        return respond('Not Found', 404, { 'content-type': 'text/plain; charset=utf-8' });
      }
      const target = file ?? index;
      const extension = path.extname(target);
      const isAsset = target !== index && target.startsWith(path.join(root, 'assets') + path.sep);
      const headers: Record<string, string> = {
        'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
        // Vite puts a content hash in every name under assets/; everything else may change with a new build.
        'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      if (extension === '.html') {
        headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
        headers['referrer-policy'] = 'same-origin';
      }
      if (COMPRESSIBLE.has(extension)) headers['vary'] = 'accept-encoding';

      if (COMPRESSIBLE.has(extension) && acceptsGzip(request.headers.get('accept-encoding'))) {
        let body = gzipped.get(target);
        if (!body) {
          body = readFile(target).then((bytes) => new Uint8Array(gzipSync(bytes, { level: 9 })));
          gzipped.set(target, body);
          body.catch(() => gzipped.delete(target));
        }
        return respond(await body, 200, { ...headers, 'content-encoding': 'gzip' });
      }
      return respond(new Uint8Array(await readFile(target)), 200, headers);
    },
  };
}

/**
 * The built file a request path names, null when there is none, or 'bad' when
 * the path tries to leave the directory or cannot be decoded.
 */
async function resolveFile(root: string, requestPath: string): Promise<string | null | 'bad'> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return 'bad';
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 'bad';
  if (decoded.split('/').some((segment) => segment === '..')) return 'bad';
  const candidate = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return 'bad';
  try {
    return (await stat(candidate)).isFile() ? candidate : null;
  } catch {
    return null;
  }
}

function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    if (coding?.trim().toLowerCase() !== 'gzip') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
