// Downloadable templates: the interchange columns with Chinese notes and one example row; ID
// numbers and codes formatted as text so Excel does not turn them into numbers.
import { EVENT_COLUMNS, PERSON_COLUMNS } from '@renkou/core';
import ExcelJS from 'exceljs';

const notes: Record<string, string> = {
  person_id: '人员编号（本文件内唯一，必填）',
  id_number: '公民身份号码（18 位）',
  name: '姓名（必填）',
  sex: '性别：1 男，2 女（必填）',
  birth_date: '出生日期 YYYY-MM-DD（必填）',
  ethnicity: '民族代码（GB/T 3304，两位）',
  hukou_code: '户籍地 12 位区划代码（必填）',
  residence_code: '现居住地 12 位区划代码（空 = 同户籍地）',
  household_id: '户号',
  relation: '与户主关系：head spouse child parent grandchild sibling other',
  marital_status: '婚姻状况：10 未婚 20 有配偶 30 丧偶 40 离婚',
  mother_id: '母亲的人员编号',
  father_id: '父亲的人员编号',
  children_ever_born: '已生育子女数（女性）',
  hukou_type: '户口性质：agricultural non_agricultural resident',
  disability_grade: '残疾等级 1–4（敏感）',
  only_child_certificate: '独生子女父母光荣证发证日期（敏感）',
  adopted: '收养：true',
  event_id: '事件编号（唯一，必填；重复导入据此识别）',
  type: '事件类型：birth death move hukou marriage divorce correction void（必填）',
  date: '发生日期 YYYY-MM-DD（必填）',
  birth_order: '孩次（空 = 自动推算）',
  birth_cert_no: '出生医学证明编号',
  from_code: '迁出地 12 位代码',
  to_code: '迁入地 12 位代码',
  spouse_id: '配偶的人员编号',
  field: '更正的字段',
  value: '更正后的值',
  reason: '更正或作废的原因',
  target_event_id: '被作废的事件编号',
  cause: '死亡原因（敏感）',
  recorded_date: '登记日期（补登时填写）',
};

const examples: Record<'persons' | 'events', Record<string, string>> = {
  persons: {
    person_id: 'P0001',
    name: '阿依古丽·吐尔逊',
    sex: '2',
    birth_date: '1990-05-01',
    ethnicity: '05',
    hukou_code: '652926100002',
    household_id: 'H0001',
    relation: 'spouse',
    marital_status: '20',
  },
  events: {
    event_id: 'E0001',
    type: 'birth',
    date: '2024-03-04',
    person_id: 'C0001',
    mother_id: 'P0001',
    name: '艾力·买买提',
    sex: '1',
    hukou_code: '652926100002',
    residence_code: '652926100002',
  },
};

export async function templateWorkbook(kind: 'persons' | 'events'): Promise<Buffer> {
  const columns: readonly string[] = kind === 'persons' ? PERSON_COLUMNS : EVENT_COLUMNS;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(kind);
  sheet.columns = columns.map((c) => ({
    header: c,
    key: c,
    width: Math.max(12, c.length + 4),
    style: { numFmt: '@' },
  }));
  sheet.addRow(columns.map((c) => examples[kind][c] ?? ''));
  sheet.getRow(1).font = { bold: true };
  const help = workbook.addWorksheet('说明');
  help.columns = [
    { header: '列名', key: 'column', width: 24 },
    { header: '说明', key: 'note', width: 60 },
  ];
  for (const c of columns) help.addRow({ column: c, note: notes[c] ?? '' });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
