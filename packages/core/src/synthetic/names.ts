// Names: Han names (surname by its national frequency, one- or two-character given name) and Uyghur
// names written in Chinese characters as 本名·父名 (the person's own name, then the father's).
import type { Random } from './random';
import { WeightedPicker } from './random';

/** Common surnames with their approximate share of the population (per mille, 2020 household register). */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71],
  ['李', 69],
  ['张', 64],
  ['刘', 54],
  ['陈', 46],
  ['杨', 31],
  ['黄', 22],
  ['赵', 22],
  ['吴', 20],
  ['周', 19],
  ['徐', 14],
  ['孙', 14],
  ['马', 13],
  ['朱', 12],
  ['胡', 11],
  ['郭', 11],
  ['何', 10],
  ['林', 9],
  ['高', 9],
  ['罗', 9],
  ['郑', 8],
  ['梁', 7],
  ['谢', 6],
  ['宋', 6],
  ['唐', 6],
  ['许', 5],
  ['韩', 5],
  ['冯', 5],
  ['邓', 5],
  ['曹', 5],
  ['彭', 5],
  ['曾', 4],
  ['肖', 4],
  ['田', 4],
  ['董', 4],
  ['袁', 4],
  ['潘', 3],
  ['于', 3],
  ['蒋', 3],
  ['蔡', 3],
  ['余', 3],
  ['杜', 3],
  ['叶', 3],
  ['程', 3],
  ['苏', 3],
  ['魏', 3],
  ['吕', 3],
  ['丁', 3],
  ['任', 3],
  ['沈', 2],
  ['姚', 2],
  ['卢', 2],
  ['姜', 2],
  ['崔', 2],
  ['钟', 2],
  ['谭', 2],
  ['陆', 2],
  ['汪', 2],
];
const surnamePicker = new WeightedPicker(SURNAMES.map(([, weight]) => weight));

const HAN_GIVEN = {
  1: '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林建国峰志文海东亮晨博轩睿航成新兵',
  2: '芳娜敏静丽艳娟霞燕玲婷雪慧颖琳洁倩梅晶欣怡佳悦涵萱雨思嘉梦琪瑶月红秀兰英凤桂芬萍莉',
} as const;

const UYGHUR_GIVEN = {
  1: [
    '买买提',
    '艾力',
    '吐尔逊',
    '阿不都',
    '艾买提',
    '热合曼',
    '阿布拉',
    '库尔班',
    '吾斯曼',
    '玉素甫',
    '伊力哈木',
    '肉孜',
    '亚森',
    '努尔',
    '卡德尔',
    '沙吾提',
    '阿迪力',
    '艾尼瓦尔',
    '买合木提',
    '托合提',
    '依明',
    '阿力木',
    '艾合买提',
    '吐逊',
    '吾布力',
    '帕尔哈提',
    '阿卜杜拉',
    '依力亚斯',
    '司马义',
    '尼亚孜',
    '热依木',
    '克然木',
    '麦麦提',
    '阿吉',
    '吾买尔',
    '艾克拜尔',
    '奥斯曼',
    '居来提',
    '米吉提',
    '如则',
  ],
  2: [
    '阿依古丽',
    '古丽',
    '帕提古丽',
    '热依拉',
    '阿依努尔',
    '努尔古丽',
    '米热古丽',
    '古再丽努尔',
    '祖丽菲亚',
    '热娜',
    '阿米娜',
    '哈丽达',
    '萨拉麦提',
    '布维',
    '汗古丽',
    '再努尔',
    '阿瓦古丽',
    '热孜宛古丽',
    '迪丽努尔',
    '古丽米拉',
    '阿依夏木',
    '帕丽旦',
    '努尔尼萨',
    '玛依拉',
    '热比古丽',
    '佐热古丽',
    '海丽且木',
    '加米拉',
    '祖力皮亚',
    '茹仙古丽',
    '阿孜古丽',
    '买吾拉',
    '西仁古丽',
    '吐尔逊古丽',
    '热依汗古丽',
    '阿丽亚',
  ],
} as const;

export function pickSurname(random: Random): string {
  return SURNAMES[surnamePicker.pick(random)]?.[0] ?? '王';
}

export function hanGivenName(random: Random, sex: 1 | 2): string {
  const chars = HAN_GIVEN[sex];
  const first = chars.charAt(random.int(chars.length));
  return random.chance(0.65) ? first + chars.charAt(random.int(chars.length)) : first;
}

export function hanName(random: Random, sex: 1 | 2, surname = pickSurname(random)): string {
  return surname + hanGivenName(random, sex);
}

/** Hui (03) names are Han-style, with 马 far more common. */
export function huiName(random: Random, sex: 1 | 2): string {
  return hanName(random, sex, random.chance(0.35) ? '马' : pickSurname(random));
}

export function uyghurGivenName(random: Random, sex: 1 | 2): string {
  return random.pick(UYGHUR_GIVEN[sex]);
}

export const NAME_DOT = '\u00B7';

/** 本名·父名; `fatherGiven` is the first part of the father's name. */
export function uyghurName(given: string, fatherGiven: string): string {
  return `${given}${NAME_DOT}${fatherGiven}`;
}

/** The person's own part of a Uyghur name (what a child carries as its second part). */
export function ownPart(name: string): string {
  const dot = name.indexOf(NAME_DOT);
  return dot < 0 ? name : name.slice(0, dot);
}

/** The surname of a Han name (single-character surnames only are generated). */
export function surnameOf(name: string): string {
  return name.charAt(0);
}

/** A name for a person of `ethnicity` whose father's name (if known) is `fatherName`. */
export function personName(random: Random, ethnicity: string, sex: 1 | 2, fatherName: string | null): string {
  if (ethnicity === '05') {
    const father = fatherName !== null ? ownPart(fatherName) : uyghurGivenName(random, 1);
    return uyghurName(uyghurGivenName(random, sex), father);
  }
  if (fatherName !== null) return hanName(random, sex, surnameOf(fatherName));
  return ethnicity === '03' ? huiName(random, sex) : hanName(random, sex);
}
