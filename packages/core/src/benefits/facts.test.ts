import { describe, expect, it } from 'vitest';
import { deriveFamilyFacts, familyRecordsOf } from './facts';
import { child, father, mother, person } from './test-fixtures';

describe('family facts from register records', () => {
  it('finds children by the mother and father keys and the other parent', () => {
    const son = child('C1', { sex: 1 });
    const stranger = person({ personId: 'X', motherId: 'OTHER' });
    const records = familyRecordsOf(father, [mother, father, son, stranger]);
    expect(records.children.map((c) => c.personId)).toEqual(['C1']);
    expect(records.otherParent?.personId).toBe('M1');
  });

  it('describes the family as it stood on the date', () => {
    const daughter = child('C1', { birthDate: '1990-03-01' });
    const diedSon = child('C2', { sex: 1, birthDate: '1993-01-01', deathDate: '2010-06-30' });
    const laterDaughter = child('C3', { birthDate: '2012-01-01', disabilityGrade: 2 });
    const records = familyRecordsOf(father, [mother, daughter, diedSon, laterDaughter]);

    const in2005 = deriveFamilyFacts(records, '2005-01-01');
    expect(in2005).toMatchObject({ childrenEver: 2, livingChildren: 2, livingSons: 1, deadChildren: 0 });
    expect(in2005.livingChildrenAllDaughters).toBe(false);

    const in2020 = deriveFamilyFacts(records, '2020-01-01');
    expect(in2020).toMatchObject({ childrenEver: 3, livingChildren: 2, deadChildren: 1, livingDaughters: 2 });
    expect(in2020.livingChildrenAllDaughters).toBe(true);
    expect(in2020.mostSevereChildDisabilityGrade).toBe(2);
    // A father's "mother age" is the children's mother's (born 1962-08-15).
    expect(in2020.motherAge).toBe(57);
    expect(in2020.age).toBe(59);
    expect(in2020.sex).toBe('male');
  });

  it('counts the day of death as alive and the next day as dead', () => {
    const records = familyRecordsOf(person({ deathDate: '2025-03-15' }), []);
    expect(deriveFamilyFacts(records, '2025-03-15').alive).toBe(true);
    expect(deriveFamilyFacts(records, '2025-03-16').alive).toBe(false);
  });

  it('leaves 居民户口 rural status to local definition, and undeclared history unknown', () => {
    const facts = deriveFamilyFacts(familyRecordsOf(person({ hukouType: 'resident' }), []), '2025-01-01');
    expect(facts.ruralHukou).toBeNull();
    expect(facts.qualifyingHistory1973To2001).toBeNull();
    const declared = familyRecordsOf(person(), [], { qualifyingHistory1973To2001: true });
    expect(deriveFamilyFacts(declared, '2025-01-01').qualifyingHistory1973To2001).toBe(true);
  });

  it('counts months from the birth month', () => {
    const baby = familyRecordsOf(person({ birthDate: '2023-12-20' }), []);
    expect(deriveFamilyFacts(baby, '2024-01-01').monthsSinceBirthMonth).toBe(1);
    expect(deriveFamilyFacts(baby, '2026-12-01').monthsSinceBirthMonth).toBe(36);
  });
});
