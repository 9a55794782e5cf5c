import { scopeToVisibility, type Database, type PrismaClient } from '@zonegraph/db';
import { anonymous, visibleTo, type Caller } from '@zonegraph/graph';
import { GraphQLError } from 'graphql';
import { createKeyChecks, type KeyChecks } from './key-cache.ts';
import type { Logger } from './logger.ts';

export interface AuthOptions {
  db: Database;
  logger: Logger;
  /** When false, every request needs a valid API key. */
  allowAnonymous: boolean;
  /** Where keys are checked; by default against the database on every request. */
  keyChecks?: KeyChecks;
}

const unauthenticated = (message: string) =>
  new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'www-authenticate': 'Bearer' } } },
  });

/**
 * Turns the Authorization header into the caller, once per request, and
 * gives it a database client scoped to what that caller may see. A key that
 * is present but unknown, revoked or expired is refused outright rather than
 * treated as anonymous, so a partner notices a dead key at once.
 */
export function createAuthenticator({ db, logger, allowAnonymous, keyChecks = createKeyChecks({ prisma: db.prisma, ttlMs: 0 }) }: AuthOptions) {
  // Three visibility sets exist; one scoped client each, made once.
  const clients = new Map<string, PrismaClient>();
  const clientFor = (caller: Caller): PrismaClient => {
    const visible = visibleTo(caller);
    const key = visible.join(',');
    let client = clients.get(key);
    if (!client) {
      client = scopeToVisibility(db.prisma, visible);
      clients.set(key, client);
    }
    return client;
  };

  return async function authenticate(request: Request): Promise<{ caller: Caller; prisma: PrismaClient }> {
    const header = request.headers.get('authorization');
    // An empty header is a malformed one, not an absent one: refused like any other.
    if (header === null) {
      if (!allowAnonymous) throw unauthenticated('This API needs an API key: send "Authorization: Bearer <key>".');
      return { caller: anonymous, prisma: clientFor(anonymous) };
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <key>".');
    const check = await keyChecks.check(match[1]!);
    if (!check.ok) {
      const why = { unknown: 'is not a key this API issued', revoked: 'has been revoked', expired: 'has expired' }[check.reason];
      throw unauthenticated(`The API key ${why}.`);
    }
    keyChecks.touch(check.key).catch((error: unknown) => logger.warn({ err: error }, 'could not record the key\'s last use'));
    const caller: Caller = { role: check.key.role, holder: check.key.holder, apiKeyId: check.key.id, keyExpiresAt: check.key.expiresAt };
    return { caller, prisma: clientFor(caller) };
  };
}
