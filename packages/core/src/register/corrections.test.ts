import { describe, expect, it } from 'vitest';
import { citizenIdCheckDigit } from './citizen-id';
import { applyEvent } from './reducer';
import { correction, ctx, person } from './test-fixtures';

const idOf = (first17: string) => first17 + citizenIdCheckDigit(first17);
const herId = idOf('65292619900501002');

describe('correction', () => {
  it.each([
    ['name', ' 阿依古丽•买买提 ', { name: '阿依古丽·买买提' }],
    ['sex', '1', { sex: 1 }],
    ['birth_date', '1990-05-02', { birthDate: '1990-05-02' }],
    ['id_number', herId.toLowerCase(), { idNumber: herId }],
    ['id_number', '', { idNumber: null }],
    ['ethnicity', '03', { ethnicity: '03' }],
    ['ethnicity', '', { ethnicity: null }],
    ['hukou_type', 'resident', { hukouType: 'resident' }],
    ['disability_grade', '2', { disabilityGrade: 2 }],
    ['marital_status', '22', { maritalStatus: '20' }],
    ['marital_status', '40', { maritalStatus: '40', spouseId: null }],
  ])('corrects %s to %j', (field, value, expected) => {
    const state = person({ maritalStatus: '20', spouseId: 'F1' });
    expect(applyEvent(state, correction({ field, value }), ctx)).toMatchObject({ ok: true, state: expected });
  });

  it('warns when a corrected field now disagrees with the ID number', () => {
    const state = person({ idNumber: herId });
    const sex = applyEvent(state, correction({ field: 'sex', value: '1' }), ctx);
    expect(sex.ok && sex.warnings.map((w) => w.code)).toEqual(['ID_SEX_MISMATCH']);
    const birth = applyEvent(state, correction({ field: 'birth_date', value: '1990-05-03' }), ctx);
    expect(birth.ok && birth.warnings.map((w) => w.code)).toEqual(['ID_BIRTH_DATE_MISMATCH']);
    const other = applyEvent(
      person({ idNumber: herId, sex: 1 }),
      correction({ field: 'ethnicity', value: '01' }),
      ctx,
    );
    expect(other.ok && other.warnings).toEqual([]);
  });

  it('applies to a dead person, and before their recorded birth', () => {
    const dead = person({ deathDate: '2020-01-01', status: 'dead' });
    expect(applyEvent(dead, correction({ date: '2021-01-01' }), ctx).ok).toBe(true);
    expect(
      applyEvent(
        person({ birthDate: '2022-01-01' }),
        correction({ field: 'birth_date', value: '2020-01-01' }),
        ctx,
      ).ok,
    ).toBe(true);
  });

  it.each([
    [correction({ field: 'hukou_code', value: '652926' }), 'CORRECTION_FIELD_NOT_ALLOWED', 'field'],
    [correction({ field: 'death_date', value: '2020-01-01' }), 'CORRECTION_FIELD_NOT_ALLOWED', 'field'],
    [correction({ reason: ' ' }), 'REASON_REQUIRED', 'reason'],
    [correction({ field: 'name', value: '' }), 'INVALID_VALUE', 'value'],
    [correction({ field: 'sex', value: '男' }), 'INVALID_VALUE', 'value'],
    [correction({ field: 'birth_date', value: '1990-02-29' }), 'INVALID_DATE', 'value'],
    [correction({ field: 'birth_date', value: '2021-02-02' }), 'INVALID_VALUE', 'value'],
    [correction({ field: 'id_number', value: '65292619900501002' }), 'INVALID_ID_NUMBER', 'value'],
    [correction({ field: 'ethnicity', value: 'Han' }), 'INVALID_VALUE', 'value'],
    [correction({ field: 'hukou_type', value: 'urban' }), 'INVALID_VALUE', 'value'],
    [correction({ field: 'disability_grade', value: '5' }), 'INVALID_VALUE', 'value'],
    [correction({ field: 'marital_status', value: '50' }), 'INVALID_VALUE', 'value'],
    [correction({ date: '2021-02-30' }), 'INVALID_DATE', 'date'],
  ])('refuses %j', (event, code, field) => {
    expect(applyEvent(person(), event, ctx)).toMatchObject({ ok: false, error: { code, field } });
  });

  it('refuses a birth date after the death', () => {
    const dead = person({ deathDate: '2020-01-01', status: 'dead' });
    expect(applyEvent(dead, correction({ field: 'birth_date', value: '2020-06-01' }), ctx)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_VALUE' },
    });
  });
});
