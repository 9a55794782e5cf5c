import { run, type ExitCode } from '../../src/index.ts';

export interface CliResult {
  code: ExitCode;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in process, as `zonegraph ...argv` would, and captures what it prints. */
export async function zonegraph(
  argv: string[],
  env: Record<string, string | undefined> = {},
  terminal?: { columns: number },
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk), ...(terminal && { isTTY: true, columns: terminal.columns }) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env,
  });
  return { code, stdout, stderr };
}
