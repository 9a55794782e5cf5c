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
  /** Output to a terminal of that width: stdout, or with `stderr: true` stderr only (where progress bars go). */
  terminal?: { columns: number; stderr?: boolean },
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  // Bytes (an .xlsx) are kept one character per byte.
  const text = (chunk: string | Uint8Array) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1'));
  const code = await run(argv, {
    stdout: { write: (chunk: string | Uint8Array) => (stdout += text(chunk)), ...(terminal && !terminal.stderr && { isTTY: true, columns: terminal.columns }) },
    stderr: { write: (chunk: string | Uint8Array) => (stderr += text(chunk)), ...(terminal?.stderr && { isTTY: true, columns: terminal.columns }) },
    env,
  });
  return { code, stdout, stderr };
}
