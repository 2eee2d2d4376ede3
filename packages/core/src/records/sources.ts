// Other departments' files (spec/interchange.md §2): each source's columns, which of them are
// required, and what each value must look like. A newborn's hospital record carries the mother's
// ID number, not its own; ID numbers are kept as written (a wrong check digit is what linkage is for).
export type FieldKind = 'text' | 'date' | 'sex' | 'code' | 'id_number' | 'choice';

export interface SourceColumn {
  name: string;
  kind: FieldKind;
  required: boolean;
  /** For `choice`: the allowed values. */
  choices?: readonly string[];
  /** Must be non-empty on every row (record_id, dates the record is about). */
  nonEmpty?: boolean;
}

export interface RecordSource {
  name: string;
  label: string;
  columns: readonly SourceColumn[];
}

const col = (
  name: string,
  kind: FieldKind,
  required = true,
  extra: Partial<SourceColumn> = {},
): SourceColumn => ({
  name,
  kind,
  required,
  ...extra,
});
const recordId = col('record_id', 'text', true, { nonEmpty: true });

export const RECORD_SOURCES: Readonly<Record<string, RecordSource>> = {
  hospital_births: {
    name: 'hospital_births',
    label: '医院出生医学记录',
    columns: [
      recordId,
      col('name', 'text'),
      col('sex', 'sex'),
      col('birth_date', 'date', true, { nonEmpty: true }),
      col('address_code', 'code'),
      col('mother_name', 'text'),
      col('mother_id_number', 'id_number'),
      col('id_number', 'id_number', false),
      col('hospital', 'text', false),
      col('birth_cert_no', 'text', false),
      col('father_name', 'text', false),
      col('father_id_number', 'id_number', false),
    ],
  },
  hukou: {
    name: 'hukou',
    label: '公安户籍记录',
    columns: [
      recordId,
      col('id_number', 'id_number'),
      col('name', 'text'),
      col('sex', 'sex'),
      col('birth_date', 'date'),
      col('hukou_code', 'code'),
      col('event', 'choice', true, { choices: ['birth', 'move_in', 'move_out', 'death'], nonEmpty: true }),
      col('event_date', 'date', true, { nonEmpty: true }),
    ],
  },
  civil_deaths: {
    name: 'civil_deaths',
    label: '民政死亡（火化）记录',
    columns: [
      recordId,
      col('id_number', 'id_number'),
      col('name', 'text'),
      col('sex', 'sex'),
      col('birth_date', 'date'),
      col('death_date', 'date', true, { nonEmpty: true }),
      col('address_code', 'code'),
    ],
  },
  civil_marriages: {
    name: 'civil_marriages',
    label: '民政婚姻登记记录',
    columns: [
      recordId,
      col('event', 'choice', true, { choices: ['marriage', 'divorce'], nonEmpty: true }),
      col('date', 'date', true, { nonEmpty: true }),
      col('id_number_1', 'id_number'),
      col('name_1', 'text'),
      col('id_number_2', 'id_number'),
      col('name_2', 'text'),
    ],
  },
};

/** Columns whose values are personal identifiers, sealed at rest. */
export function sensitiveRecordColumns(source: RecordSource): string[] {
  return source.columns.filter((c) => c.kind === 'id_number').map((c) => c.name);
}
