import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../errors.ts';
import type { CliIo } from '../io.ts';

/** Writes a command's result to the `--out` file (relative to the working directory); a path it cannot write is a usage error. */
export async function writeOut(io: CliIo, out: string, content: string | Uint8Array): Promise<void> {
  try {
    await writeFile(resolve(io.cwd ?? process.cwd(), out), content);
  } catch (error) {
    throw new UsageError(`cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
