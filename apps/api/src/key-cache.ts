import { checkApiKey, checkApiKeyRecord, hashApiKey, touchApiKey, type ApiKey, type KeyCheck, type PrismaClient } from '@zonegraph/db';
import type { PubSub } from '@zonegraph/graph';
import { LRUCache } from 'lru-cache';

export interface KeyChecksOptions {
  prisma: PrismaClient;
  /** How long a key read from the database is trusted without reading it again; 0 reads it on every request. */
  ttlMs: number;
  /** Keys kept at most (least recently used first out). */
  maxKeys?: number;
}

export interface KeyChecks {
  /** Whether a presented key may be used now: from memory when it was read within the TTL. */
  check(presented: string): Promise<KeyCheck>;
  /** Records the key's use at most once a minute, as `touchApiKey` does, without a statement per request. */
  touch(key: ApiKey): Promise<void>;
  /** Forgets a revoked key at once. */
  forget(apiKeyId: string): void;
  /** Checks answered from memory and checks that read the database, since start (for /metrics). */
  readonly counts: { hits: number; misses: number };
}

const TOUCH_INTERVAL_MS = 60_000;

/**
 * Keys that worked, kept briefly so that a keyed request needs no statement
 * to find its caller. Only working keys are kept (an unknown key may be
 * created a moment later; a revoked one stays revoked in the database), the
 * expiry is checked on every use against the kept record, and a revocation
 * forgets the key at once (`forget`, called on every instance through the
 * `apiKeyRevoked` event). A read that was under way when a revocation came
 * is used for its own request but not kept.
 */
export function createKeyChecks({ prisma, ttlMs, maxKeys = 10_000 }: KeyChecksOptions): KeyChecks {
  const keys = ttlMs > 0 ? new LRUCache<string, ApiKey>({ max: maxKeys, ttl: ttlMs }) : null;
  let revocations = 0;
  const counts = { hits: 0, misses: 0 };

  return {
    counts,
    async check(presented) {
      // Anything too long to be a key is refused there without hashing it.
      if (!keys || presented.length > 200) {
        counts.misses += 1;
        return checkApiKey(prisma, presented);
      }
      const hash = hashApiKey(presented);
      const kept = keys.get(hash);
      if (kept) {
        counts.hits += 1;
        const check = checkApiKeyRecord(kept);
        if (!check.ok) keys.delete(hash);
        return check;
      }
      counts.misses += 1;
      const revocationsBefore = revocations;
      const check = await checkApiKey(prisma, presented);
      if (check.ok && revocations === revocationsBefore) keys.set(hash, check.key);
      return check;
    },
    async touch(key) {
      const now = new Date();
      if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < TOUCH_INTERVAL_MS) return;
      // The kept record is what the next request sees: mark it first, so that requests do not queue writes.
      const previous = key.lastUsedAt;
      key.lastUsedAt = now;
      try {
        await touchApiKey(prisma, { ...key, lastUsedAt: previous }, now);
      } catch (error) {
        key.lastUsedAt = previous;
        throw error;
      }
    },
    forget(apiKeyId) {
      revocations += 1;
      if (!keys) return;
      for (const [hash, key] of keys.entries()) if (key.id === apiKeyId) keys.delete(hash);
    },
  };
}

/**
 * Forgets revoked keys as the revocations are announced — through Redis,
 * from every instance, when events travel there — and, for revocations made
 * through this instance, before the announcement leaves it, so that the very
 * next request here is refused. Returns the pubsub the resolvers publish on.
 */
export function forgetRevokedKeys(pubsub: PubSub, keyChecks: KeyChecks): PubSub {
  void (async () => {
    for await (const { apiKeyId } of pubsub.subscribe('apiKeyRevoked')) keyChecks.forget(apiKeyId);
  })();
  return {
    ...pubsub,
    publish: ((topic: string, payload: { apiKeyId?: string }) => {
      if (topic === 'apiKeyRevoked' && payload.apiKeyId) keyChecks.forget(payload.apiKeyId);
      return (pubsub.publish as (topic: string, payload: unknown) => void)(topic, payload);
    }) as PubSub['publish'],
  };
}
