// An RFC 4180 CSV reader fed in chunks (pure: the caller does the I/O). Handles a UTF-8 BOM, quoted
// fields with doubled quotes and line breaks, CRLF/LF, and trims fields on request (FEBRL files put
// a space after every comma).

export class CsvReader {
  private field = '';
  private row: string[] = [];
  private inQuotes = false;
  private quoteSeen = false;
  private started = false;
  private pendingQuote = false;
  private readonly rows: string[][] = [];

  constructor(private readonly trim: boolean = true) {}

  /** Parses a chunk; returns the rows it completed. */
  push(chunk: string): string[][] {
    let text = chunk;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (this.inQuotes) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            this.field += '"';
            i++;
          } else if (i + 1 === text.length) {
            // A quote at the end of a chunk: decide with the next chunk.
            this.inQuotes = false;
            this.quoteSeen = true;
            this.pendingQuote = true;
          } else {
            this.inQuotes = false;
          }
        } else this.field += ch;
        continue;
      }
      if (this.pendingQuote) {
        this.pendingQuote = false;
        if (ch === '"') {
          this.field += '"';
          this.inQuotes = true;
          continue;
        }
      }
      if (ch === '"' && !this.quoteSeen && this.field.trim() === '') {
        this.inQuotes = true;
        this.quoteSeen = true;
        this.field = '';
      } else if (ch === ',') {
        this.endField();
      } else if (ch === '\n') {
        this.endRow();
      } else if (ch === '\r') {
        if (text[i + 1] !== '\n') this.endRow();
      } else this.field += ch;
    }
    return this.rows.splice(0);
  }

  /** Finishes the input; returns the last row if the text did not end with a line break. */
  end(): string[][] {
    this.pendingQuote = false;
    if (this.field !== '' || this.row.length > 0) this.endRow();
    return this.rows.splice(0);
  }

  private endField(): void {
    this.row.push(this.trim ? this.field.trim() : this.field);
    this.field = '';
    this.quoteSeen = false;
  }

  private endRow(): void {
    this.endField();
    // Skip blank lines.
    if (!(this.row.length === 1 && this.row[0] === '')) this.rows.push(this.row);
    this.row = [];
  }
}

/** Parses a whole text into a header and rows. */
export function parseCsv(text: string, trim = true): { header: string[]; rows: string[][] } {
  const reader = new CsvReader(trim);
  const all = reader.push(text);
  all.push(...reader.end());
  const [header = [], ...rows] = all;
  return { header, rows };
}
