export {
  createClient,
  type CallArgs,
  type CallOptions,
  type ClientOptions,
  type OperationFunctions,
  type RequestFunction,
  type SubscribeFunction,
  type SubscriptionFunctions,
  type VariablesArgs,
  type ZonegraphClient,
} from './client.ts';
export { GraphQLResponseError, RateLimitedError, TimeoutError, TransportError, ZonegraphError } from './errors.ts';
export { operations, subscriptions, type Operations, type Subscriptions } from './operations/index.ts';
export { paginate, paginateNodes, type Connection } from './pagination.ts';
export { isMutationError, type MutationError, type MutationErrorTypename } from './payloads.ts';
export type { RetryOptions } from './retry.ts';
export type { Subscription, SubscriptionOptions } from './subscriptions.ts';
export { CLIENT_HEADER, CLIENT_NAME } from './transport.ts';
// Every schema enum and input type, each shipped operation's result and
// variables types, its fragments, and its TypedDocumentNode.
export * from './gql/graphql.ts';
