import { describe, expect, it } from 'vitest';
import { personFromBaseline, type BaselineContext, type BaselinePersonRow } from './baseline';
import { citizenIdCheckDigit } from './citizen-id';
import { COVERAGE, ELSEWHERE, OLD_VILLAGE, VILLAGE_A, VILLAGE_B, isValidCode } from './test-fixtures';

const baselineCtx: BaselineContext = { coverage: COVERAGE, isValidCode, start: '2019-01-01' };
const herId = (() => {
  const first17 = '65292619900501002';
  return first17 + citizenIdCheckDigit(first17);
})();

function row(overrides: Partial<BaselinePersonRow> = {}): BaselinePersonRow {
  return {
    person_id: 'P1',
    name: '阿依古丽',
    sex: '2',
    birth_date: '1990-05-01',
    hukou_code: `${VILLAGE_A}`,
    ...overrides,
  };
}

describe('personFromBaseline', () => {
  it('reads a minimal row, residence defaulting to hukou', () => {
    expect(personFromBaseline(row(), baselineCtx)).toEqual({
      ok: true,
      warnings: [],
      state: {
        personId: 'P1',
        idNumber: null,
        name: '阿依古丽',
        sex: 2,
        birthDate: '1990-05-01',
        ethnicity: null,
        hukouCode: VILLAGE_A,
        residenceCode: VILLAGE_A,
        householdId: null,
        relation: null,
        maritalStatus: null,
        spouseId: null,
        motherId: null,
        fatherId: null,
        childrenEverBorn: 0,
        birthOrder: null,
        hukouType: null,
        disabilityGrade: null,
        onlyChildCertificate: null,
        adopted: false,
        deathDate: null,
        duplicateOf: null,
        status: 'resident',
        attributes: {},
      },
    });
  });

  it('reads a full row', () => {
    const result = personFromBaseline(
      row({
        id_number: ` ${herId.toLowerCase()} `,
        name: '阿依古丽 • 买买提',
        ethnicity: '02',
        residence_code: '650102000000',
        household_id: 'H1',
        relation: 'spouse',
        marital_status: '22',
        mother_id: 'M0',
        father_id: '',
        children_ever_born: '2',
        hukou_type: 'resident',
        disability_grade: '3',
        only_child_certificate: '2012-06-01',
        adopted: 'true',
        attributes: { phone_note: '无' },
      }),
      baselineCtx,
    );
    expect(result).toMatchObject({
      ok: true,
      warnings: [],
      state: {
        idNumber: herId,
        name: '阿依古丽·买买提',
        ethnicity: '02',
        residenceCode: ELSEWHERE,
        householdId: 'H1',
        relation: 'spouse',
        maritalStatus: '20',
        motherId: 'M0',
        fatherId: null,
        childrenEverBorn: 2,
        hukouType: 'resident',
        disabilityGrade: 3,
        onlyChildCertificate: '2012-06-01',
        adopted: true,
        attributes: { phone_note: '无' },
      },
    });
  });

  it('warns about an ID number that disagrees, and children ever born for a man', () => {
    const result = personFromBaseline(
      row({ id_number: herId, sex: '1', birth_date: '1990-05-02', children_ever_born: '1' }),
      baselineCtx,
    );
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual([
      'ID_BIRTH_DATE_MISMATCH',
      'ID_SEX_MISMATCH',
      'CHILDREN_EVER_BORN_FOR_MALE',
    ]);
  });

  it.each([
    [{ person_id: ' ' }, 'MISSING_FIELD', 'person_id'],
    [{ name: '' }, 'MISSING_FIELD', 'name'],
    [{ sex: '' }, 'MISSING_FIELD', 'sex'],
    [{ sex: '男' }, 'INVALID_VALUE', 'sex'],
    [{ birth_date: '' }, 'MISSING_FIELD', 'birth_date'],
    [{ birth_date: '1990-02-29' }, 'INVALID_DATE', 'birth_date'],
    [{ birth_date: '2019-01-02' }, 'BIRTH_AFTER_START', 'birth_date'],
    [{ id_number: '65292619900501002' }, 'INVALID_ID_NUMBER', 'id_number'],
    [{ hukou_code: '' }, 'MISSING_FIELD', 'hukou_code'],
    [{ hukou_code: '65292' }, 'INVALID_CODE', 'hukou_code'],
    [{ hukou_code: '652926199999' }, 'INVALID_CODE', 'hukou_code'],
    [{ residence_code: 'x' }, 'INVALID_CODE', 'residence_code'],
    [{ ethnicity: '99' }, 'INVALID_VALUE', 'ethnicity'],
    [{ relation: 'cousin' }, 'INVALID_VALUE', 'relation'],
    [{ marital_status: '50' }, 'INVALID_VALUE', 'marital_status'],
    [{ children_ever_born: '-1' }, 'INVALID_VALUE', 'children_ever_born'],
    [{ hukou_type: 'urban' }, 'INVALID_VALUE', 'hukou_type'],
    [{ disability_grade: '0' }, 'INVALID_VALUE', 'disability_grade'],
    [{ only_child_certificate: '2012-13-01' }, 'INVALID_DATE', 'only_child_certificate'],
    [{ adopted: 'maybe' }, 'INVALID_VALUE', 'adopted'],
    [{ mother_id: 'P1' }, 'SELF_REFERENCE', 'mother_id'],
    [{ hukou_code: ELSEWHERE }, 'OUTSIDE_COVERAGE', 'hukou_code'],
  ])('refuses %j', (overrides, code, field) => {
    expect(personFromBaseline(row(overrides), baselineCtx)).toMatchObject({
      ok: false,
      error: { code, field },
    });
  });

  it('checks codes on the start date', () => {
    expect(personFromBaseline(row({ hukou_code: OLD_VILLAGE }), baselineCtx).ok).toBe(true);
    expect(
      personFromBaseline(row({ hukou_code: OLD_VILLAGE }), { ...baselineCtx, start: '2021-01-01' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CODE' },
    });
  });

  it('keeps someone living inside with hukou outside', () => {
    const result = personFromBaseline(row({ hukou_code: ELSEWHERE, residence_code: VILLAGE_B }), baselineCtx);
    expect(result.ok && result.state.status).toBe('resident');
  });

  it('lists every problem of a row', () => {
    const result = personFromBaseline(
      row({ name: '', sex: '3', ethnicity: '99', hukou_code: '1' }),
      baselineCtx,
    );
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual([
      'name',
      'sex',
      'hukou_code',
      'ethnicity',
    ]);
  });
});
