import { describe, expect, it } from 'vitest';
import { decideEligibility, decisionText, screenFamily } from './eligibility';
import { deriveFamilyFacts, familyRecordsOf, type DeclaredFacts } from './facts';
import {
  childcareSubsidyProgramme,
  nationalProgrammes,
  rewardAssistanceProgramme,
  specialAssistanceProgramme,
} from './national-programmes';
import { scheduleOn } from './amount-schedules';
import { programmeProblems } from './programme';
import { child, father, mother, person, VILLAGE } from './test-fixtures';
import type { PersonState } from '../register/model';

const history: DeclaredFacts = { qualifyingHistory1973To2001: true };
const familyOf = (subject: PersonState, others: PersonState[], declared: DeclaredFacts = history) =>
  familyRecordsOf(subject, [mother, father, ...others], declared);

describe('national programme definitions', () => {
  it.each(nationalProgrammes.map((p) => [p.shortName, p] as const))(
    '%s is a sound definition',
    (_, programme) => {
      expect(programmeProblems(programme)).toEqual([]);
    },
  );

  it('carry the published amounts and dates', () => {
    const [died, disabled] = specialAssistanceProgramme.categories;
    expect(scheduleOn(died!, '2022-06-30', VILLAGE)?.amountFen).toBe(45000);
    expect(scheduleOn(died!, '2022-07-01', VILLAGE)?.amountFen).toBe(59000);
    expect(scheduleOn(disabled!, '2022-06-30', VILLAGE)?.amountFen).toBe(35000);
    expect(scheduleOn(disabled!, '2022-07-01', VILLAGE)?.amountFen).toBe(46000);
    const [childcare] = childcareSubsidyProgramme.categories;
    expect(scheduleOn(childcare!, '2025-01-01', VILLAGE)).toMatchObject({
      amountFen: 360000,
      basis: 'per_year',
    });
    const [reward] = rewardAssistanceProgramme.categories;
    expect(scheduleOn(reward!, '2004-06-01', VILLAGE)?.amountFen).toBe(60000);
    expect(scheduleOn(reward!, '2025-01-01', VILLAGE)).toMatchObject({ amountFen: 96000, verified: false });
  });
});

describe('奖扶 eligibility', () => {
  it('a rural father of 65 with one living child qualifies, with a readable explanation', () => {
    const decision = screenFamily(rewardAssistanceProgramme, familyOf(father, [child('C1')]), '2025-03-01');
    expect(decision.outcome).toBe('eligible');
    const text = decisionText(decision);
    expect(text).toContain('奖扶 2025-03-01：符合');
    expect(text).toContain('✓ 年满60周岁：年龄 ≥ 60周岁（实际：65周岁）— 符合');
    expect(text).toContain('✓ 现有一个子女：现存活子女数 为 1个（实际：1个）— 符合');
  });

  it('two living daughters qualify; a son and a daughter do not', () => {
    const daughters = [child('C1'), child('C2', { birthDate: '1992-01-01' })];
    expect(screenFamily(rewardAssistanceProgramme, familyOf(father, daughters), '2025-03-01').outcome).toBe(
      'eligible',
    );
    const mixed = [child('C1'), child('C2', { sex: 1 })];
    const decision = screenFamily(rewardAssistanceProgramme, familyOf(father, mixed), '2025-03-01');
    expect(decision.outcome).toBe('ineligible');
    expect(decisionText(decision)).toContain('✗ 子女情况 — 不符合');
  });

  it('parents whose only child died qualify', () => {
    const died = [child('C1', { deathDate: '2015-01-01' })];
    expect(screenFamily(rewardAssistanceProgramme, familyOf(father, died), '2025-03-01').outcome).toBe(
      'eligible',
    );
  });

  it('refuses under 60 and urban hukou, naming the fact value', () => {
    const young = screenFamily(rewardAssistanceProgramme, familyOf(mother, [child('C1')]), '2022-01-01');
    expect(young.outcome).toBe('ineligible');
    expect(decisionText(young)).toContain('✗ 年满60周岁：年龄 ≥ 60周岁（实际：59周岁）— 不符合');
    const urban = { ...father, hukouType: 'non_agricultural' as const };
    expect(
      decisionText(screenFamily(rewardAssistanceProgramme, familyOf(urban, [child('C1')]), '2025-03-01')),
    ).toContain('农村户籍 为 是（实际：否）— 不符合');
  });

  it('sends 居民户口 or an undeclared history to a worker instead of refusing', () => {
    const resident = { ...father, hukouType: 'resident' as const };
    expect(
      screenFamily(rewardAssistanceProgramme, familyOf(resident, [child('C1')]), '2025-03-01').outcome,
    ).toBe('needs_review');
    const undeclared = familyRecordsOf(father, [mother, child('C1')]);
    const decision = screenFamily(rewardAssistanceProgramme, undeclared, '2025-03-01');
    expect(decision.outcome).toBe('needs_review');
    expect(decisionText(decision)).toContain('（实际：未知）— 无法判断（缺少信息）');
  });
});

describe('特扶 eligibility', () => {
  it('pays the child-died category once the mother is 49', () => {
    const died = [child('C1', { deathDate: '2010-05-01' })];
    const at48 = screenFamily(specialAssistanceProgramme, familyOf(mother, died), '2011-08-01');
    expect(at48.outcome).toBe('ineligible');
    const at49 = screenFamily(specialAssistanceProgramme, familyOf(father, died), '2011-09-01');
    expect(at49.outcome).toBe('eligible');
    expect(at49.category?.code).toBe('child_died');
  });

  it('pays the disabled category for an only child of grade 1–3, not grade 4', () => {
    const grade3 = screenFamily(
      specialAssistanceProgramme,
      familyOf(mother, [child('C1', { disabilityGrade: 3 })]),
      '2025-01-01',
    );
    expect(grade3.category?.code).toBe('child_disabled');
    const grade4 = screenFamily(
      specialAssistanceProgramme,
      familyOf(mother, [child('C1', { disabilityGrade: 4 })]),
      '2025-01-01',
    );
    expect(grade4.outcome).toBe('ineligible');
  });

  it('sends an only child without a recorded grade to a worker, naming the missing grade', () => {
    const decision = screenFamily(specialAssistanceProgramme, familyOf(mother, [child('C1')]), '2025-01-01');
    expect(decision.outcome).toBe('needs_review');
    expect(decision.missingFacts).toEqual(['mostSevereChildDisabilityGrade']);
    const text = decisionText(decision);
    expect(text).toContain(
      '特扶 2025-01-01：无法判断（缺少信息）：缺少存活子女最重残疾等级（核验子女残疾人证后，在申请中录入残疾等级（1—4级））',
    );
    expect(text).toContain('存活子女最重残疾等级在 1级 至 3级 之间（实际：未知）— 无法判断（缺少信息）');
  });

  it('decides on the grade a worker records from the 残疾人证: 1–3 at ¥460 a month, 4 not', () => {
    const declared = (grade: 1 | 2 | 3 | 4) =>
      familyOf(mother, [child('C1')], { childDisabilityGrade: grade });
    for (const grade of [1, 2, 3] as const) {
      const decision = screenFamily(specialAssistanceProgramme, declared(grade), '2025-01-01');
      expect(decision).toMatchObject({ outcome: 'eligible', missingFacts: [] });
      expect(decision.category?.code).toBe('child_disabled');
      expect(scheduleOn(decision.category!, '2025-01-01', VILLAGE)?.amountFen).toBe(46000);
    }
    const grade4 = screenFamily(specialAssistanceProgramme, declared(4), '2025-01-01');
    expect(grade4.outcome).toBe('ineligible');
    expect(decisionText(grade4)).toContain('存活子女最重残疾等级在 1级 至 3级 之间（实际：4级）— 不符合');
  });

  it('prefers the register grade to a declared one', () => {
    const registered = [child('C1', { disabilityGrade: 4 })];
    const family = familyOf(mother, registered, { childDisabilityGrade: 2 });
    expect(screenFamily(specialAssistanceProgramme, family, '2025-01-01').outcome).toBe('ineligible');
  });

  it('does not pay a family that had two children', () => {
    const two = [child('C1', { deathDate: '2010-05-01' }), child('C2')];
    expect(screenFamily(specialAssistanceProgramme, familyOf(mother, two), '2025-01-01').outcome).toBe(
      'ineligible',
    );
  });
});

describe('育儿补贴 eligibility', () => {
  const baby = person({ personId: 'B1', birthDate: '2024-06-15', motherId: 'M1' });
  it('covers the month after birth through the month of the third birthday, from 2025', () => {
    const at = (date: string) =>
      decideEligibility(childcareSubsidyProgramme, deriveFamilyFacts(familyRecordsOf(baby, []), date));
    expect(at('2024-12-01').outcome).toBe('ineligible');
    expect(decisionText(at('2024-12-01'))).toContain('✗ 项目有效期 2025-01-01 起');
    expect(at('2025-01-01').outcome).toBe('eligible');
    expect(at('2027-06-01').outcome).toBe('eligible');
    expect(at('2027-07-01').outcome).toBe('ineligible');
  });

  it('stops the month after the child dies', () => {
    const died = { ...baby, deathDate: '2025-04-10' };
    const at = (date: string) =>
      decideEligibility(childcareSubsidyProgramme, deriveFamilyFacts(familyRecordsOf(died, []), date));
    expect(at('2025-04-01').outcome).toBe('eligible');
    expect(at('2025-05-01').outcome).toBe('ineligible');
    expect(decisionText(at('2025-05-01'))).toContain('死亡日期 2025-04-10，死亡次月起停发');
  });
});
