import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).default(4000),
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
  GRAPHIQL: flag.default(true),
  /** Whether callers without an API key may read public records. */
  ALLOW_ANONYMOUS: flag.default(true),
  SEED_ON_START: flag.default(true),
  DB_POOL_SIZE: z.coerce.number({ message: 'must be a number' }).int().min(1).max(200).default(10),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number({ message: 'must be a number' }).int().min(0).default(10_000),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Reads the configuration from the environment; a bad value stops the start with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    // Never echo a connection URL: it may carry a password.
    const shown = name === 'DATABASE_URL' || name === 'REDIS_URL' ? '' : ` (got "${String(present[name])}")`;
    return `  ${name}: ${issue.message}${shown}`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
