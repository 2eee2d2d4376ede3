import { describe, expect, it } from 'vitest';
import { applyDeathToSpouse } from './marriages';
import { applyEvent } from './reducer';
import { ctx, death, divorce, man, marriage, person } from './test-fixtures';

const bride = person();
const married = person({ maritalStatus: '20', spouseId: 'F1' });
const husband = { ...man, maritalStatus: '20' as const, spouseId: 'P1' };

describe('marriage', () => {
  it('marries both sides', () => {
    const subject = applyEvent(bride, marriage(), { ...ctx, spouse: man });
    expect(subject).toMatchObject({ ok: true, warnings: [], state: { maritalStatus: '20', spouseId: 'F1' } });
    const spouse = applyEvent(man, marriage(), ctx);
    expect(spouse).toMatchObject({ ok: true, state: { maritalStatus: '20', spouseId: 'P1' } });
  });

  it('accepts a spouse the register does not know, with a warning', () => {
    const result = applyEvent(bride, marriage(), ctx);
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['SPOUSE_NOT_IN_REGISTER']);
  });

  it('warns below the legal age', () => {
    const young = person({ birthDate: '2000-01-01' });
    const result = applyEvent(young, marriage(), { ...ctx, spouse: { ...man, birthDate: '1999-01-01' } });
    expect(result.ok && result.warnings).toMatchObject([
      { code: 'UNDER_MARRIAGE_AGE', field: 'person_id' },
      { code: 'UNDER_MARRIAGE_AGE', field: 'spouse_id' },
    ]);
  });

  it.each([
    ['someone married', married, marriage(), man, 'ALREADY_MARRIED', 'person_id'],
    [
      'someone to a married spouse',
      bride,
      marriage(),
      { ...man, maritalStatus: '20' as const },
      'SPOUSE_ALREADY_MARRIED',
      'spouse_id',
    ],
    [
      'someone to a dead spouse',
      bride,
      marriage(),
      { ...man, deathDate: '2019-01-01', status: 'dead' as const },
      'SPOUSE_DEAD',
      'spouse_id',
    ],
    ['someone to themself', bride, marriage({ spouseId: 'P1' }), undefined, 'SELF_REFERENCE', 'spouse_id'],
  ])('refuses to marry %s', (_label, state, event, spouse, code, field) => {
    expect(applyEvent(state, event, { ...ctx, spouse })).toMatchObject({ ok: false, error: { code, field } });
  });

  it('refuses on the spouse side when the spouse is married', () => {
    expect(applyEvent({ ...man, maritalStatus: '20' }, marriage(), ctx)).toMatchObject({
      ok: false,
      error: { code: 'SPOUSE_ALREADY_MARRIED' },
    });
  });

  it('accepts widowed and divorced people', () => {
    expect(applyEvent(person({ maritalStatus: '30' }), marriage(), ctx).ok).toBe(true);
    expect(applyEvent(person({ maritalStatus: '40' }), marriage(), ctx).ok).toBe(true);
  });
});

describe('divorce', () => {
  it('divorces both sides', () => {
    expect(applyEvent(married, divorce(), { ...ctx, spouse: husband })).toMatchObject({
      ok: true,
      warnings: [],
      state: { maritalStatus: '40', spouseId: null },
    });
    expect(applyEvent(husband, divorce(), ctx)).toMatchObject({
      ok: true,
      state: { maritalStatus: '40', spouseId: null },
    });
  });

  it('accepts a baseline marriage whose spouse was not named', () => {
    const result = applyEvent(person({ maritalStatus: '20' }), divorce(), ctx);
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['SPOUSE_NOT_IN_REGISTER']);
  });

  it.each([
    ['someone never married', bride, undefined],
    ['someone married to another', person({ maritalStatus: '20', spouseId: 'F9' }), undefined],
    ['a spouse married to another', married, { ...husband, spouseId: 'P9' }],
    ['a spouse not married', married, man],
  ])('refuses to divorce %s', (_label, state, spouse) => {
    expect(applyEvent(state, divorce(), { ...ctx, spouse })).toMatchObject({
      ok: false,
      error: { code: 'NOT_MARRIED_TO_SPOUSE', field: 'spouse_id' },
    });
  });

  it('refuses on the spouse side when they are not married to the subject', () => {
    expect(applyEvent(man, divorce(), ctx)).toMatchObject({
      ok: false,
      error: { code: 'NOT_MARRIED_TO_SPOUSE' },
    });
  });
});

describe('death of a spouse', () => {
  it('widows the surviving spouse', () => {
    const result = applyEvent(husband, death(), ctx);
    expect(result).toMatchObject({ ok: true, state: { maritalStatus: '30', spouseId: null } });
  });

  it('leaves a former spouse unchanged', () => {
    const former = { ...man, maritalStatus: '40' as const };
    expect(applyDeathToSpouse(former, death())).toBe(former);
    const remarried = { ...man, maritalStatus: '20' as const, spouseId: 'P7' };
    expect(applyDeathToSpouse(remarried, death())).toBe(remarried);
  });
});
