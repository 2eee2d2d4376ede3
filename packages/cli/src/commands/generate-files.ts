// Streaming CSV files for `renkou generate`: UTF-8, header row, RFC 4180 quoting, written in ~1 MB
// chunks with back-pressure, so a multi-million-person county never sits in memory as text.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const CHUNK = 1 << 20;

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export class CsvFileWriter {
  rows = 0;
  private buffer: string;
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  constructor(
    readonly path: string,
    private readonly columns: readonly string[],
  ) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.stream.on('error', (error) => (this.failure = error));
    this.buffer = `${columns.join(',')}\r\n`;
  }

  /** Adds a row; returns a promise to await only when the stream asks the writer to wait. */
  write(row: Readonly<Partial<Record<string, string>>>): Promise<void> | undefined {
    let line = '';
    for (let i = 0; i < this.columns.length; i++) {
      if (i > 0) line += ',';
      line += csvField(row[this.columns[i] as string] ?? '');
    }
    this.buffer += `${line}\r\n`;
    this.rows++;
    return this.buffer.length >= CHUNK ? this.flush() : undefined;
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    if (!this.stream.writableFinished) await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const chunk = this.buffer;
    this.buffer = '';
    if (chunk !== '' && !this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}
