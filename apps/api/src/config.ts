import { join } from 'node:path';
import { z } from 'zod';
import { apiPackageDir } from './package-dir.ts';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const number = () => z.coerce.number({ error: (issue) => (issue.code === 'invalid_type' ? 'must be a number' : undefined) });
const count = (min: number) => number().int('must be a whole number').min(min, `must be at least ${min}`);

/** Who a per-role setting applies to: the roles of API keys, and callers without one. */
export const callerKindNames = ['anonymous', 'partner', 'analyst', 'editor', 'admin'] as const;
export type CallerKind = (typeof callerKindNames)[number];

const callerKinds = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))
  .refine((list) => list.every((k) => (callerKindNames as readonly string[]).includes(k)), `must be a comma-separated list of ${callerKindNames.join(', ')}`)
  .transform((list) => list as CallerKind[]);

export const DEFAULT_RATE_LIMITS = 'anonymous:100000,partner:200000,analyst:1000000,editor:1000000,admin:1000000';

/** `role:points,…`; a role left out, or given `off`, has no budget. */
const rateLimits = z
  .string()
  .refine(
    (v) => v.trim() === 'off' || v.split(',').every((pair) => new RegExp(`^\\s*(${callerKindNames.join('|')})\\s*:\\s*(\\d+|off)\\s*$`, 'i').test(pair)),
    `must be "off" or role:points pairs, e.g. "${DEFAULT_RATE_LIMITS}"`,
  )
  .transform((v): Partial<Record<CallerKind, number>> =>
    v.trim() === 'off'
      ? {}
      : Object.fromEntries(
          v.split(',').flatMap((pair) => {
            const [kind, points] = pair.split(':').map((s) => s.trim().toLowerCase()) as [CallerKind, string];
            return points === 'off' ? [] : [[kind, Number(points)]];
          }),
        ),
  );

// The SDK's codegen writes its manifest here; found through the repository's
// layout rather than an import, because the SDK depends on the API for its tests.
const defaultTrustedDocumentsFile = join(apiPackageDir, '..', '..', 'packages', 'sdk', 'src', 'gql', 'persisted-documents.json');

const schema = z.object({
  PORT: number().int('must be a whole number').min(0, 'must be 0 to 65535').max(65535, 'must be 0 to 65535').default(4000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL connection string, e.g. postgresql://user@localhost:5432/zonegraph')
    .optional(),
  PGLITE_DIR: z.string().min(1).optional(),
  /** Set to share subscription events across API instances through Redis. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/[^/?#\s]/, 'must be a Redis URL, e.g. redis://localhost:6379 or redis://:password@redis.internal:6379/0')
    .refine((url) => URL.canParse(url), 'must be a Redis URL, e.g. redis://localhost:6379')
    .optional(),
  /** Put before every Redis channel, so that deployments sharing a Redis server keep their events apart. */
  REDIS_CHANNEL_PREFIX: z.string().min(1).max(100).default('zonegraph:'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Unset: on, except when NODE_ENV=production. */
  GRAPHIQL: flag.optional(),
  /** Unset: on, except when NODE_ENV=production. Off also hides "did you mean" field suggestions. */
  INTROSPECTION: flag.optional(),
  NODE_ENV: z.string().optional(),
  /** Whether callers without an API key may read public records. */
  ALLOW_ANONYMOUS: flag.default(true),
  SEED_ON_START: flag.default(true),
  /** Load the demo year (synthetic activity, marked as demo data) at start, unless one is loaded; also the --demo argument. */
  DEMO: flag.default(false),
  /**
   * Apply pending migrations at start. Unset: yes on the embedded database (one
   * process owns it), no on PostgreSQL, where migrating is a step of its own
   * before new instances start (`pnpm db:migrate`).
   */
  MIGRATE_ON_START: flag.optional(),
  DB_POOL_SIZE: count(1).max(200, 'must be at most 200').default(10),
  SHUTDOWN_TIMEOUT_MS: count(0).default(10_000),
  /** Who may read /metrics: nobody (off), anyone reaching the port (open), or callers sending METRICS_TOKEN as a bearer token (token). */
  METRICS: z.enum(['off', 'open', 'token'], { message: 'must be off, open or token' }).default('off'),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** The dashboard's built files, served at /dashboard; unset: apps/dashboard/dist of this repository. */
  DASHBOARD_DIR: z.string().min(1).optional(),

  // The edge: what one request may ask, and how much each caller may ask for over time.
  MAX_BODY_BYTES: count(1024).default(1_048_576),
  MAX_DOCUMENT_BYTES: count(100).default(100_000),
  MAX_TOKENS: count(10).default(5_000),
  MAX_DEPTH: count(2).default(15),
  MAX_ALIASES: count(0).default(30),
  MAX_DIRECTIVES: count(0).default(50),
  MAX_LIST_LENGTH: count(1).default(100),
  MAX_COST: count(1).default(25_000),
  EXECUTION_TIMEOUT_MS: count(100).default(30_000),
  MAX_CONCURRENT_REQUESTS_PER_KEY: count(1).default(25),
  /** Analytics statements one caller may have running at once on one instance (more wait their turn). */
  MAX_CONCURRENT_REPORTS_PER_KEY: count(1).default(2),
  /** Analytics statements one instance runs at once, all callers together; below DB_POOL_SIZE leaves room for reads. */
  MAX_CONCURRENT_REPORTS: count(1).default(4),
  /** How long one analytics statement may run before PostgreSQL stops it (REPORT_TIMEOUT). */
  REPORT_STATEMENT_TIMEOUT_MS: count(100).default(20_000),
  /** How long an analytics statement may wait for a slot before the report is refused (503 REPORTS_BUSY). */
  REPORT_WAIT_TIMEOUT_MS: count(1).default(10_000),
  /** Live-update streams one key (or address) may hold open on one instance. */
  MAX_SUBSCRIPTIONS_PER_KEY: count(1).default(10),
  /** Cost points each caller may spend per window, by role; see README "Limits". */
  RATE_LIMITS: z.string().default(DEFAULT_RATE_LIMITS).pipe(rateLimits),
  RATE_LIMIT_WINDOW_SECONDS: count(1).default(60),
  /** Take the client address for anonymous budgets from X-Forwarded-For (behind a proxy you run). */
  TRUST_PROXY: flag.default(false),
  /** Comma-separated origins allowed to call from a browser; empty allows none but the API's own. */
  CORS_ORIGINS: z
    .string()
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .refine((list) => list.every((o) => o === '*' || /^https?:\/\/[^/\s]+$/.test(o)), 'must be origins like https://partner.example (no path), comma-separated, or *')
    .default([]),
  /** The published persisted documents (hash → document), written by the SDK's codegen. */
  TRUSTED_DOCUMENTS_FILE: z.string().min(1).default(defaultTrustedDocumentsFile),
  /** Roles (and `anonymous`) that may only run published documents. */
  TRUSTED_DOCUMENTS_REQUIRED_FOR: callerKinds.default([]),

  // Reads: queries the compiler knows are answered by one SQL statement per root field.
  /** `off` runs every query through the resolvers (to compare, or if a compiled answer is ever in doubt). */
  COMPILED_READS: z
    .enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'], { message: 'must be on or off' })
    .transform((v) => ['on', 'true', '1', 'yes'].includes(v))
    .default(true),

  // Caching: answers of queries per visibility, and API keys already checked.
  /** `off` (or false) serves every query fresh. */
  RESPONSE_CACHE: z
    .enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'], { message: 'must be on or off' })
    .transform((v) => ['on', 'true', '1', 'yes'].includes(v))
    .default(true),
  /** How long a cached answer lives at most; changes made through the API end it sooner. */
  RESPONSE_CACHE_TTL_SECONDS: count(1).max(86_400, 'must be at most 86400').default(60),
  /** Answers kept in memory when there is no Redis (least recently used first out). */
  RESPONSE_CACHE_MAX_ENTRIES: count(1).default(1_000),
  /** How long a checked API key is trusted without reading it again; 0 reads it on every request. */
  KEY_CACHE_TTL_SECONDS: count(0).max(3_600, 'must be at most 3600').default(30),
});

export type Config = Omit<z.infer<typeof schema>, 'GRAPHIQL' | 'INTROSPECTION'> & { GRAPHIQL: boolean; INTROSPECTION: boolean };

export class ConfigError extends Error {}

/** Reads the configuration from the environment; a bad value stops the start with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = []): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  // `pnpm start --demo` passes the argument through to the server, however it is launched.
  if (argv.includes('--demo')) present.DEMO = 'true';
  const result = schema.safeParse(present);
  if (result.success && result.data.METRICS === 'token' && !result.data.METRICS_TOKEN) {
    throw new ConfigError('Invalid configuration:\n  METRICS_TOKEN: must be set when METRICS=token');
  }
  if (result.success) {
    // Production closes the schema explorer unless told otherwise; elsewhere analysts get it.
    const open = result.data.NODE_ENV !== 'production';
    return { ...result.data, GRAPHIQL: result.data.GRAPHIQL ?? open, INTROSPECTION: result.data.INTROSPECTION ?? open };
  }
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    // Never echo a connection URL: it may carry a password.
    const shown = name === 'DATABASE_URL' || name === 'REDIS_URL' || name === 'METRICS_TOKEN' ? '' : ` (got "${String(present[name])}")`;
    return `  ${name}: ${issue.message}${shown}`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
