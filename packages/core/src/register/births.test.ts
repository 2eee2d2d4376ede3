import { describe, expect, it } from 'vitest';
import { applyBirthToMother, checkMother } from './births';
import { citizenIdCheckDigit } from './citizen-id';
import { applyEvent } from './reducer';
import { ELSEWHERE_PADDED, OLD_VILLAGE, VILLAGE_B, birth, ctx, man, mother, person } from './test-fixtures';

const withMother = { ...ctx, mother };

describe('birth', () => {
  it('creates the child with the mother, derived birth order and status', () => {
    const result = applyEvent(undefined, birth(), withMother);
    expect(result).toMatchObject({
      ok: true,
      warnings: [],
      state: {
        personId: 'C1',
        name: '小明',
        sex: 1,
        birthDate: '2020-03-01',
        motherId: 'M1',
        fatherId: 'F1',
        birthOrder: 2,
        maritalStatus: '10',
        childrenEverBorn: 0,
        status: 'resident',
        deathDate: null,
      },
    });
  });

  it('keeps a given birth order that differs, with a warning', () => {
    const result = applyEvent(undefined, birth({ birthOrder: 3 }), withMother);
    expect(result.ok && result.state.birthOrder).toBe(3);
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['BIRTH_ORDER_MISMATCH']);
    const same = applyEvent(undefined, birth({ birthOrder: 2 }), withMother);
    expect(same.ok && same.warnings).toEqual([]);
  });

  it('warns when the child does not live with the mother', () => {
    const result = applyEvent(undefined, birth({ residenceCode: VILLAGE_B }), withMother);
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['RESIDENCE_DIFFERS_FROM_MOTHER']);
  });

  it('normalises the ID number and warns when it disagrees with the birth', () => {
    const first17 = '65292620200301001';
    const ok = applyEvent(
      undefined,
      birth({ idNumber: ` ${first17}${citizenIdCheckDigit(first17).toLowerCase()}` }),
      withMother,
    );
    expect(ok.ok && ok.state.idNumber).toBe(first17 + citizenIdCheckDigit(first17));
    expect(ok.ok && ok.warnings).toEqual([]);
    const girl = '65292620200228002';
    const mismatch = applyEvent(undefined, birth({ idNumber: girl + citizenIdCheckDigit(girl) }), withMother);
    expect(mismatch.ok && mismatch.warnings.map((w) => w.code)).toEqual([
      'ID_BIRTH_DATE_MISMATCH',
      'ID_SEX_MISMATCH',
    ]);
  });

  it('stores padded codes in their short form', () => {
    const result = applyEvent(undefined, birth({ hukouCode: ELSEWHERE_PADDED }), withMother);
    expect(result.ok && result.state.hukouCode).toBe('650102');
  });

  it.each([
    ['an existing child', person({ personId: 'C1' }), birth(), 'PERSON_ALREADY_EXISTS', 'person_id'],
    ['no name', undefined, birth({ name: '  ' }), 'MISSING_FIELD', 'name'],
    ['a bad sex', undefined, birth({ sex: 3 as never }), 'INVALID_VALUE', 'sex'],
    ['a bad birth order', undefined, birth({ birthOrder: 0 }), 'INVALID_VALUE', 'birth_order'],
    ['a bad ethnicity', undefined, birth({ ethnicity: '77' }), 'INVALID_VALUE', 'ethnicity'],
    [
      'a bad ID number',
      undefined,
      birth({ idNumber: '652926202003010012' }),
      'INVALID_ID_NUMBER',
      'id_number',
    ],
    ['an impossible date', undefined, birth({ date: '2021-02-29' }), 'INVALID_DATE', 'date'],
    ['a malformed code', undefined, birth({ hukouCode: '65292' }), 'INVALID_CODE', 'hukou_code'],
    [
      'an unknown code',
      undefined,
      birth({ residenceCode: '652926199999' }),
      'INVALID_CODE',
      'residence_code',
    ],
    [
      'a code abolished by then',
      undefined,
      birth({ hukouCode: OLD_VILLAGE, date: '2021-01-01' }),
      'INVALID_CODE',
      'hukou_code',
    ],
    ['the child as its own mother', undefined, birth({ motherId: 'C1' }), 'SELF_REFERENCE', 'mother_id'],
  ])('refuses %s', (_label, state, event, code, field) => {
    expect(applyEvent(state, event, withMother)).toMatchObject({ ok: false, error: { code, field } });
  });

  it('accepts a code still valid on the day', () => {
    expect(applyEvent(undefined, birth({ hukouCode: OLD_VILLAGE, date: '2020-12-31' }), withMother).ok).toBe(
      true,
    );
  });
});

describe('the mother of a birth', () => {
  it.each([
    ['unknown', undefined, 'MOTHER_UNKNOWN'],
    ['someone else', person({ personId: 'M2' }), 'MOTHER_UNKNOWN'],
    ['a man', { ...man, personId: 'M1' }, 'MOTHER_NOT_FEMALE'],
    ['born after the child', { ...mother, birthDate: '2020-03-02' }, 'MOTHER_BORN_AFTER_CHILD'],
    ['born on the same day', { ...mother, birthDate: '2020-03-01' }, 'MOTHER_BORN_AFTER_CHILD'],
    ['one day short of 12', { ...mother, birthDate: '2008-03-02' }, 'MOTHER_TOO_YOUNG'],
    ['dead the day before', { ...mother, deathDate: '2020-02-29', status: 'dead' as const }, 'MOTHER_DEAD'],
  ])('refuses a mother who is %s', (_label, candidate, code) => {
    expect(applyEvent(undefined, birth(), { ...ctx, mother: candidate })).toMatchObject({
      ok: false,
      error: { code, field: 'mother_id' },
    });
  });

  it('accepts a mother exactly 12, and one who died on the day of the birth', () => {
    expect(checkMother({ ...mother, birthDate: '2008-03-01' }, 'M1', '2020-03-01')).toBeUndefined();
    expect(checkMother({ ...mother, deathDate: '2020-03-01' }, 'M1', '2020-03-01')).toBeUndefined();
  });

  it('counts the birth for the mother', () => {
    expect(applyBirthToMother(mother, birth()).childrenEverBorn).toBe(2);
    // A recorded order above the count means earlier births the baseline did not know of.
    expect(applyBirthToMother(mother, birth({ birthOrder: 4 })).childrenEverBorn).toBe(4);
    expect(applyBirthToMother(mother, birth({ birthOrder: 1 })).childrenEverBorn).toBe(2);
  });

  it('applies to the mother and the father through applyEvent', () => {
    const forMother = applyEvent(mother, birth(), ctx);
    expect(forMother.ok && forMother.state.childrenEverBorn).toBe(2);
    const forFather = applyEvent(man, birth(), ctx);
    expect(forFather.ok && forFather.state).toEqual(man);
    expect(applyEvent({ ...mother, deathDate: '2019-01-01', status: 'dead' }, birth(), ctx)).toMatchObject({
      ok: false,
      error: { code: 'EVENT_AFTER_DEATH' },
    });
  });

  it('gives twins consecutive birth orders when the mother is updated between them', () => {
    const first = applyEvent(undefined, birth(), withMother);
    const motherAfter = applyBirthToMother(mother, birth());
    const second = applyEvent(undefined, birth({ personId: 'C2', eventId: 'E2' }), {
      ...ctx,
      mother: motherAfter,
    });
    expect([first.ok && first.state.birthOrder, second.ok && second.state.birthOrder]).toEqual([2, 3]);
  });
});
