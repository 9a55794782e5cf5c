import type { PrismaClient } from '@zonegraph/db';
import type { Caller } from './auth.ts';
import type { PubSub } from './pubsub.ts';

/** What every resolver knows about the request it serves. */
export interface Context {
  /** A client that shows only what the caller may see (see db's visibility.ts). */
  prisma: PrismaClient;
  caller: Caller;
  requestId: string;
  pubsub: PubSub;
}
