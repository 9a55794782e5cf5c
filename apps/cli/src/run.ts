import { Command, CommanderError } from 'commander';
import { GraphQLResponseError, TransportError } from '@zonegraph/sdk';
import { dbCommand } from './commands/db.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { keysCommand } from './commands/keys.ts';
import { projectsCommand } from './commands/projects.ts';
import { reportCommand } from './commands/report.ts';
import { DEFAULT_URL } from './connection.ts';
import { CommandFailed, UsageError } from './errors.ts';
import { ExitCode, exitCodeHelp } from './exit-codes.ts';
import { callerDirectory, type CliIo } from './io.ts';

/**
 * Runs the command line `argv` (without the node and script paths) and
 * resolves with the exit status; it never calls `process.exit`, so tests run
 * it in process with their own streams and environment.
 */
export async function run(argv: readonly string[], given: CliIo): Promise<ExitCode> {
  const io: CliIo = { ...given, cwd: given.cwd ?? callerDirectory(given.env) };
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    return report(error, io);
  }
}

function buildProgram(io: CliIo): Command {
  const program = new Command('zonegraph')
    .description('The zonegraph API and database from the command line: projects, spreadsheets, reports, keys.')
    .addHelpText(
      'after',
      `\nEnvironment:\n  ZONEGRAPH_URL      GraphQL endpoint (default http://localhost:4000/graphql)\n  ZONEGRAPH_API_KEY  API key\n  DATABASE_URL, PGLITE_DIR  the database of \`db\` and \`keys create --direct\`\n\n${exitCodeHelp}`,
    );
  program.addCommand(projectsCommand(io));
  program.addCommand(importCommand(io));
  program.addCommand(exportCommand(io));
  program.addCommand(reportCommand(io));
  program.addCommand(keysCommand(io));
  program.addCommand(dbCommand(io));

  // Every command writes to the injected streams and throws instead of exiting.
  const configure = (command: Command) => {
    command.exitOverride().showHelpAfterError('(add --help for usage)').configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHelpWidth: () => io.stdout.columns ?? 80,
      getErrHelpWidth: () => io.stderr.columns ?? 80,
    });
    command.commands.forEach(configure);
  };
  configure(program);
  return program;
}

function report(error: unknown, io: CliIo): ExitCode {
  const say = (line: string) => io.stderr.write(`zonegraph: ${line}\n`);
  if (error instanceof CommanderError) {
    // Commander has already printed its message or the help; exit code 0
    // means help was asked for, anything else a command line it rejected.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof CommandFailed) {
    for (const line of error.lines) say(line);
    return error.exitCode;
  }
  if (error instanceof UsageError) {
    say(`error: ${error.message}`);
    return ExitCode.usage;
  }
  if (error instanceof GraphQLResponseError) {
    for (const entry of error.errors) {
      const code = entry.extensions?.['code'];
      say(`${typeof code === 'string' ? code : 'GRAPHQL_ERROR'}: ${entry.message}`);
    }
    if (error.requestId) say(`(request id ${error.requestId})`);
    return ExitCode.apiError;
  }
  if (error instanceof TransportError) {
    say(error.message);
    if (error.status === undefined) say('Is the API running? Point --url or $ZONEGRAPH_URL at its /graphql endpoint.');
    else if (!answersGraphQL(error.url)) say(`Does the path end in /graphql? The API answers at e.g. ${DEFAULT_URL}; set --url or $ZONEGRAPH_URL.`);
    return ExitCode.unreachable;
  }
  say(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return ExitCode.apiError;
}

/** Whether a URL names a /graphql endpoint; anything else answering with something not GraphQL is likely the wrong path. */
function answersGraphQL(url: string | undefined): boolean {
  if (!url) return true;
  try {
    return new URL(url).pathname.replace(/\/+$/, '').endsWith('/graphql');
  } catch {
    return true;
  }
}
