// Which division codes exist on which day, answered synchronously for the reducers: the loaded tree
// (with its validity dates) first, then the national list for codes outside it (people arriving
// from or leaving to elsewhere), read once from the division package on first need.
import type { Db } from '@renkou/db';
import { readDivisions } from '../jurisdictions';

interface Validity {
  from: string;
  to: string | null;
}

export class CodeBook {
  private constructor(
    private readonly loaded: Map<string, Validity>,
    private readonly national: Set<string>,
  ) {}

  static async open(db: Db): Promise<CodeBook> {
    const rows = await db.selectFrom('jurisdictions').select(['code', 'valid_from', 'valid_to']).execute();
    const loaded = new Map(rows.map((r) => [r.code, { from: r.valid_from, to: r.valid_to }]));
    const national = new Set<string>();
    for await (const row of readDivisions('')) if (!loaded.has(row.code)) national.add(row.code);
    return new CodeBook(loaded, national);
  }

  /** For tests: a book of the given codes, valid from 1900. */
  static of(codes: Iterable<string>): CodeBook {
    return new CodeBook(new Map([...codes].map((c) => [c, { from: '1900-01-01', to: null }])), new Set());
  }

  isValidCode = (code: string, date: string): boolean => {
    const validity = this.loaded.get(code);
    if (validity) return validity.from <= date && (validity.to === null || date < validity.to);
    return this.national.has(code);
  };
}
