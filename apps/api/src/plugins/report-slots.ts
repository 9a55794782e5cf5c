import type { AnalyticsGate } from '@zonegraph/graph';
import pLimit, { type Limit } from 'p-limit';

export interface ReportSlotOptions {
  /** Analytics statements one caller (key, or address when anonymous) may have running at once. */
  perCaller: number;
  /** Analytics statements this instance runs at once, all callers together (keep it below the pool size). */
  total: number;
  statementTimeoutMs: number;
}

/**
 * The analytics gate of one instance: a caller's statements wait for one of
 * its own slots, then for one of the instance's, so that a caller flooding
 * reports queues behind itself while plain reads keep the rest of the
 * database pool. Per instance: N instances admit N × `total` at most.
 */
export function createReportSlots({ perCaller, total, statementTimeoutMs }: ReportSlotOptions): (callerKey: string) => AnalyticsGate {
  const instance = pLimit(total);
  const callers = new Map<string, Limit>();
  return (callerKey) => ({
    statementTimeoutMs,
    async run(statement) {
      let own = callers.get(callerKey);
      if (!own) callers.set(callerKey, (own = pLimit(perCaller)));
      try {
        return await own(() => instance(statement));
      } finally {
        if (own.activeCount === 0 && own.pendingCount === 0) callers.delete(callerKey);
      }
    },
  });
}
