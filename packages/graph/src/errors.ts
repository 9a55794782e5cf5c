import { GraphQLError } from 'graphql';

/**
 * An error the caller caused and can correct. Its `code` is stable and
 * documented; the message says what to change.
 */
export class UserInputError extends GraphQLError {
  constructor(message: string, code = 'BAD_USER_INPUT', extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}
