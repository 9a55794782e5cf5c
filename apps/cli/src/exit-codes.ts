/** What the process exit status means; documented in `--help` and the README. */
export const ExitCode = {
  ok: 0,
  /** The API answered with an error (GraphQL errors, e.g. PAGE_SIZE_TOO_LARGE). */
  apiError: 1,
  /** The command line was wrong: an unknown option, a bad value, a missing argument. */
  usage: 2,
  /** No answer from the API: nothing listening, a network failure, or not a GraphQL endpoint. */
  unreachable: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export const exitCodeHelp = `Exit status:
  0  success
  1  the API answered with an error (its code is printed, e.g. PAGE_SIZE_TOO_LARGE)
  2  usage error: unknown command or option, or an invalid value
  3  cannot reach the API (nothing at --url, a network failure, or not a GraphQL endpoint)`;
