import type { MutationErrorFragment } from './gql/graphql.ts';

/**
 * The kinds of error a mutation answers with, as data, instead of its
 * success. (importProjects answers ImportRejectedError in place of
 * NotFoundError: its issues are by row.)
 */
export type MutationErrorTypename = 'ValidationError' | 'NotFoundError' | 'ForbiddenError' | 'ConflictError';

/** Any of a mutation's typed errors, with the fields each kind has. */
export type MutationError = Extract<MutationErrorFragment, { __typename: MutationErrorTypename }>;

/**
 * Whether a mutation's payload is one of its typed errors (every one
 * implements the schema's `Error`, and its name ends in `Error`); narrows the
 * payload either way, for callers that handle every error alike.
 */
export function isMutationError<TPayload extends { __typename: string }>(
  payload: TPayload,
): payload is Extract<TPayload, { __typename: `${string}Error` }> {
  return payload.__typename.endsWith('Error');
}
