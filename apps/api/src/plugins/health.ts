import type { Database } from '@zonegraph/db';
import type { Plugin } from 'graphql-yoga';

/**
 * `GET /health`: 200 when the API can reach its database, 503 when it cannot,
 * so a load balancer takes an instance out while its database is away.
 */
export function useHealth(db: Database): Plugin {
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname !== '/health' || request.method !== 'GET') return;
      const started = performance.now();
      let database = 'ok';
      try {
        await db.prisma.$queryRaw`SELECT 1`;
      } catch {
        database = 'unreachable';
      }
      const body = { status: database === 'ok' ? 'ok' : 'degraded', database, databaseKind: db.target.kind, ms: Math.round(performance.now() - started) };
      endResponse(
        new fetchAPI.Response(JSON.stringify(body), {
          status: database === 'ok' ? 200 : 503,
          headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
        }),
      );
    },
  };
}
