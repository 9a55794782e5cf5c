export {
  createClient,
  type ClientOptions,
  type OperationFunctions,
  type RequestFunction,
  type VariablesArgs,
  type ZonegraphClient,
} from './client.ts';
export { GraphQLResponseError, TransportError, ZonegraphError } from './errors.ts';
export { operations, type Operations } from './operations/index.ts';
// Every schema enum and input type, each shipped operation's result and
// variables types, its fragments, and its TypedDocumentNode.
export * from './gql/graphql.ts';
