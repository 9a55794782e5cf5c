import { unappliedMigrations, type Database } from '@zonegraph/db';
import type { Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';

export interface HealthOptions {
  db: Database;
  /** Checked by /health/ready when the API uses Redis. */
  redis?: Redis;
  /** A check that takes longer than this counts as failed (default 2 s). */
  timeoutMs?: number;
}

type Check = 'ok' | 'unreachable' | 'pending' | 'timeout';

/**
 * `GET /health`: 200 when the API can reach its database, 503 when it cannot,
 * so a load balancer takes an instance out while its database is away.
 * `GET /health/ready`: the same, and also that every migration this code
 * ships is applied and that Redis answers when configured — what an
 * orchestrator waits for before sending traffic. (`/health/live`, the process
 * answering at all, is yoga's own health check.)
 */
export function useHealth({ db, redis, timeoutMs = 2_000 }: HealthOptions): Plugin {
  // Once applied, the migrations this process knows of stay applied: checked until they are.
  let migrationsApplied = false;
  const database = () => within(timeoutMs, async (): Promise<Check> => {
    try {
      await db.prisma.$queryRaw`SELECT 1`;
      return 'ok';
    } catch {
      return 'unreachable';
    }
  });
  const migrations = () => within(timeoutMs, async (): Promise<Check> => {
    if (migrationsApplied) return 'ok';
    try {
      migrationsApplied = (await unappliedMigrations(db)).length === 0;
      return migrationsApplied ? 'ok' : 'pending';
    } catch {
      return 'unreachable';
    }
  });
  const redisCheck = () => within(timeoutMs, async (): Promise<Check> => {
    try {
      await redis!.ping();
      return 'ok';
    } catch {
      return 'unreachable';
    }
  });

  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== 'GET' || (url.pathname !== '/health' && url.pathname !== '/health/ready')) return;
      const started = performance.now();
      const respond = (ok: boolean, body: Record<string, unknown>) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify({ status: ok ? 'ok' : 'degraded', ...body, databaseKind: db.target.kind, ms: Math.round(performance.now() - started) }), {
            status: ok ? 200 : 503,
            headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
          }),
        );
      if (url.pathname === '/health') {
        const result = await database();
        return respond(result === 'ok', { database: result });
      }
      const [databaseState, migrationState, redisState] = await Promise.all([database(), migrations(), redis ? redisCheck() : Promise.resolve(undefined)]);
      const checks = { database: databaseState, migrations: migrationState, ...(redisState ? { redis: redisState } : {}) };
      respond(Object.values(checks).every((c) => c === 'ok'), checks);
    },
  };
}

function within(ms: number, check: () => Promise<Check>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Check>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
    timer.unref();
  });
  return Promise.race([check(), late]).finally(() => clearTimeout(timer));
}
