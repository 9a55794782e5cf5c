import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { CallerKind } from '../config.ts';

export interface BudgetOptions {
  /** Cost points per window for each kind of caller; a kind left out is not limited. */
  points: Partial<Record<CallerKind, number>>;
  windowSeconds: number;
  /** Share the counters between instances through this Redis connection. */
  redis?: Redis;
  /** Put before every Redis key, so deployments sharing a Redis server keep their budgets apart. */
  keyPrefix?: string;
}

/** Where a caller stands: reported with every response and with a refusal. */
export interface BudgetState {
  limit: number;
  remaining: number;
  resetAfterSeconds: number;
}

export type Spend = { ok: true; state: BudgetState } | { ok: false; state: BudgetState; retryAfterSeconds: number };

export interface Budgets {
  /** The budget of a kind of caller, or null when it has none. */
  limitOf(kind: CallerKind): number | null;
  spend(kind: CallerKind, key: string, points: number): Promise<Spend | null>;
  /** After execution: give back what the request did not use (negative), or charge what it used beyond its estimate. */
  settle(kind: CallerKind, key: string, points: number): Promise<BudgetState | null>;
}

/**
 * A cost budget per caller that refills every window (rate-limiter-flexible's
 * fixed windows): in memory for one instance, in Redis when several instances
 * must share it. Should Redis become unreachable, each instance falls back to
 * its own memory rather than refusing every request.
 */
export function createBudgets({ points, windowSeconds, redis, keyPrefix = 'zonegraph:budget' }: BudgetOptions): Budgets {
  const limiters = new Map<CallerKind, RateLimiterAbstract>();
  for (const [kind, limit] of Object.entries(points) as [CallerKind, number][]) {
    const common = { points: limit, duration: windowSeconds, keyPrefix: `${keyPrefix}:${kind}` };
    limiters.set(
      kind,
      redis ? new RateLimiterRedis({ ...common, storeClient: redis, insuranceLimiter: new RateLimiterMemory(common) }) : new RateLimiterMemory(common),
    );
  }
  const stateOf = (limit: number, res: RateLimiterRes): BudgetState => ({
    limit,
    remaining: Math.max(0, res.remainingPoints),
    resetAfterSeconds: Math.ceil(res.msBeforeNext / 1000),
  });

  return {
    limitOf: (kind) => points[kind] ?? null,
    async spend(kind, key, cost) {
      const limiter = limiters.get(kind);
      if (!limiter) return null;
      const limit = points[kind]!;
      try {
        return { ok: true, state: stateOf(limit, await limiter.consume(key, cost)) };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        const state = stateOf(limit, refusal);
        return { ok: false, state, retryAfterSeconds: Math.max(1, state.resetAfterSeconds) };
      }
    },
    async settle(kind, key, delta) {
      const limiter = limiters.get(kind);
      if (!limiter || delta === 0) return null;
      const res = delta < 0 ? await limiter.reward(key, -delta) : await limiter.penalty(key, delta);
      return stateOf(points[kind]!, res);
    },
  };
}
