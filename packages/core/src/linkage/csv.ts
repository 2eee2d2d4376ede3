// An RFC 4180 CSV reader fed in chunks (pure: the caller does the I/O). Handles a UTF-8 BOM, quoted
// fields with doubled quotes and line breaks, CRLF/LF, and trims fields on request (FEBRL files put
// a space after every comma).

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

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
    // Runs of ordinary characters are copied as one slice: far faster than one character at a time.
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.inQuotes) {
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          this.field += text.slice(i);
          break;
        }
        this.field += text.slice(i, quote);
        if (text.charCodeAt(quote + 1) === QUOTE) {
          this.field += '"';
          i = quote + 2;
        } else {
          this.inQuotes = false;
          // A quote at the end of a chunk: decide with the next chunk.
          if (quote + 1 === n) {
            this.quoteSeen = true;
            this.pendingQuote = true;
          }
          i = quote + 1;
        }
        continue;
      }
      if (this.pendingQuote) {
        this.pendingQuote = false;
        if (text.charCodeAt(i) === QUOTE) {
          this.field += '"';
          this.inQuotes = true;
          i++;
          continue;
        }
      }
      let k = i;
      let code = 0;
      while (k < n) {
        code = text.charCodeAt(k);
        if (code === COMMA || code === LF || code === CR || code === QUOTE) break;
        k++;
      }
      if (k > i) this.field += text.slice(i, k);
      if (k === n) break;
      if (code === QUOTE) {
        if (!this.quoteSeen && this.field.trim() === '') {
          this.inQuotes = true;
          this.quoteSeen = true;
          this.field = '';
        } else this.field += '"';
      } else if (code === COMMA) this.endField();
      else if (code === LF) this.endRow();
      else if (text.charCodeAt(k + 1) !== LF) this.endRow(); // CR alone ends a row; CRLF at the LF
      i = k + 1;
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
