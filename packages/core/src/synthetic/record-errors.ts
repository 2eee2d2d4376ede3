// The mistakes other departments' records carry: typos, homophones (同音字), traditional characters,
// wrong digits in ID numbers, shifted dates. Each returns undefined when it cannot apply to the value.
import { NAME_DOT } from './names';
import type { Random } from './random';

/** Characters pronounced alike, as clerks confuse them (also transliteration variants of Uyghur names). */
const HOMOPHONES: Record<string, string> = {
  丽: '莉',
  莉: '丽',
  玲: '琳',
  琳: '玲',
  明: '铭',
  伟: '玮',
  静: '婧',
  敏: '珉',
  涛: '滔',
  军: '君',
  杰: '洁',
  华: '桦',
  芳: '方',
  红: '虹',
  燕: '艳',
  艳: '燕',
  霞: '夏',
  英: '莹',
  强: '蔷',
  斌: '彬',
  磊: '蕾',
  娜: '纳',
  婷: '亭',
  峰: '锋',
  林: '霖',
  东: '冬',
  浩: '皓',
  宇: '雨',
  鑫: '欣',
  凯: '恺',
  辉: '晖',
  俊: '骏',
  梅: '玫',
  佳: '家',
  怡: '宜',
  雪: '学',
  萍: '平',
  平: '萍',
  建: '健',
  国: '果',
  志: '智',
  文: '雯',
  海: '亥',
  龙: '隆',
  买: '麦',
  麦: '买',
  依: '伊',
  伊: '依',
  尔: '儿',
  吐: '图',
  艾: '爱',
  吾: '乌',
  热: '惹',
  努: '奴',
  斯: '丝',
  提: '题',
  甫: '普',
  亚: '雅',
  克: '可',
  木: '穆',
  尼: '妮',
  古: '谷',
  汗: '罕',
  孜: '兹',
  合: '和',
  力: '立',
  张: '章',
  刘: '柳',
  陈: '程',
  杨: '阳',
  黄: '王',
  周: '邹',
  徐: '许',
  孙: '荪',
  朱: '诸',
  胡: '户',
  何: '贺',
};

/** Simplified → traditional for characters common in the generated names. */
const TRADITIONAL: Record<string, string> = {
  陈: '陳',
  刘: '劉',
  张: '張',
  杨: '楊',
  黄: '黃',
  赵: '趙',
  吴: '吳',
  孙: '孫',
  马: '馬',
  郑: '鄭',
  冯: '馮',
  邓: '鄧',
  罗: '羅',
  许: '許',
  韩: '韓',
  谢: '謝',
  叶: '葉',
  苏: '蘇',
  吕: '呂',
  钟: '鍾',
  谭: '譚',
  陆: '陸',
  卢: '盧',
  买: '買',
  丽: '麗',
  尔: '爾',
  热: '熱',
  艳: '艷',
  红: '紅',
  华: '華',
  军: '軍',
  伟: '偉',
  强: '強',
  涛: '濤',
  鹏: '鵬',
  飞: '飛',
  辉: '輝',
  凤: '鳳',
  兰: '蘭',
  东: '東',
  龙: '龍',
  杰: '傑',
  库: '庫',
  乌: '烏',
  顿: '頓',
  汉: '漢',
  义: '義',
  齐: '齊',
  玛: '瑪',
  宁: '寧',
  国: '國',
  刚: '剛',
  丝: '絲',
  宾: '賓',
  萨: '薩',
  达: '達',
  亚: '亞',
  娅: '婭',
};

const TYPO_POOL = '王玉土士未末己已日曰人入天夭大太古吉千干刀力于千午牛木本术田由甲申';

function replaceAt(text: string, index: number, ch: string): string {
  return text.slice(0, index) + ch + text.slice(index + 1);
}

/** Indexes of the name's characters (the separator dot excluded). */
function letterIndexes(name: string): number[] {
  const indexes: number[] = [];
  for (let i = 0; i < name.length; i++) if (name.charAt(i) !== NAME_DOT) indexes.push(i);
  return indexes;
}

/** One character replaced by an unrelated look-alike, or (long minority names) dropped. */
export function typo(random: Random, name: string): string | undefined {
  const indexes = letterIndexes(name);
  if (indexes.length < 2) return undefined;
  const index = random.pick(indexes);
  if (name.includes(NAME_DOT) && indexes.length > 4 && random.chance(0.5)) {
    return name.slice(0, index) + name.slice(index + 1);
  }
  const current = name.charAt(index);
  let ch = random.pick([...TYPO_POOL]);
  if (ch === current) ch = ch === '王' ? '玉' : '王';
  return replaceAt(name, index, ch);
}

export function homophone(random: Random, name: string): string | undefined {
  const candidates = letterIndexes(name).filter((i) => HOMOPHONES[name.charAt(i)] !== undefined);
  if (candidates.length === 0) return undefined;
  const index = random.pick(candidates);
  return replaceAt(name, index, HOMOPHONES[name.charAt(index)] ?? '');
}

export function traditional(name: string): string | undefined {
  let changed = false;
  let out = '';
  for (const ch of name) {
    const variant = TRADITIONAL[ch];
    if (variant !== undefined && variant !== ch) changed = true;
    out += variant ?? ch;
  }
  return changed ? out : undefined;
}

/** One of the first 17 digits changed (the check character then no longer fits), or two swapped. */
export function idDigitError(random: Random, id: string): string {
  const index = random.int(17);
  if (random.chance(0.3) && index < 16 && id.charAt(index) !== id.charAt(index + 1)) {
    return id.slice(0, index) + id.charAt(index + 1) + id.charAt(index) + id.slice(index + 2);
  }
  const digit = Number(id.charAt(index));
  return replaceAt(id, index, String((digit + 1 + random.int(9)) % 10));
}
