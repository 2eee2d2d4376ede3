// The comparison level of two distinct values of one column: the first configured level that holds.
// Each kind precomputes what its levels need per distinct value (lazily, once), so comparing two
// values is arithmetic on prepared keys.
import { distance as levenshtein } from 'fastest-levenshtein';
import { boundedSimilarity } from './bounded-jaro';
import { ChineseNameFacts } from './chinese/name-facts';
import { CitizenIdFacts, ID_INVALID, ID_NONE } from './citizen-id-facts';
import { charClassMask, editLowerBound } from './comparators/char-bounds';
import { osaDistanceWithin } from './comparators/damerau-levenshtein';
import { parseDateKey, type DateKey } from './comparators/dates';
import { DateFacts } from './date-facts';
import type { ComparisonKind, LevelConfig } from './model-config';

/** A level that depends only on the two values (everything except `reversed`). */
export type ValueLevel = Exclude<LevelConfig, { reversed: string }>;

/** Level kinds as small integers: the per-pair switch compares numbers, not strings. */
const C = {
  exact: 0,
  jaroWinkler: 1,
  jaro: 2,
  damerauLevenshtein: 3,
  levenshtein: 4,
  prefix: 5,
  tokenOverlap: 6,
  withinDays: 7,
  withinYears: 8,
  dayMonthSwapped: 9,
  checkDigitOnly: 10,
  sameBirthDate: 11,
  typo: 12,
  variant: 13,
  swapped: 14,
  pinyin: 15,
  pinyinJaroWinkler: 16,
} as const;
const codeOf: Record<string, number> = C;

export class LevelConfigError extends Error {}

const allowed: Record<ComparisonKind, readonly string[]> = {
  string: ['exact', 'jaroWinkler', 'jaro', 'damerauLevenshtein', 'levenshtein', 'prefix', 'tokenOverlap'],
  date: [
    'exact',
    'damerauLevenshtein',
    'levenshtein',
    'dayMonthSwapped',
    'withinDays',
    'withinYears',
    'prefix',
  ],
  citizenId: [
    'exact',
    'checkDigitOnly',
    'sameBirthDate',
    'damerauLevenshtein',
    'levenshtein',
    'typo',
    'prefix',
  ],
  chineseName: [
    'exact',
    'variant',
    'swapped',
    'pinyin',
    'pinyinJaroWinkler',
    'jaroWinkler',
    'damerauLevenshtein',
  ],
};

export function levelName(level: LevelConfig): string {
  return typeof level === 'string' ? level : (Object.keys(level)[0] as string);
}

export function levelLabel(level: LevelConfig): string {
  if (typeof level === 'string') return level;
  const [key, value] = Object.entries(level)[0] as [string, unknown];
  return `${key} ${String(value)}`;
}

export function checkLevelsForKind(
  kind: ComparisonKind,
  levels: readonly LevelConfig[],
  where: string,
): void {
  for (const level of levels) {
    const name = levelName(level);
    if (name === 'reversed' && kind === 'string') continue;
    if (!allowed[kind].includes(name)) {
      throw new LevelConfigError(`${where}: level "${name}" does not apply to kind "${kind}"`);
    }
  }
}

function tokenSet(value: string): string[] {
  return [...new Set(value.split(/[\s,.;'"()-]+/).filter((t) => t.length > 0))];
}

/** Builds `level(a, b)` over distinct values (a ≠ b ids); returns levels.length for "else". */
export function valueLevelFunction(
  kind: ComparisonKind,
  levels: readonly ValueLevel[],
  distinct: readonly string[],
): (a: number, b: number) => number {
  const n = distinct.length;
  const elseLevel = levels.length;
  const names = levels.map(levelName);
  const params = levels.map((level) => (typeof level === 'string' ? 0 : (Object.values(level)[0] as number)));
  const codes = Int32Array.from(names, (name) => codeOf[name] ?? -1);
  const thresholds = Float64Array.from(params);
  // Edit distances are only needed up to the largest threshold asked for.
  const editLimit = Math.max(
    0,
    ...levels.map((level, k) =>
      names[k] === 'damerauLevenshtein' || names[k] === 'typo' ? (params[k] as number) : 0,
    ),
  );

  // Lazily prepared keys per distinct value.
  const dates: (DateKey | null | undefined)[] = kind === 'date' ? new Array(n) : [];
  const nameFacts = new ChineseNameFacts(kind === 'chineseName' ? distinct : []);
  const tokens: (string[] | undefined)[] = names.includes('tokenOverlap') ? new Array(n) : [];

  const date = (id: number) => {
    let key = dates[id];
    if (key === undefined) dates[id] = key = parseDateKey(distinct[id] as string);
    return key;
  };
  // Dates and ID numbers: their keys as numbers in flat arrays (date-facts.ts, citizen-id-facts.ts).
  const dateFacts = new DateFacts(kind === 'date' ? distinct : []);
  const idFacts = new CitizenIdFacts(kind === 'citizenId' ? distinct : []);
  const toks = (id: number) => (tokens[id] ??= tokenSet(distinct[id] as string));

  /** The text an edit-distance or Jaro level measures for this kind. */
  const text = (id: number): string => {
    if (kind === 'date') return date(id)?.digits ?? '';
    if (kind === 'chineseName') return nameFacts.variant(id);
    return distinct[id] as string;
  };
  // Character-class masks (0 = not yet computed) for the bound that skips edit distances whose
  // answer cannot reach any level; Jaro and Jaro–Winkler have their own bounds (bounded-jaro.ts).
  const textMasks = new Int32Array(n);
  const textMask = (id: number) => textMasks[id] || (textMasks[id] = charClassMask(text(id)));
  // Lengths + 1 (0 = not yet) beside the masks: the bound then reads no string (a cache miss or two
  // per value on a large register).
  const textLengths = new Int32Array(n);
  const textLength = (id: number) => (textLengths[id] || (textLengths[id] = text(id).length + 1)) - 1;
  const lowest = (name: string) =>
    Math.min(...params.filter((_, k) => names[k] === name), Number.POSITIVE_INFINITY);
  const textJw = boundedSimilarity('jaroWinkler', text, n, lowest('jaroWinkler'));
  const textJaro = boundedSimilarity('jaro', text, n, lowest('jaro'));
  const pinyinJw = boundedSimilarity(
    'jaroWinkler',
    (id) => nameFacts.pinyin(id).primary,
    n,
    lowest('pinyinJaroWinkler'),
  );
  // Dates at limit 1 (the common case): the digits as integers, strings only when not 8 digits.
  const dateOsaFast = kind === 'date' && editLimit === 1;
  const textOsa = (a: number, b: number): number => {
    if (dateOsaFast) {
      const d = dateFacts.osaWithinOne(a, b);
      if (d >= 0) return d;
    }
    return editLowerBound(textLength(a), textLength(b), textMask(a), textMask(b)) > editLimit
      ? editLimit + 1
      : osaDistanceWithin(text(a), text(b), editLimit);
  };

  return (a: number, b: number): number => {
    // Each measure is computed at most once per call, on first need.
    let jw = -1;
    let jr = -1;
    let osa = -1;
    let lev = -1;
    let pyJw = -1;
    for (let k = 0; k < codes.length; k++) {
      const p = thresholds[k] as number;
      switch (codes[k]) {
        case C.exact:
          if (a === b) return k;
          break;
        case C.jaroWinkler:
          if (jw < 0) jw = textJw(a, b);
          if (jw >= p) return k;
          break;
        case C.jaro:
          if (jr < 0) jr = textJaro(a, b);
          if (jr >= p) return k;
          break;
        case C.damerauLevenshtein:
          if (osa < 0) osa = textOsa(a, b);
          if (osa <= p) return k;
          break;
        case C.levenshtein:
          if (lev < 0) lev = levenshtein(text(a), text(b));
          if (lev <= p) return k;
          break;
        case C.prefix: {
          const ta = text(a);
          const tb = text(b);
          if (ta.length >= p && tb.length >= p && ta.slice(0, p) === tb.slice(0, p)) return k;
          break;
        }
        case C.tokenOverlap: {
          const ta = toks(a);
          const tb = toks(b);
          if (ta.length && tb.length) {
            let shared = 0;
            for (const t of ta) if (tb.includes(t)) shared++;
            if (shared / Math.min(ta.length, tb.length) >= p) return k;
          }
          break;
        }
        case C.withinDays:
          if (dateFacts.withinDays(a, b, p)) return k;
          break;
        case C.withinYears:
          if (dateFacts.withinYears(a, b, p)) return k;
          break;
        case C.dayMonthSwapped:
          if (dateFacts.dayMonthSwapped(a, b)) return k;
          break;
        case C.checkDigitOnly:
          if (idFacts.agree(a, b, 0, 17)) return k;
          break;
        case C.sameBirthDate:
          if (idFacts.agree(a, b, 6, 14)) return k;
          break;
        case C.typo: {
          // Close, and at least one number fails its check digit: a typing error, not another person.
          const sa = idFacts.state(a);
          const sb = idFacts.state(b);
          if (sa !== ID_NONE && sb !== ID_NONE && (sa === ID_INVALID || sb === ID_INVALID)) {
            if (osa < 0) osa = osaDistanceWithin(idFacts.key(a).id, idFacts.key(b).id, editLimit);
            if (osa <= p) return k;
          }
          break;
        }
        case C.variant:
          if (nameFacts.sameVariant(a, b)) return k;
          break;
        case C.swapped:
          if (nameFacts.swapped(a, b)) return k;
          break;
        case C.pinyin:
          if (nameFacts.pinyinAgrees(a, b)) return k;
          break;
        case C.pinyinJaroWinkler:
          if (pyJw < 0) pyJw = pinyinJw(a, b);
          if (pyJw >= p) return k;
          break;
        default:
          break;
      }
    }
    return elseLevel;
  };
}
