// Person names are kept as written. Only spacing and the separator of minority names (买买提·艾力),
// which files write with many look-alike dots, are normalised so that the same name compares equal.

export const NAME_SEPARATOR = '\u00B7';

// U+00B7 middle dot, U+2022 bullet, U+30FB katakana middle dot, U+2027 hyphenation point,
// '.' full stop, U+FF0E full-width full stop, U+FF65 half-width katakana middle dot.
const separatorVariants = /\s*[\u00B7\u2022\u30FB\u2027.\uFF0E\uFF65]\s*/g;

/** Trim, collapse runs of spaces to one, every dot variant to U+00B7 (spaces around it removed). Idempotent. */
export function normalizePersonName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').replace(separatorVariants, NAME_SEPARATOR);
}
