import type { ExitCode } from './exit-codes.ts';

/** The command line is wrong in a way only found after parsing (e.g. a bad $ZONEGRAPH_URL). Exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * A command ends with this status. Its lines, if any, go to stderr after
 * `zonegraph: `; a command that printed its own report (an import's table of
 * errors) throws it without lines.
 */
export class CommandFailed extends Error {
  override readonly name = 'CommandFailed';
  constructor(
    readonly exitCode: ExitCode,
    readonly lines: readonly string[] = [],
  ) {
    super(lines[0] ?? `exit ${exitCode}`);
  }
}
