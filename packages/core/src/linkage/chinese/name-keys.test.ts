import { describe, expect, it } from 'vitest';
import { normalizeChineseName, pinyinAgrees, pinyinKey, sortedTokensKey, variantKey } from './name-keys';

const py = (name: string) => pinyinKey(normalizeChineseName(name));

describe('Chinese name keys', () => {
  it('reads surnames with their surname readings', () => {
    const cases: [string, string][] = [
      ['曾志伟', 'zeng'],
      ['单田芳', 'shan'],
      ['解缙', 'xie'],
      ['仇英', 'qiu'],
      ['区家麟', 'ou'],
      ['朴树', 'piao'],
      ['查良镛', 'zha'],
    ];
    for (const [name, surname] of cases) {
      expect(py(name).positions[0]).toEqual([surname]);
      expect(py(name).primary.startsWith(surname)).toBe(true);
    }
    expect(py('万俟卨').primary.startsWith('moqi')).toBe(true);
  });

  it('keeps every reading of polyphonic characters outside the surname', () => {
    // 乐 is le or yue in a given name: agrees with 悦 (yue) and with 勒 (le).
    expect(pinyinAgrees(py('王乐'), py('王悦'))).toBe(true);
    expect(pinyinAgrees(py('王乐'), py('王勒'))).toBe(true);
    // Homophones agree, other sounds do not.
    expect(pinyinAgrees(py('王芳'), py('王方'))).toBe(true);
    expect(pinyinAgrees(py('王芳'), py('王红'))).toBe(false);
    // 单 as a surname is shan, so 丹 (dan) is another surname.
    expect(pinyinAgrees(py('单田芳'), py('善田芳'))).toBe(true);
    expect(pinyinAgrees(py('单田芳'), py('丹田芳'))).toBe(false);
  });

  it('folds traditional and variant forms in the comparison key only', () => {
    expect(variantKey(normalizeChineseName('張偉'))).toBe('张伟');
    expect(variantKey(normalizeChineseName('劉德華'))).toBe('刘德华');
    expect(variantKey(normalizeChineseName('陳裡'))).toBe('陈里');
    const original = '張偉';
    variantKey(original);
    expect(original).toBe('張偉');
  });

  it('normalises every middle-dot variant of minority names', () => {
    const forms = [
      '迪里夏提·克然木',
      '迪里夏提•克然木',
      '迪里夏提・克然木',
      '迪里夏提.克然木',
      '迪里夏提 · 克然木',
      '迪里夏提．克然木',
    ];
    for (const form of forms) expect(normalizeChineseName(form)).toBe('迪里夏提\u00B7克然木');
    expect(variantKey(normalizeChineseName('迪里夏提克然木'))).toBe(
      variantKey(normalizeChineseName(forms[1] as string)),
    );
  });

  it('recognises the parts of a name in swapped order', () => {
    expect(sortedTokensKey(normalizeChineseName('迪里夏提·克然木'))).toBe(
      sortedTokensKey(normalizeChineseName('克然木•迪里夏提')),
    );
    expect(sortedTokensKey(normalizeChineseName('王芳'))).toBe('');
  });
});
