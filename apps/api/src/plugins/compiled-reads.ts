import { SpanStatusCode, type Tracer } from '@opentelemetry/api';
import type { Plugin } from 'graphql-yoga';
import { compileRead, type Context } from '@zonegraph/graph';
import type { Logger } from '../logger.ts';
import { addResolvedObjects } from './cost.ts';

/**
 * Answers the queries the compiler knows (see packages/graph/src/compiled) with
 * one SQL statement per root field; every other operation executes as before.
 * Placed before the other execution plugins: their execute wrappers (the
 * response cache, the concurrency slot and deadline) wrap this one as they
 * wrap graphql-js's, and admission and budgets treat a compiled answer like any
 * other.
 */
export function useCompiledReads({ logger, tracer }: { logger: Logger; tracer?: Tracer }): Plugin {
  // Each root field's statement under a span named as its resolver's would be (see tracing.ts).
  const traced = tracer
    ? <T>(field: string, run: () => Promise<T>) =>
        tracer.startActiveSpan(`resolve Query.${field}`, { attributes: { 'graphql.field.name': field, 'zonegraph.compiled': true } }, async (span) => {
          try {
            return await run();
          } catch (error) {
            span.recordException(error instanceof Error ? error : String(error));
            span.setStatus({ code: SpanStatusCode.ERROR });
            throw error;
          } finally {
            span.end();
          }
        })
    : undefined;
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const compiled = compileRead({
        schema: args.schema,
        document: args.document,
        operationName: args.operationName,
        variableValues: args.variableValues as Record<string, unknown> | undefined,
        contextValue: args.contextValue as unknown as Context,
        around: traced,
      });
      if (!compiled) return;
      setExecuteFn(async (executeArgs) => {
        let result;
        try {
          result = await compiled();
        } catch (error) {
          // A compiled statement that fails is a fault of the compiler, not of the request: say so,
          // and answer through the resolvers, which report a failing database as they always do.
          logger.error({ err: error, requestId: (executeArgs.contextValue as Context).requestId }, 'compiled read failed; answering through the resolvers');
          return executeFn(executeArgs);
        }
        // No resolver ran: the objects in the answer are its actual cost, as the resolvers would have counted them.
        addResolvedObjects(executeArgs.contextValue as object, countObjects(result.data));
        return result;
      });
    },
  };
}

/** Every object in an answer, each item of a list of objects counted once: what the cost plugin counts per resolved field. */
function countObjects(value: unknown, isRoot = true): number {
  if (Array.isArray(value)) return value.reduce<number>((n, item) => n + countObjects(item, false), 0);
  if (value === null || typeof value !== 'object') return 0;
  let n = isRoot ? 0 : 1;
  for (const child of Object.values(value)) n += countObjects(child, false);
  return n;
}
