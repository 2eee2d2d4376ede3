// Blocking key expressions: a column, or a function of one: prefix(surname,3), year(dob),
// pinyin(name), prefix(pinyin(name),2) … Keys are computed once per record.
import { normalizeChineseName, pinyinKey, sortedTokensKey, variantKey } from './chinese/name-keys';
import { citizenIdKey } from './comparators/citizen-id';
import { parseDateKey } from './comparators/dates';
import type { RecordSet } from './records';
import { normalizeColumn } from './value-keys';

export class KeyExpressionError extends Error {}

type Node = { column: string } | { fn: string; arg: Node; params: number[] };

const functions: Record<string, (value: string, params: number[]) => string> = {
  prefix: (v, [n = 1]) => (v.length >= n ? v.slice(0, n) : ''),
  suffix: (v, [n = 1]) => (v.length >= n ? v.slice(-n) : ''),
  year: (v) => {
    const key = parseDateKey(v);
    if (!key) return '';
    // A bare or partial date ("1970", "1970-05") still has a year.
    return Number.isNaN(key.year) ? (key.digits.length >= 4 ? key.digits.slice(0, 4) : '') : String(key.year);
  },
  yearMonth: (v) => parseDateKey(v)?.digits.slice(0, 6) ?? '',
  monthDay: (v) => parseDateKey(v)?.digits.slice(4, 8) ?? '',
  date: (v) => parseDateKey(v)?.digits ?? '',
  digits: (v) => v.replace(/\D/g, ''),
  firstToken: (v) => v.split(/[\s,]+/).find((t) => t !== '') ?? '',
  lastToken: (v) =>
    v
      .split(/[\s,]+/)
      .filter((t) => t !== '')
      .pop() ?? '',
  sortedTokens: (v) => sortedTokensKey(normalizeChineseName(v)) || v,
  variant: (v) => variantKey(normalizeChineseName(v)),
  pinyin: (v) => pinyinKey(normalizeChineseName(v)).primary.replace(/ /g, ''),
  idBirth: (v) => {
    const key = citizenIdKey(v);
    return key && key.id.length === 18 ? key.id.slice(6, 14) : '';
  },
  citizenId: (v) => citizenIdKey(v)?.id ?? '',
};

function parse(text: string): { node: Node; rest: string } {
  const match = /^\s*([\p{L}\p{N}_$ -]*?)\s*(\(|,|\)|$)/u.exec(text);
  if (!match || !match[1]) throw new KeyExpressionError(`cannot read key expression "${text}"`);
  const word = match[1];
  if (match[2] !== '(')
    return { node: { column: word }, rest: text.slice(match[0].length - match[2]!.length) };
  const fn = functions[word];
  if (!fn)
    throw new KeyExpressionError(
      `unknown key function "${word}" (known: ${Object.keys(functions).join(', ')})`,
    );
  const inner = parse(text.slice(match[0].length));
  let rest = inner.rest;
  const params: number[] = [];
  while (rest.trimStart().startsWith(',')) {
    const num = /^\s*,\s*(\d+)\s*/.exec(rest);
    if (!num) throw new KeyExpressionError(`expected a number in "${text}"`);
    params.push(Number(num[1]));
    rest = rest.slice(num[0].length);
  }
  if (!rest.trimStart().startsWith(')')) throw new KeyExpressionError(`missing ")" in "${text}"`);
  return { node: { fn: word, arg: inner.node, params }, rest: rest.trimStart().slice(1) };
}

export function parseKeyExpression(text: string): Node {
  const { node, rest } = parse(text);
  if (rest.trim() !== '')
    throw new KeyExpressionError(`unexpected "${rest.trim()}" in key expression "${text}"`);
  return node;
}

/** The columns an expression reads. */
export function expressionColumns(text: string): string[] {
  const walk = (node: Node): string[] => ('column' in node ? [node.column] : walk(node.arg));
  return walk(parseKeyExpression(text));
}

// Keys per record set and expression: rules, strict prior rules and EM sessions reuse the same
// expressions (birth_date, pinyin(name)), and computing them is a large part of a big job.
const evaluated = new WeakMap<RecordSet, Map<string, string[]>>();

function evaluate(node: Node, records: RecordSet): string[] {
  const key = JSON.stringify(node);
  let cache = evaluated.get(records);
  if (!cache) evaluated.set(records, (cache = new Map()));
  let keys = cache.get(key);
  if (keys) return keys;
  if ('column' in node) keys = normalizeColumn('string', records.column(node.column));
  else {
    const fn = functions[node.fn] as (value: string, params: number[]) => string;
    const memo = new Map<string, string>();
    keys = evaluate(node.arg, records).map((v) => {
      if (v === '') return '';
      let out = memo.get(v);
      if (out === undefined) memo.set(v, (out = fn(v, node.params)));
      return out;
    });
  }
  cache.set(key, keys);
  return keys;
}

/** One key per record for a list of expressions that must all agree; '' when any part is missing. */
export function compositeKeys(expressions: readonly string[], records: RecordSet): string[] {
  const parts = expressions.map((e) => evaluate(parseKeyExpression(e), records));
  const out = new Array<string>(records.count);
  for (let i = 0; i < records.count; i++) {
    let key = '';
    for (let p = 0; p < parts.length; p++) {
      const part = (parts[p] as string[])[i] as string;
      if (part === '') {
        key = '';
        break;
      }
      key = p === 0 ? part : `${key}\u0001${part}`;
    }
    out[i] = key;
  }
  return out;
}
