import pino from 'pino';

export type Logger = pino.Logger;

/** JSON logs, one line per event. API keys and connection strings never reach them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'zonegraph-api' },
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'apiKey', 'databaseUrl'],
      censor: '[redacted]',
    },
  });
}
