import { CommandFailed } from './errors.ts';
import { ExitCode } from './exit-codes.ts';

/** A mutation's error answered as data (`... on Error`), with a ValidationError's issues when it has them. */
interface ErrorPayload {
  __typename: string;
  code: string;
  message: string;
  issues?: readonly ({ path: readonly string[]; message: string } | { row: number; message: string })[];
}

/** The failure a mutation's error payload means for the command: exit 1, its code and message on stderr. */
export function failure(payload: ErrorPayload): CommandFailed {
  const details = (payload.issues ?? []).map((issue) => ('path' in issue ? `  ${issue.path.join('.')}: ${issue.message}` : `  row ${issue.row}: ${issue.message}`));
  return new CommandFailed(ExitCode.apiError, [`${payload.code}: ${payload.message}`, ...details]);
}
