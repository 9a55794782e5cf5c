import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { unreachableUrl } from '../src/testing.ts';
import { createApp } from '../src/yoga.ts';
import { startTestApi, type TestApi } from './testkit.ts';

describe('health endpoints', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ seeded: false });
  });
  afterAll(() => api.close());

  const json = async (path: string, app = api.app) => {
    const response = await app.fetch(`http://zonegraph.test${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers /health/live while the process runs, and keeps /health', async () => {
    expect((await api.app.fetch('http://zonegraph.test/health/live')).status).toBe(200);
    expect(await json('/health')).toMatchObject({ status: 200, body: { status: 'ok', database: 'ok' } });
  });

  it('is ready when the database answers and every migration is applied', async () => {
    expect(await json('/health/ready')).toMatchObject({ status: 200, body: { status: 'ok', database: 'ok', migrations: 'ok' } });
  });

  it('is not ready while a migration this code ships is missing from the database', async () => {
    const fresh = await startTestApi({ seeded: false });
    try {
      const [last] = await fresh.db.prisma.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
      await fresh.db.prisma.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${last!.migration_name}`;
      expect(await json('/health/ready', fresh.app)).toMatchObject({ status: 503, body: { status: 'degraded', database: 'ok', migrations: 'pending' } });
      // The old endpoint only ever checked the database.
      expect((await json('/health', fresh.app)).status).toBe(200);
    } finally {
      await fresh.close();
    }
  });

  it('is not ready when its Redis does not answer', async () => {
    const port = new URL(await unreachableUrl()).port;
    const redis = new Redis(`redis://127.0.0.1:${port}`, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
    redis.on('error', () => {});
    try {
      const app = createApp({ db: api.db, logger: createLogger('silent'), redis });
      expect(await json('/health/ready', app)).toMatchObject({ status: 503, body: { database: 'ok', migrations: 'ok', redis: 'unreachable' } });
    } finally {
      redis.disconnect();
    }
  });

  it.runIf(Boolean(process.env.REDIS_URL))('is ready with a Redis that answers', async () => {
    const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 1 });
    try {
      const app = createApp({ db: api.db, logger: createLogger('silent'), redis });
      expect(await json('/health/ready', app)).toMatchObject({ status: 200, body: { database: 'ok', migrations: 'ok', redis: 'ok' } });
    } finally {
      redis.disconnect();
    }
  });
});
