import { describe, expect, it } from 'vitest';
import { citizenIdCheckDigit } from './citizen-id';
import { applyEvent } from './reducer';
import {
  ELSEWHERE,
  ELSEWHERE_PADDED,
  OLD_VILLAGE,
  VILLAGE_A,
  VILLAGE_B,
  ctx,
  hukou,
  move,
  person,
} from './test-fixtures';

const arrival = { name: '王 芳', sex: 2 as const, birthDate: '1995-07-07', idNumber: null, ethnicity: '01' };

describe('move and hukou', () => {
  it('a move changes the residence only', () => {
    const result = applyEvent(person(), move(), ctx);
    expect(result).toMatchObject({
      ok: true,
      warnings: [],
      state: { residenceCode: VILLAGE_B, hukouCode: VILLAGE_A },
    });
  });

  it('a hukou transfer changes the hukou only', () => {
    const result = applyEvent(person(), hukou(), ctx);
    expect(result).toMatchObject({ ok: true, state: { residenceCode: VILLAGE_A, hukouCode: VILLAGE_B } });
  });

  it('warns when from_code is not where the person is registered', () => {
    const result = applyEvent(person(), move({ fromCode: VILLAGE_B, toCode: VILLAGE_A }), ctx);
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['FROM_CODE_MISMATCH']);
    expect(result.ok && result.state.residenceCode).toBe(VILLAGE_A);
  });

  it('a person with hukou and residence both outside has left, and can return', () => {
    const movedOut = applyEvent(person({ hukouCode: ELSEWHERE }), move({ toCode: ELSEWHERE_PADDED }), ctx);
    expect(movedOut.ok && movedOut.state.status).toBe('left');
    if (!movedOut.ok) return;
    const back = applyEvent(
      movedOut.state,
      move({ fromCode: ELSEWHERE, toCode: VILLAGE_B, date: '2021-01-01' }),
      ctx,
    );
    expect(back).toMatchObject({
      ok: true,
      warnings: [],
      state: { status: 'resident', residenceCode: VILLAGE_B },
    });
  });

  it('one code inside is enough to be resident', () => {
    const result = applyEvent(person(), hukou({ toCode: ELSEWHERE }), ctx);
    expect(result.ok && result.state.status).toBe('resident');
  });

  it('a move from outside creates an unknown person with hukou = from_code', () => {
    const event = move({ personId: 'N1', fromCode: ELSEWHERE_PADDED, toCode: VILLAGE_A, ...arrival });
    expect(applyEvent(undefined, event, ctx)).toMatchObject({
      ok: true,
      state: {
        personId: 'N1',
        name: '王 芳',
        sex: 2,
        birthDate: '1995-07-07',
        ethnicity: '01',
        hukouCode: ELSEWHERE,
        residenceCode: VILLAGE_A,
        status: 'resident',
        maritalStatus: null,
      },
    });
  });

  it('a hukou arrival creates an unknown person with residence = from_code', () => {
    const event = hukou({ personId: 'N1', fromCode: ELSEWHERE, toCode: VILLAGE_A, ...arrival });
    expect(applyEvent(undefined, event, ctx)).toMatchObject({
      ok: true,
      state: { hukouCode: VILLAGE_A, residenceCode: ELSEWHERE },
    });
  });

  it('an arrival with an ID number that disagrees is kept with a warning', () => {
    const first17 = '11010519950707001';
    const event = move({
      personId: 'N1',
      fromCode: ELSEWHERE,
      toCode: VILLAGE_A,
      ...arrival,
      idNumber: first17 + citizenIdCheckDigit(first17),
    });
    const result = applyEvent(undefined, event, ctx);
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['ID_SEX_MISMATCH']);
  });

  it.each([
    [
      'an unknown person moving within the coverage',
      move({ personId: 'N1', ...arrival }),
      'PERSON_UNKNOWN',
      'person_id',
    ],
    [
      'an arrival without a name',
      move({ personId: 'N1', fromCode: ELSEWHERE, ...arrival, name: null }),
      'MISSING_FIELD',
      'name',
    ],
    [
      'an arrival without a sex',
      move({ personId: 'N1', fromCode: ELSEWHERE, ...arrival, sex: null }),
      'MISSING_FIELD',
      'sex',
    ],
    [
      'an arrival without a birth date',
      hukou({ personId: 'N1', fromCode: ELSEWHERE, ...arrival, birthDate: null }),
      'MISSING_FIELD',
      'birth_date',
    ],
    [
      'an arrival with an impossible birth date',
      move({ personId: 'N1', fromCode: ELSEWHERE, ...arrival, birthDate: '1995-02-29' }),
      'INVALID_DATE',
      'birth_date',
    ],
    [
      'an arrival born after it',
      move({ personId: 'N1', fromCode: ELSEWHERE, ...arrival, birthDate: '2020-06-02' }),
      'EVENT_BEFORE_BIRTH',
      'date',
    ],
    [
      'an arrival with a bad ethnicity',
      move({ personId: 'N1', fromCode: ELSEWHERE, ...arrival, ethnicity: '60' }),
      'INVALID_VALUE',
      'ethnicity',
    ],
    [
      'an arrival with a bad ID number',
      move({ personId: 'N1', fromCode: ELSEWHERE, ...arrival, idNumber: '123' }),
      'INVALID_ID_NUMBER',
      'id_number',
    ],
    ['a malformed from_code', move({ fromCode: 'abc' }), 'INVALID_CODE', 'from_code'],
    ['a to_code that does not exist', move({ toCode: '652926199999' }), 'INVALID_CODE', 'to_code'],
    [
      'a to_code abolished by then',
      hukou({ toCode: OLD_VILLAGE, date: '2021-06-01' }),
      'INVALID_CODE',
      'to_code',
    ],
  ])('refuses %s', (_label, event, code, field) => {
    const state = event.personId === 'P1' ? person() : undefined;
    expect(applyEvent(state, event, ctx)).toMatchObject({ ok: false, error: { code, field } });
  });
});
