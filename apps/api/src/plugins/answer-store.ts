import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/** What the response cache keeps of an answer: its data, and the objects it holds (what it costs to replay). */
export interface StoredAnswer {
  data: Record<string, unknown>;
  objects: number;
}

/**
 * Cached answers under a generation: every key is read under the current
 * generation, and a change to the data moves to the next one, so that no
 * answer computed before the change is found again. Old generations are not
 * deleted; they age out (TTL, and in memory the size bound).
 */
export interface AnswerStore {
  generation(): Promise<string>;
  /** Called after a change to the data has committed. */
  nextGeneration(): Promise<void>;
  get(key: string): Promise<StoredAnswer | null>;
  set(key: string, answer: StoredAnswer, ttlMs: number): Promise<void>;
}

/** One instance's memory: at most `maxEntries` answers, least recently used first out. */
export function memoryAnswerStore(maxEntries: number): AnswerStore {
  const answers = new LRUCache<string, StoredAnswer>({ max: maxEntries });
  let generation = 0;
  return {
    generation: async () => String(generation),
    async nextGeneration() {
      generation += 1;
    },
    get: async (key) => answers.get(key) ?? null,
    async set(key, answer, ttlMs) {
      answers.set(key, answer, { ttl: ttlMs });
    },
  };
}

export interface RedisAnswerStoreOptions {
  redis: Redis;
  /** Put before every key, so deployments (or test runs) sharing a Redis server keep their answers apart. */
  prefix: string;
  /** Told of Redis failures, at most once every 30 s: during an outage every request would fail alike. */
  onError(operation: string, error: unknown): void;
}

/**
 * Answers shared by every instance using one Redis: the generation is a
 * counter there, read by every request, so a change made through any
 * instance is seen by all of them at once (no message to wait for). When
 * Redis cannot be reached, nothing is served from or stored in it: the
 * request runs as if there were no cache.
 */
export function redisAnswerStore({ redis, prefix, onError }: RedisAnswerStoreOptions): AnswerStore {
  const generationKey = `${prefix}:generation`;
  const UNKNOWN = 'unknown-generation';
  const unavailable = Symbol('unavailable');
  let lastReported = -Infinity;
  const attempt = async <T>(operation: string, run: () => Promise<T>): Promise<T | typeof unavailable> => {
    try {
      return await run();
    } catch (error) {
      if (Date.now() - lastReported >= 30_000) {
        lastReported = Date.now();
        onError(operation, error);
      }
      return unavailable;
    }
  };
  return {
    async generation() {
      const value = await attempt('read the generation', () => redis.get(generationKey));
      // Without the generation no answer is safe to serve or to keep.
      return value === unavailable ? UNKNOWN : (value ?? '0');
    },
    async nextGeneration() {
      await attempt('move to the next generation', () => redis.incr(generationKey));
    },
    async get(key) {
      if (key.startsWith(UNKNOWN)) return null;
      const value = await attempt('read an answer', () => redis.get(`${prefix}:answer:${key}`));
      if (value === unavailable || value === null) return null;
      return JSON.parse(value) as StoredAnswer;
    },
    async set(key, answer, ttlMs) {
      if (key.startsWith(UNKNOWN)) return;
      await attempt('store an answer', () => redis.set(`${prefix}:answer:${key}`, JSON.stringify(answer), 'PX', Math.max(1, Math.round(ttlMs))));
    },
  };
}
