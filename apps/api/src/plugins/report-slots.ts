import { ZonegraphError, type AnalyticsGate } from '@zonegraph/graph';
import pLimit, { type Limit } from 'p-limit';

export interface ReportSlotOptions {
  /** Analytics statements one caller (key, or address when anonymous) may have running at once. */
  perCaller: number;
  /** Analytics statements this instance runs at once, all callers together (keep it below the pool size). */
  total: number;
  statementTimeoutMs: number;
  /** How long a statement may wait for its slots before the report is refused (REPORTS_BUSY). */
  waitTimeoutMs: number;
}

/**
 * The analytics gate of one instance: a caller's statements wait for one of
 * its own slots, then for one of the instance's, so that a caller flooding
 * reports queues behind itself while plain reads keep the rest of the
 * database pool. Per instance: N instances admit N × `total` at most. A
 * statement that has not started after `waitTimeoutMs` is refused with 503
 * REPORTS_BUSY and Retry-After, and gives up its place: it never runs later.
 */
export function createReportSlots({ perCaller, total, statementTimeoutMs, waitTimeoutMs }: ReportSlotOptions): (callerKey: string) => AnalyticsGate {
  const instance = pLimit(total);
  const callers = new Map<string, Limit>();
  const retryAfter = String(Math.max(1, Math.ceil(waitTimeoutMs / 1000)));
  return (callerKey) => ({
    statementTimeoutMs,
    async run<T>(statement: () => Promise<T>): Promise<T> {
      let own = callers.get(callerKey);
      if (!own) callers.set(callerKey, (own = pLimit(perCaller)));
      const limit = own;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let abandoned = false;
      const queuedAt = performance.now();
      let refuse: (error: Error) => void = () => {};
      const waited = new Promise<never>((_, reject) => (refuse = reject));
      const giveUp = () => {
        abandoned = true;
        refuse(
          new ZonegraphError(
            `Reports are busy: this one waited ${waitTimeoutMs} ms for a slot (${perCaller} at once per caller, ${total} per instance) without starting. Retry in ${retryAfter} s, or ask for fewer reports at once.`,
            'REPORTS_BUSY',
            { limit: waitTimeoutMs, http: { status: 503, headers: { 'retry-after': retryAfter } } },
          ),
        );
      };
      timer = setTimeout(giveUp, waitTimeoutMs);
      const task = limit(() =>
        instance(() => {
          clearTimeout(timer);
          // The timer may not have fired yet (an in-process database such as PGlite holds the event loop
          // while it runs a statement): the time waited decides.
          if (!abandoned && performance.now() - queuedAt > waitTimeoutMs) giveUp();
          // Its turn came after the caller was answered: the slot passes on at once.
          if (abandoned) return Promise.resolve(undefined as T);
          return statement();
        }),
      );
      const release = () => {
        if (limit.activeCount === 0 && limit.pendingCount === 0 && callers.get(callerKey) === limit) callers.delete(callerKey);
      };
      task.then(release, release);
      try {
        return await Promise.race([task, waited]);
      } finally {
        clearTimeout(timer);
      }
    },
  });
}
