import type { PreparedReads, PrismaClient } from '@zonegraph/db';
import type { Caller } from './auth.ts';
import type { PubSub } from './pubsub.ts';

/** What every resolver knows about the request it serves. */
export interface Context {
  /** A client that shows only what the caller may see (see db's visibility.ts). */
  prisma: PrismaClient;
  caller: Caller;
  requestId: string;
  pubsub: PubSub;
  /**
   * Where compiled reads send their statements (they write visibility into the SQL themselves):
   * prepared when they recur, on PostgreSQL; through `prisma` when absent.
   */
  preparedReads?: PreparedReads;
  /** How this caller's analytics statements are admitted and bounded; unlimited when absent (scripts, tests). */
  analytics?: AnalyticsGate;
}

/**
 * Analytics statements read up to millions of rows each: the server admits
 * them a few at a time per caller and in total (`run` waits for a slot), and
 * each is cut off after `statementTimeoutMs`, so that one caller's reports
 * never hold the whole database pool.
 */
export interface AnalyticsGate {
  statementTimeoutMs: number;
  run<T>(statement: () => Promise<T>): Promise<T>;
}
