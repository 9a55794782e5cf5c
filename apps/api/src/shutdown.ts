import type { Server } from 'node:http';
import type { Logger } from './logger.ts';

export interface ShutdownOptions {
  server: Server;
  logger: Logger;
  /** The most a stop may take, from the signal to the process's end. */
  timeoutMs: number;
  /** What to close once no request is left, in order (Redis, the database, …). */
  resources: { name: string; close: () => unknown }[];
  /** The signals that start a stop (tests pass none and call the returned function). */
  signals?: NodeJS.Signals[];
  /** For tests; the real one ends the process. */
  exit?: (code: number) => void;
}

/** Time kept back at the end of the timeout for closing resources after connections are cut. */
const reserveFor = (timeoutMs: number) => Math.min(2_000, Math.floor(timeoutMs / 4));

/**
 * A stop that always ends the process. In-flight requests may finish until
 * `timeoutMs` less a small reserve; then every connection still open (an
 * event stream, a slow client) is cut, and each resource gets what is left of
 * the reserve to close. Whatever still holds the event loop after
 * `timeoutMs` — a pool waiting for a client, a reconnect timer — is logged
 * and the process exits with status 1. A second signal exits at once.
 */
export function installShutdown({ server, logger, timeoutMs, resources, signals = ['SIGINT', 'SIGTERM'], exit = (code) => process.exit(code) }: ShutdownOptions): (signal: string) => void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting now`);
      return exit(1);
    }
    stopping = true;
    logger.info({ timeoutMs }, `${signal}: finishing in-flight requests, then stopping`);
    const deadline = Date.now() + timeoutMs;

    const lastResort = setTimeout(() => {
      logger.error({ left: process.getActiveResourcesInfo() }, `not stopped ${timeoutMs} ms after ${signal}; exiting with what is left open`);
      exit(1);
    }, timeoutMs);
    lastResort.unref();

    const cut = setTimeout(() => {
      logger.warn('in-flight requests did not finish in time; closing their connections');
      server.closeAllConnections();
    }, Math.max(0, timeoutMs - reserveFor(timeoutMs)));
    cut.unref();

    server.close(async () => {
      clearTimeout(cut);
      let clean = true;
      for (const { name, close } of resources) {
        const left = Math.max(0, deadline - Date.now());
        const outcome = await bounded(close, left);
        if (outcome !== 'closed') {
          clean = false;
          logger.warn({ resource: name, outcome }, `could not close ${name} cleanly`);
        }
      }
      clearTimeout(lastResort);
      logger.info('stopped');
      exit(clean ? 0 : 1);
    });
    server.closeIdleConnections();
  };
  for (const signal of signals) process.on(signal, () => stop(signal));
  return stop;
}

async function bounded(close: () => unknown, ms: number): Promise<'closed' | 'timeout' | 'failed'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
    timer.unref();
  });
  try {
    return await Promise.race([Promise.resolve().then(close).then(() => 'closed' as const), late]);
  } catch {
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}
