// Console output with the contract of spec/interchange.md §3: `--json` prints exactly one JSON
// document on stdout; human text and progress bars go elsewhere.
import cliProgress from 'cli-progress';

export class Output {
  constructor(readonly json: boolean) {}

  /** Human-readable line (stdout in normal mode, stderr in --json mode so stdout stays one document). */
  info(message: string): void {
    if (this.json) process.stderr.write(`${message}\n`);
    else process.stdout.write(`${message}\n`);
  }

  /** The command's result: the JSON document, or the human text. */
  result(data: unknown, human: string): void {
    if (this.json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    else process.stdout.write(`${human}\n`);
  }

  /** A progress bar on a terminal; a no-op elsewhere (pipes, CI, --json). */
  progress(label: string, total: number): { update(value: number): void; stop(): void } {
    if (this.json || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (value) => bar.update(Math.min(value, total)), stop: () => bar.stop() };
  }

  /** A running count on one terminal line, for work whose total is not known in advance. */
  counter(): { update(text: string): void; stop(): void } {
    // For log files and supervising scripts: one line per update on stderr, even with --json.
    if (process.env.RENKOU_PROGRESS === 'lines') {
      return { update: (text) => process.stderr.write(`${text}\n`), stop: () => undefined };
    }
    if (this.json || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
    return {
      update: (text) => process.stderr.write(`\r${text}\x1b[K`),
      stop: () => process.stderr.write('\n'),
    };
  }
}
