import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { Database } from '@zonegraph/db';
import { createEvents, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, schema, type Context, type PubSub } from '@zonegraph/graph';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import type { Tracer } from '@opentelemetry/api';
import { createAuthenticator } from './auth.ts';
import { createKeyChecks, forgetRevokedKeys } from './key-cache.ts';
import { loadConfig, type Config } from './config.ts';
import { exampleOperations } from './examples.ts';
import { renderZonegraphGraphiQL } from './graphiql.ts';
import type { Logger } from './logger.ts';
import { useCompiledReads } from './plugins/compiled-reads.ts';
import { useCompressedPages } from './plugins/compressed-pages.ts';
import { useBodyLimit } from './plugins/body-limit.ts';
import { callerKey } from './plugins/caller-key.ts';
import { createReportSlots } from './plugins/report-slots.ts';
import { useActualCost } from './plugins/cost.ts';
import { CSRF_HEADERS, useCsrfPrevention } from './plugins/csrf.ts';
import { maskError } from './plugins/error-masking.ts';
import { useExecutionGuards } from './plugins/execution-guards.ts';
import { hasBuiltDashboard, useDashboard } from './plugins/dashboard.ts';
import { useHealth } from './plugins/health.ts';
import { useLandingPage } from './plugins/landing.ts';
import { useHttpErrorCodes } from './plugins/http-error-codes.ts';
import { useMetrics, type MetricsAccess } from './plugins/metrics.ts';
import { useTracing } from './plugins/tracing.ts';
import { useDocumentLimits } from './plugins/limits.ts';
import { useScalarLiteralErrors } from './plugins/scalar-literals.ts';
import { createBudgets } from './plugins/rate-limit.ts';
import { useRequestCost } from './plugins/request-cost.ts';
import { memoryAnswerStore, redisAnswerStore } from './plugins/answer-store.ts';
import { useResponseCache } from './plugins/response-cache.ts';
import { requestIdOf, useRequestId } from './plugins/request-id.ts';
import { loadTrustedDocuments, useTrustedDocuments, type TrustedDocuments } from './plugins/trusted-documents.ts';
import { useUserErrorCodes } from './plugins/user-errors.ts';

/** The edge's settings, named as in the environment (see config.ts and the README's "Limits"). */
export type EdgeSettings = Pick<
  Config,
  | 'INTROSPECTION'
  | 'MAX_BODY_BYTES'
  | 'MAX_DOCUMENT_BYTES'
  | 'MAX_TOKENS'
  | 'MAX_DEPTH'
  | 'MAX_ALIASES'
  | 'MAX_DIRECTIVES'
  | 'MAX_LIST_LENGTH'
  | 'MAX_COST'
  | 'EXECUTION_TIMEOUT_MS'
  | 'MAX_CONCURRENT_REQUESTS_PER_KEY'
  | 'MAX_CONCURRENT_REPORTS_PER_KEY'
  | 'MAX_CONCURRENT_REPORTS'
  | 'REPORT_STATEMENT_TIMEOUT_MS'
  | 'REPORT_WAIT_TIMEOUT_MS'
  | 'MAX_SUBSCRIPTIONS_PER_KEY'
  | 'RATE_LIMITS'
  | 'RATE_LIMIT_WINDOW_SECONDS'
  | 'TRUST_PROXY'
  | 'CORS_ORIGINS'
  | 'TRUSTED_DOCUMENTS_FILE'
  | 'TRUSTED_DOCUMENTS_REQUIRED_FOR'
  | 'RESPONSE_CACHE'
  | 'COMPILED_READS'
  | 'RESPONSE_CACHE_TTL_SECONDS'
  | 'RESPONSE_CACHE_MAX_ENTRIES'
  | 'KEY_CACHE_TTL_SECONDS'
>;

export interface AppOptions {
  db: Database;
  logger: Logger;
  graphiql?: boolean;
  /** Whether callers without an API key may read public records (default true). */
  allowAnonymous?: boolean;
  /** Where mutations announce changes; in-process unless given (e.g. through Redis). */
  pubsub?: PubSub;
  /** Serve the dashboard's built files from here at /dashboard (off when unset or not built). */
  dashboardDir?: string;
  /** Limits, budgets, CORS, trusted documents; each unset one takes its default from config.ts. */
  settings?: Partial<EdgeSettings>;
  /** The published documents; read from `TRUSTED_DOCUMENTS_FILE` unless given. */
  trustedDocuments?: TrustedDocuments;
  /** Keep the rate-limit budgets and cached answers in this Redis, shared with every instance using it. */
  redis?: Redis;
  /** Put before every Redis key of the budgets (tests use one per run). */
  redisKeyPrefix?: string;
  /** Who may read Prometheus metrics at /metrics (default: nobody). */
  metrics?: MetricsAccess;
  /** Trace requests, root resolvers and SQL with this tracer (see tracing.ts); untraced when unset. */
  tracer?: Tracer;
  /** Put before every Redis key of the response cache (tests use one per run). */
  responseCachePrefix?: string;
}

export type App = YogaServerInstance<Record<string, unknown>, Context>;

/** The whole HTTP API as a fetch handler: tests call `app.fetch` and never open a port. */
export function createApp({
  db,
  logger,
  graphiql = true,
  allowAnonymous = true,
  pubsub = createEvents(),
  dashboardDir,
  settings: given = {},
  trustedDocuments,
  redis,
  redisKeyPrefix = 'zonegraph:budget',
  metrics = { mode: 'off' },
  tracer,
  responseCachePrefix = 'zonegraph:cache',
}: AppOptions): App {
  const settings: EdgeSettings = { ...loadConfig({}), ...given };
  const keyChecks = createKeyChecks({ prisma: db.prisma, ttlMs: settings.KEY_CACHE_TTL_SECONDS * 1000 });
  const events = forgetRevokedKeys(pubsub, keyChecks);
  const authenticate = createAuthenticator({ db, logger, allowAnonymous, keyChecks });
  const budgets = createBudgets({ points: settings.RATE_LIMITS, windowSeconds: settings.RATE_LIMIT_WINDOW_SECONDS, redis, keyPrefix: redisKeyPrefix });
  const reportSlots = createReportSlots({
    perCaller: settings.MAX_CONCURRENT_REPORTS_PER_KEY,
    total: settings.MAX_CONCURRENT_REPORTS,
    statementTimeoutMs: settings.REPORT_STATEMENT_TIMEOUT_MS,
    waitTimeoutMs: settings.REPORT_WAIT_TIMEOUT_MS,
  });
  const closedSchema: Plugin[] = settings.INTROSPECTION ? [] : [useDisableIntrospection(), blockFieldSuggestionsPlugin()];

  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health/live',
    landingPage: false,
    renderGraphiQL: renderZonegraphGraphiQL,
    graphiql: graphiql && {
      title: 'zonegraph',
      defaultTabs: exampleOperations.map(({ query }) => ({ query })),
    },
    // Our own masking: yoga's adds the stack and original message when NODE_ENV=development.
    maskedErrors: { maskError },
    cors: corsFor(settings.CORS_ORIGINS),
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error({ err: args.find((a) => a instanceof Error) }, args.map(String).join(' ')),
    },
    context: async (server) => {
      const { caller, prisma } = await authenticate(server.request);
      const analytics = reportSlots(callerKey(caller, server.request, server as Parameters<typeof callerKey>[2], settings.TRUST_PROXY));
      // With tracing on, compiled statements go through Prisma, whose instrumentation gives each its span.
      return { caller, prisma, requestId: requestIdOf(server.request), pubsub: events, analytics, preparedReads: tracer ? undefined : db.preparedReads };
    },
    plugins: [
      // First, so that it times and counts refusals made by the plugins after it.
      useMetrics({ access: metrics, db, responseCache: settings.RESPONSE_CACHE, keyChecks }),
      ...(tracer ? [useTracing(tracer, schema)] : []),
      ...(dashboardDir ? [useDashboard({ dir: dashboardDir, logger })] : []),
      useLandingPage({
        graphiql,
        dashboard: dashboardDir !== undefined && hasBuiltDashboard(dashboardDir),
        schema: settings.INTROSPECTION ? schema : null,
      }),
      useCompressedPages(),
      useBodyLimit(settings.MAX_BODY_BYTES),
      useHealth({ db, redis }),
      useRequestId(logger),
      useHttpErrorCodes(),
      useCsrfPrevention(),
      useScalarLiteralErrors(),
      useDocumentLimits({
        maxDocumentBytes: settings.MAX_DOCUMENT_BYTES,
        maxTokens: settings.MAX_TOKENS,
        maxDepth: settings.MAX_DEPTH,
        maxAliases: settings.MAX_ALIASES,
        maxDirectives: settings.MAX_DIRECTIVES,
      }),
      useTrustedDocuments({
        documents: trustedDocuments ?? loadTrustedDocuments(settings.TRUSTED_DOCUMENTS_FILE),
        requiredFor: settings.TRUSTED_DOCUMENTS_REQUIRED_FOR,
      }),
      ...closedSchema,
      // First of the execution plugins: it sets the innermost execute function, which the
      // response cache and the guards below then wrap as they wrap graphql-js's.
      ...(settings.COMPILED_READS ? [useCompiledReads({ logger, tracer })] : []),
      useActualCost,
      useRequestCost({
        maxCost: settings.MAX_COST,
        maxPageSize: MAX_PAGE_SIZE,
        maxListLength: settings.MAX_LIST_LENGTH,
        budgets,
        trustProxy: settings.TRUST_PROXY,
        model: { defaultPageSize: DEFAULT_PAGE_SIZE, assumedListLength: 20, mutationCost: 10 },
      }),
      // After the budget, so that a hit is admitted and charged like any request; before the
      // guards, so that a hit holds (and gives back) a concurrency slot like any request.
      ...(settings.RESPONSE_CACHE
        ? useResponseCache({
            schema,
            ttlMs: settings.RESPONSE_CACHE_TTL_SECONDS * 1000,
            store: redis
              ? redisAnswerStore({ redis, prefix: responseCachePrefix, onError: (operation, error) => logger.warn({ reason: error instanceof Error ? error.message : String(error) }, `response cache could not ${operation} in Redis; answering without it`) })
              : memoryAnswerStore(settings.RESPONSE_CACHE_MAX_ENTRIES),
          })
        : []),
      useExecutionGuards({
        maxConcurrentPerKey: settings.MAX_CONCURRENT_REQUESTS_PER_KEY,
        maxSubscriptionsPerKey: settings.MAX_SUBSCRIPTIONS_PER_KEY,
        timeoutMs: settings.EXECUTION_TIMEOUT_MS,
        trustProxy: settings.TRUST_PROXY,
      }),
      useUserErrorCodes(),
    ] as Plugin[],
  });
}

/** No cross-origin browser access unless origins are listed: the dashboard and GraphiQL are same-origin. */
function corsFor(origins: string[]) {
  if (origins.length === 0) return false;
  return {
    origin: origins.includes('*') ? '*' : origins,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'x-request-id', ...CSRF_HEADERS],
    exposedHeaders: ['x-request-id', 'retry-after'],
    credentials: false,
    maxAge: 600,
  };
}
