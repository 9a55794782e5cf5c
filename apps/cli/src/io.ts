/** Where a run writes, and what it reads from its environment: injected so tests need no subprocess. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  /** The directory relative paths (files to import, `--out`) are resolved from; default the process's. */
  cwd?: string;
}

export interface OutputStream {
  /** Text, or bytes (an exported spreadsheet). */
  write(chunk: string | Uint8Array): unknown;
  /** A terminal's width; absent when output goes to a file or a pipe. */
  columns?: number;
  isTTY?: boolean;
}

/**
 * The directory the caller ran the command from. `pnpm zonegraph` runs the
 * root's script in the repository's root, whatever directory it was typed in;
 * pnpm (like npm) names that directory in INIT_CWD, trusted only while the
 * script running is `zonegraph` itself.
 */
export function callerDirectory(env: Record<string, string | undefined>, processCwd = process.cwd()): string {
  const initCwd = env['INIT_CWD']?.trim();
  return env['npm_lifecycle_event'] === 'zonegraph' && initCwd ? initCwd : processCwd;
}
