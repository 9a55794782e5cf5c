// React bindings on TanStack Query: `<ZonegraphProvider client={…}>`, then one
// hook per shipped operation (generated from src/operations by `pnpm generate`).
export { QUERY_KEY_ROOT, ZonegraphProvider, useZonegraphClient, useZonegraphScope, type ZonegraphProviderProps } from './context.ts';
export {
  operationQueryKey,
  useConnectionInfiniteQuery,
  useOperationMutation,
  useOperationQuery,
  useOperationSubscription,
  type InfiniteQueryHookArgs,
  type InfiniteQueryHookOptions,
  type InfiniteVariables,
  type MutationHookOptions,
  type MutationPayload,
  type QueryHookArgs,
  type QueryHookOptions,
  type SubscriptionHookArgs,
  type SubscriptionHookOptions,
  type SubscriptionHookResult,
  type SubscriptionStatus,
} from './hooks.ts';
export * from './generated/hooks.ts';
