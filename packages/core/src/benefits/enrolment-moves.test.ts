import { describe, expect, it } from 'vitest';
import { enrolmentEndOf } from './enrolment-ends';
import { enrolmentMoveOf, type EnrolmentPlaceFacts } from './enrolment-moves';
import { specialAssistanceProgramme } from './national-programmes';
import { VILLAGE } from './test-fixtures';

const OTHER_VILLAGE = '652926101001';
const place = (overrides: Partial<EnrolmentPlaceFacts> = {}): EnrolmentPlaceFacts => ({
  hukouCode: VILLAGE,
  hukouSince: null,
  residenceCode: VILLAGE,
  residenceSince: null,
  ...overrides,
});
const residential = { ...specialAssistanceProgramme, code: 'local_care', tiedToHukou: false };

describe('enrolment moves within the county', () => {
  it('a hukou move to another village of the county moves the enrolment, and nothing ends', () => {
    const moved = place({ hukouCode: OTHER_VILLAGE, hukouSince: '2026-02-20' });
    expect(enrolmentMoveOf(specialAssistanceProgramme, VILLAGE, moved)).toEqual({
      kind: 'hukou',
      fromCode: VILLAGE,
      toCode: OTHER_VILLAGE,
      eventDate: '2026-02-20',
      reason: `户籍于 2026-02-20 由 ${VILLAGE} 迁至 ${OTHER_VILLAGE}（县内），特扶随迁，继续发放`,
    });
    const facts = {
      birthDate: '1964-06-01',
      deathDate: null,
      hukouCode: OTHER_VILLAGE,
      hukouSince: '2026-02-20',
    };
    expect(enrolmentEndOf(specialAssistanceProgramme, VILLAGE, facts, '2026-03-01')).toBeNull();
  });

  it('a residence move alone moves only programmes not tied to the hukou', () => {
    const living = place({ residenceCode: OTHER_VILLAGE, residenceSince: '2026-01-05' });
    expect(enrolmentMoveOf(specialAssistanceProgramme, VILLAGE, living)).toBeNull();
    expect(enrolmentMoveOf(residential, VILLAGE, living)).toMatchObject({
      kind: 'residence',
      toCode: OTHER_VILLAGE,
      reason: `居住地于 2026-01-05 由 ${VILLAGE} 迁至 ${OTHER_VILLAGE}（县内），特扶随迁，继续发放`,
    });
  });

  it('no move at the same place, and a move out of the county is an end instead', () => {
    expect(enrolmentMoveOf(specialAssistanceProgramme, VILLAGE, place())).toBeNull();
    expect(
      enrolmentMoveOf(specialAssistanceProgramme, VILLAGE, place({ hukouCode: '650102001001' })),
    ).toBeNull();
    const township = { ...specialAssistanceProgramme, regionPrefix: '652926100' };
    expect(enrolmentMoveOf(township, VILLAGE, place({ hukouCode: OTHER_VILLAGE }))).toBeNull();
  });
});
