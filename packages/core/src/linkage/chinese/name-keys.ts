// Comparison keys for Chinese personal names. Keys are only ever used to compare: the stored name is
// never replaced by its simplified or pinyin form (於 and 于 are different surnames).
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

/** Separators written between the parts of a minority name (the standard is U+00B7). */
const dotVariants = /[\u00B7\u2022\u2027\u30FB\uFF65\u2219\u22C5\u16EB\uFF0E.。・]/gu;
export const NAME_DOT = '\u00B7';

const hanPattern = /\p{Script=Han}/u;
const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' });
const tToCn = OpenCC.Converter({ from: 't', to: 'cn' });

/** NFKC, every middle-dot variant as U+00B7, spaces around dots removed, other spaces collapsed. */
export function normalizeChineseName(text: string): string {
  return text
    .normalize('NFKC')
    .replace(dotVariants, NAME_DOT)
    .replace(/\s*\u00B7\s*/gu, NAME_DOT)
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The parts of a name: split on the middle dot, and on spaces in names written with separators. */
export function nameTokens(normalized: string): string[] {
  return normalized.split(/[\u00B7 ]/u).filter((token) => token !== '');
}

/** Simplified-character key without separators (traditional and variant forms fold together). */
export function variantKey(normalized: string): string {
  return variantKeyTokens(normalized).replace(/[\u00B7 ]/gu, '');
}

const readingsCache = new Map<string, readonly string[]>();

/** All toneless readings of one character (its text itself when it is not Han). */
export function characterReadings(ch: string): readonly string[] {
  let readings = readingsCache.get(ch);
  if (!readings) {
    if (hanPattern.test(ch)) {
      const found = pinyin(ch, { toneType: 'none', type: 'array', multiple: true }) as string[];
      readings = found.length ? [...new Set(found)] : [ch];
    } else {
      readings = [ch.toLowerCase()];
    }
    readingsCache.set(ch, readings);
  }
  return readings;
}

export interface PinyinKey {
  /** Per character position: the possible toneless readings (the surname's own reading at the head). */
  positions: (readonly string[])[];
  /** One reading per position (the surname reading, then the most common), tokens joined by spaces. */
  primary: string;
}

const defaultCache = new Map<string, string>();

/** The most common toneless reading of one character (its lower-case text when it is not Han). */
function defaultReading(ch: string): string {
  let reading = defaultCache.get(ch);
  if (reading === undefined) {
    reading = hanPattern.test(ch) ? (pinyin(ch, { toneType: 'none' }) as string) || ch : ch.toLowerCase();
    defaultCache.set(ch, reading);
  }
  return reading;
}

const surnameCache = new Map<string, (string | null)[]>();

/**
 * Surname readings of a name's first two characters (enough for 万俟, 欧阳), null where the surname
 * rules keep the common reading. pinyin-pro is slow per call, so only this prefix goes through it.
 */
function surnameReadings(head: string): (string | null)[] {
  let readings = surnameCache.get(head);
  if (!readings) {
    const asSurname = pinyin(head, { toneType: 'none', type: 'array', surname: 'head' }) as string[];
    readings = [...head].map((ch, i) => {
      const reading = asSurname[i];
      return reading && hanPattern.test(ch) && reading !== defaultReading(ch) ? reading : null;
    });
    surnameCache.set(head, readings);
  }
  return readings;
}

/**
 * Pinyin of a name. The head surname is read with pinyin-pro's surname mode (曾 zeng, 单 shan, 解 xie,
 * 仇 qiu, 区 ou, 朴 piao, 查 zha, 万俟 mo qi); other characters keep every reading, so that a
 * polyphonic character agrees with any homophone of any of its readings.
 */
export function pinyinKey(normalized: string): PinyinKey {
  const positions: (readonly string[])[] = [];
  const primaryTokens: string[] = [];
  let head = true;
  for (const token of nameTokens(variantKeyTokens(normalized))) {
    const chars = [...token];
    const surname = head ? surnameReadings(chars.slice(0, 2).join('')) : null;
    let primary = '';
    chars.forEach((ch, index) => {
      const fromSurname = surname?.[index] ?? null;
      positions.push(fromSurname ? [fromSurname] : characterReadings(ch));
      primary += fromSurname ?? defaultReading(ch);
    });
    primaryTokens.push(primary);
    head = false;
  }
  return { positions, primary: primaryTokens.join(' ') };
}

const simplifiedCache = new Map<string, string>();

/**
 * The normalised name in simplified characters, separators kept. Converted character by character
 * (names are not phrases) with a cache: OpenCC on every distinct name was the slowest step of a job.
 */
function variantKeyTokens(normalized: string): string {
  let out = '';
  for (const ch of normalized) {
    let simplified = simplifiedCache.get(ch);
    if (simplified === undefined) simplifiedCache.set(ch, (simplified = tToCn(hkToCn(ch))));
    out += simplified;
  }
  return out;
}

/** Every position shares at least one reading (homophones, polyphonic characters). */
export function pinyinAgrees(a: PinyinKey, b: PinyinKey): boolean {
  if (a.positions.length !== b.positions.length || a.positions.length === 0) return false;
  for (let i = 0; i < a.positions.length; i++) {
    const left = a.positions[i] as readonly string[];
    const right = b.positions[i] as readonly string[];
    let shared = false;
    for (const reading of left) {
      if (right.includes(reading)) {
        shared = true;
        break;
      }
    }
    if (!shared) return false;
  }
  return true;
}

/** The same parts in another order (迪里夏提·克然木 / 克然木·迪里夏提), for names of two or more parts. */
export function sortedTokensKey(normalized: string): string {
  const tokens = nameTokens(variantKeyTokens(normalized));
  return tokens.length >= 2 ? [...tokens].sort().join(NAME_DOT) : '';
}

/**
 * A pinyin key as integers for fast pairwise tests: [positions, then per position its reading count
 * and reading ids], readings numbered through `readingIds` (one map per job). `pinyinCodesAgree` on
 * two of these answers exactly what `pinyinAgrees` answers on the keys.
 */
export function pinyinCodes(key: PinyinKey, readingIds: Map<string, number>): Int32Array {
  const codes: number[] = [key.positions.length];
  for (const readings of key.positions) {
    codes.push(readings.length);
    for (const reading of readings) {
      let id = readingIds.get(reading);
      if (id === undefined) readingIds.set(reading, (id = readingIds.size));
      codes.push(id);
    }
  }
  return Int32Array.from(codes);
}

/** Codes of `pinyinCodes` that agree, read from `a` at `at` and from `b` at `bt` (pooled codes). */
export function pinyinCodesAgree(a: Int32Array, b: Int32Array, at = 0, bt = 0): boolean {
  const positions = a[at] as number;
  if (positions !== b[bt] || positions === 0) return false;
  let ia = at + 1;
  let ib = bt + 1;
  for (let p = 0; p < positions; p++) {
    const ca = a[ia] as number;
    const cb = b[ib] as number;
    let shared = false;
    for (let x = ia + 1; x <= ia + ca && !shared; x++) {
      for (let y = ib + 1; y <= ib + cb; y++) {
        if (a[x] === b[y]) {
          shared = true;
          break;
        }
      }
    }
    if (!shared) return false;
    ia += ca + 1;
    ib += cb + 1;
  }
  return true;
}
