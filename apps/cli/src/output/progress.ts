import cliProgress from 'cli-progress';
import type { OutputStream } from '../io.ts';

export interface Progress {
  /** Moves the bar to `value` and names the phase it is in. */
  update(value: number, phase: string): void;
  stop(): void;
}

const silent: Progress = { update() {}, stop() {} };

/**
 * A progress bar on stderr, only when stderr is a terminal: piped or logged
 * output never holds the bar's control characters, and stdout stays clean for
 * the results.
 */
export function progressBar(stderr: OutputStream, total: number): Progress {
  if (!stderr.isTTY || total === 0) return silent;
  const bar = new cliProgress.SingleBar(
    {
      stream: stderr as NodeJS.WritableStream,
      format: '{phase} [{bar}] {value}/{total} rows',
      hideCursor: true,
      clearOnComplete: true,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { phase: 'checking ' });
  return {
    update: (value, phase) => bar.update(value, { phase }),
    stop: () => bar.stop(),
  };
}
