// Search keys of a name: toneless pinyin with the surname's own reading (曾 zeng, 单 shan) and the
// initials, so that "wangfang", "wf" or "mmt" find 王芳 or 买买提·艾力. Keys only; the name is never changed.
import { pinyin } from 'pinyin-pro';

export interface NameKeys {
  pinyin: string;
  initials: string;
}

export function nameKeys(name: string): NameKeys {
  const options = { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed' } as const;
  const syllables = pinyin(name, options).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
  return {
    pinyin: syllables.join(''),
    initials: syllables.map((s) => s.charAt(0)).join(''),
  };
}
