// One department record row checked against its source: every problem named by field, the values
// trimmed and normalised (full-width digits, lower-case x), unknown columns kept as they are.
import { isCalendarDate } from '../register/dates';
import type { RecordSource, SourceColumn } from './sources';

export interface RecordProblem {
  field: string;
  code: string;
  message: string;
}

export type RecordRowResult =
  { ok: true; values: Record<string, string> } | { ok: false; problems: RecordProblem[] };

const toHalfWidth = (value: string) =>
  value.replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toUpperCase();

function checkValue(column: SourceColumn, value: string, today: string): RecordProblem | undefined {
  const problem = (code: string, message: string) => ({ field: column.name, code, message });
  if (value === '') return column.nonEmpty ? problem('REQUIRED', `${column.name} 不能为空`) : undefined;
  switch (column.kind) {
    case 'date':
      if (!isCalendarDate(value)) return problem('INVALID_DATE', `${value} 不是有效日期（YYYY-MM-DD）`);
      if (value > today) return problem('FUTURE_DATE', `${value} 晚于今天`);
      return undefined;
    case 'sex':
      return value === '1' || value === '2'
        ? undefined
        : problem('INVALID_VALUE', `性别应为 1 或 2，不是 ${value}`);
    case 'code':
      return /^\d{6,12}$/.test(value) ? undefined : problem('INVALID_CODE', `${value} 不是区划代码`);
    case 'id_number':
      return /^\d{15}$|^\d{17}[\dX]$/.test(value)
        ? undefined
        : problem('INVALID_ID_FORMAT', `身份证号应为 15 或 18 位，不是“${value}”`);
    case 'choice':
      return column.choices?.includes(value)
        ? undefined
        : problem('INVALID_VALUE', `${column.name} 应为 ${column.choices?.join('、')} 之一，不是 ${value}`);
    default:
      return undefined;
  }
}

export function readRecordRow(
  source: RecordSource,
  cells: Record<string, string>,
  today: string,
): RecordRowResult {
  const values: Record<string, string> = {};
  for (const [key, raw] of Object.entries(cells)) values[key] = raw.trim();
  const problems: RecordProblem[] = [];
  for (const column of source.columns) {
    let value = values[column.name] ?? '';
    if (column.kind === 'id_number' || column.kind === 'sex' || column.kind === 'code')
      value = toHalfWidth(value);
    values[column.name] = value;
    const problem = checkValue(column, value, today);
    if (problem) problems.push(problem);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}
