import type { Context } from '@zonegraph/graph';
import { getOperationAST, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { callerKey } from './caller-key.ts';
import { edgeError } from './edge-errors.ts';

export interface ExecutionGuardOptions {
  /** How many operations one caller (key, or address when anonymous) may have executing at once. */
  maxConcurrentPerKey: number;
  /** How many subscriptions (open event streams) one caller may hold at once. */
  maxSubscriptionsPerKey: number;
  /** After this long the caller is answered with EXECUTION_TIMEOUT. */
  timeoutMs: number;
  trustProxy: boolean;
}

type EdgeContext = Context & { request: Request; req?: { socket?: { remoteAddress?: string } } };

/**
 * Keeps one caller from occupying the server: a limit on its operations in
 * flight, and a deadline on each. graphql-js cannot abandon an execution, so
 * a timed-out one finishes in the background, still holding its slot, which
 * keeps a caller who times out from piling more work on.
 *
 * Mutations get no deadline here: an answer "abandoned" to a write that then
 * commits would be a lie. Their transactions carry their own limits (see
 * audited() and importProjects), after which they fail and write nothing.
 */
export function useExecutionGuards({ maxConcurrentPerKey, maxSubscriptionsPerKey, timeoutMs, trustProxy }: ExecutionGuardOptions): Plugin<EdgeContext> {
  const inFlight = new Map<string, number>();
  const release = (key: string) => decrement(inFlight, key);
  // An open stream holds a connection and a listener for as long as the client
  // keeps it: counted apart from executions, which end.
  const streams = new Map<string, number>();

  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const context = args.contextValue;
      const key = callerKey(context.caller, context.request, context, trustProxy);
      const open = streams.get(key) ?? 0;
      if (open >= maxSubscriptionsPerKey) {
        return setResultAndStopExecution({
          errors: [
            edgeError('TOO_MANY_SUBSCRIPTIONS', `This caller already has ${open} subscriptions open, the most allowed at once (${maxSubscriptionsPerKey}). Close one first.`, {
              status: 429,
              headers: { 'retry-after': '5' },
              limit: maxSubscriptionsPerKey,
            }),
          ],
        });
      }
      streams.set(key, open + 1);
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        decrement(streams, key);
      };
      return {
        onSubscribeResult: ({ result }) => (Symbol.asyncIterator in result ? { onEnd: close } : close()),
        onSubscribeError: close,
      };
    },
    onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const context = args.contextValue;
      const key = callerKey(context.caller, context.request, context, trustProxy);
      const running = inFlight.get(key) ?? 0;
      if (running >= maxConcurrentPerKey) {
        return setResultAndStopExecution({
          errors: [
            edgeError('TOO_MANY_CONCURRENT_REQUESTS', `This caller already has ${running} operations running, the most allowed at once (${maxConcurrentPerKey}). Wait for one to finish.`, {
              status: 429,
              headers: { 'retry-after': '1' },
              limit: maxConcurrentPerKey,
            }),
          ],
        });
      }
      inFlight.set(key, running + 1);
      if (getOperationAST(args.document, args.operationName)?.operation === 'mutation') {
        setExecuteFn(async (executionArgs) => {
          try {
            return await (executeFn(executionArgs) as ExecutionResult | Promise<ExecutionResult>);
          } finally {
            release(key);
          }
        });
        return;
      }
      setExecuteFn(async (executionArgs) => {
        const execution = Promise.resolve()
          .then(() => executeFn(executionArgs) as ExecutionResult | Promise<ExecutionResult>)
          .finally(() => release(key));
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<ExecutionResult>((resolve) => {
          timer = setTimeout(
            () =>
              resolve({
                errors: [
                  edgeError('EXECUTION_TIMEOUT', `The operation ran longer than the ${timeoutMs} ms allowed and was abandoned.`, {
                    status: 503,
                    headers: { 'retry-after': '5' },
                    limit: timeoutMs,
                  }),
                ],
              }),
            timeoutMs,
          );
        });
        try {
          return await Promise.race([execution, deadline]);
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}

function decrement(counts: Map<string, number>, key: string): void {
  const n = (counts.get(key) ?? 1) - 1;
  if (n <= 0) counts.delete(key);
  else counts.set(key, n);
}
