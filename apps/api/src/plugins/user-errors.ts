import { PothosValidationError } from '@pothos/core';
import { Prisma } from '@zonegraph/db';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Gives the caller's own mistakes a code instead of letting them pass as
 * server faults: Pothos' rejections of connection arguments (malformed
 * cursors, `before` with `after`), and identifiers that are not UUIDs, which
 * the database refuses (every ID we issue is a UUID, so a malformed one can
 * only have come from the caller).
 */
export function useUserErrorCodes(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || !result.errors?.length) return;
          setResult({ ...result, errors: result.errors.map(classify) });
        },
      };
    },
  };
}

function classify(error: GraphQLError): GraphQLError {
  if (error.extensions?.code) return error;
  const original = error.originalError;
  // An error from execution with no field path and no cause is graphql-js
  // refusing the variables (a wrong type, an unknown enum value).
  if (!error.path && !original) return withCode(error, error.message);
  if (original instanceof PothosValidationError) return withCode(error, error.message);
  if (original instanceof Prisma.PrismaClientKnownRequestError && isMalformedUuid(original)) {
    return withCode(error, 'A cursor or ID is malformed: it does not name any record this API issued.');
  }
  return error;
}

// PostgreSQL's 22P02 reaches us as P2007 through the driver adapters, and as
// P2023 when Prisma itself refuses the value.
function isMalformedUuid(error: Prisma.PrismaClientKnownRequestError): boolean {
  if (error.code !== 'P2007' && error.code !== 'P2023') return false;
  return /type uuid|creating UUID/i.test(`${error.message} ${JSON.stringify(error.meta ?? {})}`);
}

function withCode(error: GraphQLError, message: string): GraphQLError {
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    // Without originalError, yoga sees an error meant for the caller and does not mask it.
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
  });
}
