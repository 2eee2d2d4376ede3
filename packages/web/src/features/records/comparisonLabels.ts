// The names of a linkage model's comparisons as the review page and the duplicates list show them.
export const COMPARISON_LABELS: Record<string, string> = {
  id_number: '身份证号',
  name: '姓名',
  sex: '性别',
  birth_date: '出生日期',
  mother_id_number: '母亲身份证号',
  hukou_code: '户籍地',
};
