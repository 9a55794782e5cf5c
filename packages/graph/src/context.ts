import type { PrismaClient } from '@zonegraph/db';

/** What every resolver knows about the request it serves. */
export interface Context {
  prisma: PrismaClient;
  requestId: string;
}
