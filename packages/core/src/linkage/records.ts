// The records a linkage job sees: one table (dedupe) or two (link), addressed as one sequence
// 0 … n−1 where table A's rows come first. Values are trimmed; an empty value is missing.

export interface RecordTable {
  header: string[];
  rows: string[][];
}

export class LinkInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LinkInputError';
  }
}

export class RecordSet {
  readonly count: number;
  /** Records 0 … sizeA−1 come from the first table. */
  readonly sizeA: number;
  private readonly cache = new Map<string, string[]>();

  constructor(readonly tables: readonly RecordTable[]) {
    if (tables.length < 1 || tables.length > 2) throw new LinkInputError('give one table or two');
    this.sizeA = tables[0]?.rows.length ?? 0;
    this.count = tables.reduce((sum, table) => sum + table.rows.length, 0);
  }

  get isLink(): boolean {
    return this.tables.length === 2;
  }

  /** Which table a record comes from (0 or 1). */
  source(record: number): number {
    return record < this.sizeA ? 0 : 1;
  }

  hasColumn(name: string): boolean {
    return this.tables.every((table) => table.header.includes(name));
  }

  /** The trimmed values of a column over all records ('' = missing). */
  column(name: string): string[] {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const values: string[] = new Array<string>(this.count);
    let at = 0;
    this.tables.forEach((table, t) => {
      const index = table.header.indexOf(name);
      if (index < 0) {
        throw new LinkInputError(
          `column "${name}" is missing from ${this.tables.length === 2 ? `file ${t === 0 ? 'A' : 'B'}` : 'the file'} (columns: ${table.header.join(', ')})`,
        );
      }
      for (const row of table.rows) values[at++] = (row[index] ?? '').trim();
    });
    this.cache.set(name, values);
    return values;
  }
}

/** Interns strings to dense ids; '' (missing) maps to −1. */
export function internValues(values: readonly string[]): { ids: Int32Array; distinct: string[] } {
  const ids = new Int32Array(values.length);
  const index = new Map<string, number>();
  const distinct: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    if (value === '') {
      ids[i] = -1;
      continue;
    }
    let id = index.get(value);
    if (id === undefined) {
      id = distinct.length;
      distinct.push(value);
      index.set(value, id);
    }
    ids[i] = id;
  }
  return { ids, distinct };
}
