// The column names counties actually use in their spreadsheets, mapped to the interchange columns,
// so the import wizard can propose a mapping the user only has to confirm.
import { EVENT_COLUMNS, PERSON_COLUMNS } from '@renkou/core';

const aliases: Record<string, string[]> = {
  person_id: ['人员编号', '人员id', '个人编号', '编号'],
  id_number: ['身份证号', '身份证号码', '公民身份号码', '证件号码'],
  name: ['姓名'],
  sex: ['性别'],
  birth_date: ['出生日期', '出生年月日'],
  ethnicity: ['民族', '民族代码'],
  hukou_code: ['户籍地', '户籍地代码', '户籍地区划代码', '户口所在地'],
  residence_code: ['现居住地', '居住地代码', '现住址代码'],
  household_id: ['户号', '户编号'],
  relation: ['与户主关系'],
  marital_status: ['婚姻状况'],
  mother_id: ['母亲编号'],
  father_id: ['父亲编号'],
  children_ever_born: ['生育子女数', '已生育子女数'],
  hukou_type: ['户口性质'],
  disability_grade: ['残疾等级'],
  only_child_certificate: ['独生子女证发证日期', '独生子女父母光荣证'],
  adopted: ['收养'],
  event_id: ['事件编号'],
  type: ['事件类型'],
  date: ['日期', '发生日期', '事件日期'],
  birth_order: ['孩次'],
  birth_cert_no: ['出生医学证明编号', '出生证号'],
  from_code: ['迁出地', '迁出地代码', '原地址代码'],
  to_code: ['迁入地', '迁入地代码', '新地址代码'],
  spouse_id: ['配偶编号'],
  field: ['更正字段'],
  value: ['更正值', '新值'],
  reason: ['原因', '理由'],
  target_event_id: ['被作废事件'],
  cause: ['死亡原因'],
  recorded_date: ['登记日期'],
};

export type TableKind = 'persons' | 'events';

export function guessKind(header: readonly string[]): TableKind {
  const canonical = header.map((h) => suggestColumn(h, 'events'));
  return canonical.includes('event_id') || canonical.includes('type') ? 'events' : 'persons';
}

/** The canonical column a header most likely means for this kind of table, or '' (keep as attribute). */
export function suggestColumn(header: string, kind: TableKind): string {
  const allowed: readonly string[] = kind === 'persons' ? PERSON_COLUMNS : EVENT_COLUMNS;
  const h = header.trim().toLowerCase();
  if (allowed.includes(h)) return h;
  for (const [column, names] of Object.entries(aliases)) {
    if (allowed.includes(column) && names.includes(header.trim())) return column;
  }
  return '';
}
