/** Where a run writes, and what it reads from its environment: injected so tests need no subprocess. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
}

export interface OutputStream {
  write(chunk: string): unknown;
  /** A terminal's width; absent when output goes to a file or a pipe. */
  columns?: number;
  isTTY?: boolean;
}
