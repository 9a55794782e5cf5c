export { run } from './run.ts';
export { ExitCode } from './exit-codes.ts';
export type { CliIo, OutputStream } from './io.ts';
