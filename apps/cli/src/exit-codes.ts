/** What the process exit status means; documented in `--help` and the README. */
export const ExitCode = {
  ok: 0,
  /** The API or the database answered with an error (GraphQL errors, FORBIDDEN, a failed migration). */
  apiError: 1,
  /** The command line was wrong: an unknown option, a bad value, a missing argument, a file that cannot be read. */
  usage: 2,
  /** No answer from the API: nothing listening, a network failure, or not a GraphQL endpoint. */
  unreachable: 3,
  /** The data was refused: a file to import has errors (nothing was imported), or a restore or copy target holds data. */
  rejected: 4,
  /** `db status`: migrations are pending or failed. */
  notUpToDate: 5,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export const exitCodeHelp = `Exit status:
  0  success
  1  the API or the database answered with an error (its code is printed, e.g. FORBIDDEN)
  2  usage error: unknown command or option, an invalid value, a file that cannot be read
  3  cannot reach the API (nothing at --url, a network failure, or not a GraphQL endpoint)
  4  the data was refused: the file to import has errors, listed by row; nothing was imported;
     or db restore / db copy found data in the target (pass --force)
  5  db status: the database has pending or failed migrations`;
