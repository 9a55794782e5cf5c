import { defaultBuildResponseCacheKey, useResponseCache as useEnvelopResponseCache, type Cache, type CacheEntityRecord } from '@envelop/response-cache';
import { visibleTo, type Context } from '@zonegraph/graph';
import { getNamedType, isCompositeType, isInterfaceType, isObjectType, type ExecutionResult, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AnswerStore } from './answer-store.ts';
import { addResolvedObjects } from './cost.ts';

export interface ResponseCacheOptions {
  store: AnswerStore;
  /** How long an answer is kept; bounds what a change made outside the API (or the passing of a day) can leave stale. */
  ttlMs: number;
  schema: GraphQLSchema;
}

type CacheMetadata = { hit?: boolean; objects?: number; invalidatedEntities?: unknown };

/**
 * Answers of queries, shared by every caller who sees the same records.
 *
 * - Keyed by the caller's visibility set (packages/graph `visibleTo`), never
 *   by key or holder: partners and anonymous callers share one set of
 *   answers, analysts another, editors and administrators a third. What
 *   differs within a set is never kept: `viewer` (the caller itself) and API
 *   keys (administrators only, while editors share their visibility).
 * - Any mutation that changes something moves the store to a new generation,
 *   so no answer computed before it is served again — lists, filters, counts,
 *   aggregates and reports included, whatever the mutation touched as a side
 *   effect. Coarse, but right by construction: reads vastly outnumber writes
 *   here, and an answer's dependencies on other records (a campaign's
 *   progress on its projects' stages, a report on everything) are not
 *   visible in the answer's entities.
 * - Runs inside execution (envelop's plugin, not yoga's, which answers from
 *   the cache before the caller is known and before the limits, trusted
 *   documents and budgets are checked), so a hit is admitted like any
 *   request and costs what the answer holds, as if computed: a budget does
 *   not depend on whether someone else asked first.
 * - Answers with errors, mutations and subscriptions are never kept.
 */
export function useResponseCache({ store, ttlMs, schema }: ResponseCacheOptions): Plugin<Context>[] {
  const changeNothing = typesThatChangeNothing(schema);
  const cache: Cache = {
    async get(key) {
      const answer = await store.get(key);
      // The object count rides in the metadata to `chargeReplays`, which takes it out.
      return answer && { data: answer.data, extensions: { responseCache: { objects: answer.objects } } };
    },
    async set(key, result, _entities, ttl) {
      // Only the data: extensions (cost, budget, request id) belong to the request that computed it.
      const cost = result.extensions?.['cost'] as { actual?: number } | undefined;
      await store.set(key, { data: result.data as Record<string, unknown>, objects: cost?.actual ?? 0 }, ttl);
    },
    async invalidate(entities: Iterable<CacheEntityRecord>) {
      for (const { typename } of entities) if (!changeNothing.has(typename)) return store.nextGeneration();
    },
  };

  const cachePlugin = useEnvelopResponseCache<Context>({
    cache,
    ttl: ttlMs,
    session: (context) => visibleTo(context.caller).join(','),
    buildResponseCacheKey: async (params) => `${await store.generation()}:${await defaultBuildResponseCacheKey(params)}`,
    ttlPerSchemaCoordinate: { 'Query.viewer': 0 },
    ignoredTypes: ['ApiKey', 'ApiKeyConnection', 'ApiKeyEdge'],
    shouldCacheResult: ({ result }) => !result.errors?.length,
    includeExtensionMetadata: true,
  }) as Plugin<Context>;

  const chargeReplays: Plugin<Context> = {
    onExecute({ args, executeFn, setExecuteFn }) {
      setExecuteFn(async (executionArgs) => {
        const result = (await executeFn(executionArgs)) as ExecutionResult;
        const meta = result.extensions?.['responseCache'] as CacheMetadata | undefined;
        if (!meta?.hit) return result;
        addResolvedObjects(args.contextValue, meta.objects ?? 0);
        return { ...result, extensions: { ...result.extensions, responseCache: { hit: true } } };
      });
      return {
        onExecuteDone({ result, setResult }) {
          // A mutation's list of entities says nothing a caller can use; it only lengthens the answer.
          if (Symbol.asyncIterator in result) return;
          const meta = result.extensions?.['responseCache'] as CacheMetadata | undefined;
          if (!meta?.invalidatedEntities) return;
          const { responseCache: _, ...extensions } = result.extensions!;
          setResult({ ...result, extensions });
        },
      };
    },
  };

  return [quietWhenStopped(cachePlugin), chargeReplays];
}

/**
 * When a later plugin refuses the request (the concurrency guard), envelop's
 * plugin would still look at the refusal and warn on the console that its
 * execute function was not called: it is not told of refusals, so it is not
 * shown their results.
 */
function quietWhenStopped(plugin: Plugin<Context>): Plugin<Context> {
  const onExecute = plugin.onExecute!;
  return {
    ...plugin,
    onExecute(params) {
      let executed = false;
      const hooks = onExecute({
        ...params,
        setExecuteFn: (fn) => params.setExecuteFn((args) => ((executed = true), fn(args))),
      });
      const quiet = (after: Awaited<typeof hooks>) =>
        after && typeof after === 'object' && after.onExecuteDone
          ? { ...after, onExecuteDone: (done: Parameters<NonNullable<typeof after.onExecuteDone>>[0]) => (executed ? after.onExecuteDone!(done) : undefined) }
          : after;
      return hooks instanceof Promise ? hooks.then(quiet) : quiet(hooks as Awaited<typeof hooks>);
    },
  };
}

/**
 * The types of a mutation's answer that say nothing changed: the root, and
 * the `Error` payloads (ValidationError, ConflictError, …) with what they
 * hold. A mutation whose answer holds anything else changed the data.
 */
function typesThatChangeNothing(schema: GraphQLSchema): Set<string> {
  const names = new Set<string>([schema.getMutationType()?.name ?? 'Mutation']);
  const add = (type: GraphQLNamedType) => {
    if (names.has(type.name)) return;
    names.add(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (isCompositeType(named)) add(named);
      }
    }
  };
  const error = schema.getType('Error');
  if (isInterfaceType(error)) for (const type of schema.getPossibleTypes(error)) add(type);
  return names;
}
