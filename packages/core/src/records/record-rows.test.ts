import { describe, expect, it } from 'vitest';
import { readRecordRow } from './record-rows';
import { RECORD_SOURCES, sensitiveRecordColumns } from './sources';

const births = RECORD_SOURCES.hospital_births!;
const today = '2025-01-01';
const row = {
  record_id: 'HB1',
  name: '库尔班',
  sex: '１',
  birth_date: '2024-03-04',
  address_code: '652926201202',
  mother_name: '买吾拉',
  mother_id_number: '65292619900116220x',
};

describe('readRecordRow', () => {
  it('accepts a hospital birth without the child’s own ID number, normalising digits and x', () => {
    const result = readRecordRow(births, row, today);
    expect(result).toMatchObject({
      ok: true,
      values: { sex: '1', mother_id_number: '65292619900116220X', id_number: '' },
    });
  });

  it('names every bad field of a row: impossible date, sex, code, ID format', () => {
    const result = readRecordRow(
      births,
      { ...row, birth_date: '2023-02-30', sex: '3', address_code: '拜城', mother_id_number: '123' },
      today,
    );
    expect(result.ok ? [] : result.problems.map((p) => [p.field, p.code])).toEqual([
      ['sex', 'INVALID_VALUE'],
      ['birth_date', 'INVALID_DATE'],
      ['address_code', 'INVALID_CODE'],
      ['mother_id_number', 'INVALID_ID_FORMAT'],
    ]);
  });

  it('refuses a future date, an empty record_id and an unknown hukou event', () => {
    const hukou = RECORD_SOURCES.hukou!;
    const result = readRecordRow(
      hukou,
      {
        record_id: '',
        id_number: '',
        name: 'x',
        sex: '1',
        birth_date: '',
        hukou_code: '',
        event: 'arrest',
        event_date: '2026-01-01',
      },
      today,
    );
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual([
      'REQUIRED',
      'INVALID_VALUE',
      'FUTURE_DATE',
    ]);
  });

  it('lists the identifiers to seal at rest', () => {
    expect(sensitiveRecordColumns(births)).toEqual(['mother_id_number', 'id_number', 'father_id_number']);
    expect(sensitiveRecordColumns(RECORD_SOURCES.civil_marriages!)).toEqual(['id_number_1', 'id_number_2']);
  });
});
