import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NAME_SEPARATOR, normalizePersonName } from './names';

const seed = 20261123;

describe('normalizePersonName', () => {
  it.each([
    ['  张三 ', '张三'],
    ['Zhang   San', 'Zhang San'],
    ['买买提·艾力', '买买提·艾力'],
    ['买买提•艾力', '买买提·艾力'],
    ['买买提・艾力', '买买提·艾力'],
    ['买买提‧艾力', '买买提·艾力'],
    ['买买提.艾力', '买买提·艾力'],
    ['买买提．艾力', '买买提·艾力'],
    ['买买提･艾力', '买买提·艾力'],
    ['买买提 · 艾力', '买买提·艾力'],
    ['阿卜杜拉·买买提·艾力', '阿卜杜拉·买买提·艾力'],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizePersonName(raw)).toBe(expected);
  });

  it('writes the separator as U+00B7', () => {
    expect(normalizePersonName('买买提．艾力').charAt(3)).toBe('\u00B7');
    expect(NAME_SEPARATOR).toBe('\u00B7');
  });

  it('keeps traditional and variant characters as written', () => {
    expect(normalizePersonName('張三丰')).toBe('張三丰');
    expect(normalizePersonName('李喆')).toBe('李喆');
  });
});

describe('name properties', () => {
  const nameUnit = fc.constantFrom(...'张三买提艾力 ·•・‧.．･\u3000'.split(''), 'a', 'Z');
  const names = fc.oneof(fc.string({ unit: nameUnit }), fc.string());

  it('is idempotent', () => {
    fc.assert(
      fc.property(names, (raw) => normalizePersonName(normalizePersonName(raw)) === normalizePersonName(raw)),
      { seed },
    );
  });

  it('changes nothing but spaces and separators', () => {
    const significant = (text: string) =>
      text.replace(/\s+/g, '').replace(/[\u00B7\u2022\u30FB\u2027.\uFF0E\uFF65]/g, NAME_SEPARATOR);
    fc.assert(
      fc.property(names, (raw) => significant(normalizePersonName(raw)) === significant(raw)),
      { seed },
    );
  });
});
