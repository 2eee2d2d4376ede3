// The facts a rule may name, with their kind (which fixes the comparisons and values allowed) and the
// Chinese words the explanations use. A new fact is a new FamilyFacts field plus one entry here.
import type { FamilyFacts } from './facts';

export type FactKind = 'number' | 'date' | 'code' | 'enum' | 'boolean';

export interface FactDefinition {
  label: string;
  kind: FactKind;
  /** Allowed values of an enum fact, with their Chinese names. */
  values?: Readonly<Record<string, string>>;
  unit?: string;
  /** What a worker does when the fact is missing (shown in a "needs check" explanation). */
  whenMissing?: string;
}

export type FactName = Exclude<keyof FamilyFacts, 'date'>;

const hukouTypes = {
  agricultural: '农业户口',
  non_agricultural: '非农业户口',
  resident: '居民户口',
} as const;

export const FACTS: Readonly<Record<FactName, FactDefinition>> = {
  alive: { label: '本人在世', kind: 'boolean' },
  sex: { label: '性别', kind: 'enum', values: { male: '男', female: '女' } },
  birthDate: { label: '出生日期', kind: 'date' },
  deathDate: { label: '死亡日期', kind: 'date' },
  age: { label: '年龄', kind: 'number', unit: '周岁' },
  monthsSinceBirthMonth: { label: '出生月后的月数', kind: 'number', unit: '个月' },
  hukouType: { label: '户口性质', kind: 'enum', values: hukouTypes },
  ruralHukou: { label: '农村户籍', kind: 'boolean', whenMissing: '居民户口须按本地农村居民的认定办法核实' },
  hukouCode: { label: '户籍地区划代码', kind: 'code' },
  disabilityGrade: { label: '本人残疾等级', kind: 'number', unit: '级' },
  hasOnlyChildCertificate: { label: '持有独生子女父母光荣证', kind: 'boolean' },
  childrenEver: { label: '生育或收养子女数', kind: 'number', unit: '个' },
  livingChildren: { label: '现存活子女数', kind: 'number', unit: '个' },
  deadChildren: { label: '已死亡子女数', kind: 'number', unit: '个' },
  livingSons: { label: '现存活儿子数', kind: 'number', unit: '个' },
  livingDaughters: { label: '现存活女儿数', kind: 'number', unit: '个' },
  livingChildrenAllDaughters: { label: '现存活子女均为女儿', kind: 'boolean' },
  mostSevereChildDisabilityGrade: {
    label: '存活子女最重残疾等级',
    kind: 'number',
    unit: '级',
    whenMissing: '核验子女残疾人证后，在申请中录入残疾等级（1—4级）',
  },
  motherAge: { label: '女方年龄', kind: 'number', unit: '周岁' },
  qualifyingHistory1973To2001: {
    label: '1973—2001年间生育符合当时政策（申报）',
    kind: 'boolean',
    whenMissing: '由申请人申报并提供证明，在申请中录入',
  },
};

export function isFactName(name: unknown): name is FactName {
  return typeof name === 'string' && Object.hasOwn(FACTS, name);
}

export type FactValue = string | number | boolean | null;

/** A fact value in words: 女, 农业户口, 63周岁, 是/否, 未知. */
export function describeFactValue(name: FactName, value: FactValue): string {
  const fact = FACTS[name];
  if (value === null) return '未知';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (fact.kind === 'enum' && typeof value === 'string') return fact.values?.[value] ?? value;
  if (typeof value === 'number' && fact.unit) return `${value}${fact.unit}`;
  return String(value);
}

/** A missing fact in words, with what to do about it: 存活子女最重残疾等级（核验…）. */
export function describeMissingFact(name: FactName): string {
  const fact = FACTS[name];
  return fact.whenMissing ? `${fact.label}（${fact.whenMissing}）` : fact.label;
}
