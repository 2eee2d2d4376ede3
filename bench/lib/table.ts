// Plain-text tables for the console (CJK characters count as two columns).
import type { Table } from './types';

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Renders a table; the first column is left-aligned, the others right-aligned. */
export function formatTable(table: Table): string {
  const cells = [table.columns, ...table.rows.map((row) => row.map(String))];
  const widths = table.columns.map((_, c) => Math.max(...cells.map((row) => displayWidth(row[c] ?? ''))));
  const line = (row: string[]) =>
    row
      .map((cell, c) => pad(cell, widths[c] ?? 0, c > 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out = [table.title, rule, line(table.columns), rule, ...cells.slice(1).map(line), rule];
  for (const note of table.footnotes ?? []) out.push(`  ${note}`);
  return out.join('\n');
}

export function printTable(table: Table): void {
  process.stdout.write(`\n${formatTable(table)}\n`);
}
