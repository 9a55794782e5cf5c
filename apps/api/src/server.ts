import { createServer } from 'node:http';
import { describeTarget, loadDemoYear, PendingMigrationsError, prepareDatabase, targetFromEnv } from '@zonegraph/db';
import { ConfigError, loadConfig } from './config.ts';
import { createRedisEvents, describeRedis, type SharedEvents } from './events.ts';
import { Redis } from 'ioredis';
import { createLogger } from './logger.ts';
import { defaultDashboardDir } from './plugins/dashboard.ts';
import { loadTrustedDocuments } from './plugins/trusted-documents.ts';
import { installShutdown } from './shutdown.ts';
import { describeOtlpUrl, otlpTracesUrl, startTracing } from './tracing.ts';
import { createApp } from './yoga.ts';

async function main() {
  let config;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  // Before the database opens, so that its statements are traced from the first.
  const tracing = startTracing();
  if (tracing) logger.info(`tracing to ${describeOtlpUrl(otlpTracesUrl(process.env)!)}`);
  const target = targetFromEnv(process.env);
  const started = performance.now();
  logger.info(`opening ${describeTarget(target)}`);
  let db;
  try {
    db = await prepareDatabase(target, {
      migrate: config.MIGRATE_ON_START ?? target.kind === 'pglite',
      seedIfEmpty: config.SEED_ON_START,
      poolSize: config.DB_POOL_SIZE,
      log: (message) => logger.info(message),
    });
  } catch (error) {
    if (error instanceof PendingMigrationsError) {
      // Like a bad setting: the operator has a step to take before this can start.
      logger.fatal({ pendingMigrations: error.pending }, `refusing to start: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  if (config.DEMO) {
    try {
      const demo = await loadDemoYear(db.prisma);
      logger.info(demo ? { demoYear: demo } : {}, demo ? 'loaded the demo year (synthetic activity, marked as demo data)' : 'the demo year is already loaded');
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  let events: SharedEvents | undefined;
  if (config.REDIS_URL) {
    logger.info(`sharing events through ${describeRedis(config.REDIS_URL)}`);
    try {
      events = await createRedisEvents({ url: config.REDIS_URL, channelPrefix: config.REDIS_CHANNEL_PREFIX, logger });
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  let budgetRedis: Redis | undefined;
  if (config.REDIS_URL) {
    // Its own connection (budgets and cached answers): a slow budget check must not queue behind event traffic.
    budgetRedis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    budgetRedis.on('error', (error: Error) => logger.warn({ redis: describeRedis(config.REDIS_URL!), reason: error.message }, 'rate-limit Redis trouble; budgets fall back to memory'));
  }

  let trustedDocuments;
  try {
    trustedDocuments = loadTrustedDocuments(config.TRUSTED_DOCUMENTS_FILE);
  } catch (error) {
    await db.close();
    throw error;
  }
  if (trustedDocuments.size === 0 && config.TRUSTED_DOCUMENTS_REQUIRED_FOR.length > 0) {
    logger.warn(`no published documents in ${config.TRUSTED_DOCUMENTS_FILE}, yet ${config.TRUSTED_DOCUMENTS_REQUIRED_FOR.join(', ')} may run only those`);
  }
  logger.info({ trustedDocuments: trustedDocuments.size, requiredFor: config.TRUSTED_DOCUMENTS_REQUIRED_FOR }, 'published documents loaded');

  const app = createApp({
    db,
    logger,
    graphiql: config.GRAPHIQL,
    allowAnonymous: config.ALLOW_ANONYMOUS,
    pubsub: events?.pubsub,
    dashboardDir: config.DASHBOARD_DIR ?? defaultDashboardDir,
    settings: config,
    trustedDocuments,
    redis: budgetRedis,
    redisKeyPrefix: `${config.REDIS_CHANNEL_PREFIX}budget`,
    tracer: tracing?.tracer,
    metrics: config.METRICS === 'token' ? { mode: 'token', token: config.METRICS_TOKEN! } : { mode: config.METRICS },
    responseCachePrefix: `${config.REDIS_CHANNEL_PREFIX}cache`,
  });
  const server = createServer(app);
  server.once('error', async (error: NodeJS.ErrnoException) => {
    // Listening failed (the port is taken, or not ours to take): say so in one line, not a stack.
    const reason = error.code === 'EADDRINUSE' ? `port ${config.PORT} on ${config.HOST} is already in use (set PORT to another one)` : error.message;
    logger.fatal(`cannot listen: ${reason}`);
    await events?.close();
    budgetRedis?.disconnect();
    await db.close();
    process.exit(1);
  });
  server.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const url = `http://${config.HOST}:${port}/graphql`;
    logger.info({ url, readyMs: Math.round(performance.now() - started) }, `zonegraph API ready at ${url}${config.GRAPHIQL ? ' (open it in a browser for GraphiQL)' : ''}`);
  });

  installShutdown({
    server,
    logger,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    resources: [
      { name: 'Redis events', close: () => events?.close() },
      { name: 'Redis budgets', close: () => budgetRedis?.disconnect() },
      { name: 'database', close: () => db.close() },
      { name: 'traces', close: () => tracing?.shutdown() },
    ],
  });
}

main().catch((error: unknown) => {
  console.error('zonegraph API failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
