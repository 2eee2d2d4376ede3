import { describe, expect, it } from 'vitest';
import { familyRecordsOf } from './facts';
import { rewardAssistanceProgramme, specialAssistanceProgramme } from './national-programmes';
import { failedConditions, requalify } from './requalification';
import { child, father, mother } from './test-fixtures';

const died = child('C1', { deathDate: '2010-05-01' });
const family = (...extra: ReturnType<typeof child>[]) =>
  familyRecordsOf(mother, [mother, father, died, ...extra]);

describe('年审: re-screening an enrolment', () => {
  it('a family that still qualifies stays, with nothing to confirm', () => {
    const finding = requalify(specialAssistanceProgramme, family(), '2026-03-02', '2024-01');
    expect(finding).toMatchObject({ outcome: 'eligible', failed: [], endsBefore: null, reason: null });
  });

  it('a child born later ends 特扶 from the first month it counted, with the failed conditions', () => {
    const later = child('C2', { birthDate: '2025-08-10' });
    const finding = requalify(specialAssistanceProgramme, family(later), '2026-03-02', '2024-01');
    expect(finding.outcome).toBe('ineligible');
    // On 1 August the child was not yet born; on 1 September it counted.
    expect(finding.endsBefore).toBe('2025-09');
    expect(finding.failed).toEqual(
      expect.arrayContaining([expect.stringContaining('只生育或收养过一个子女')]),
    );
    expect(finding.reason).toMatch(/^年审（2026-03-02）不再符合特扶条件，自 2025-09 起终止：/);
    expect(finding.reason).toContain('实际：2个');
  });

  it('never dates an end before the enrolment began, nor more than a year back', () => {
    const later = child('C2', { birthDate: '2024-01-10' });
    expect(requalify(specialAssistanceProgramme, family(later), '2026-03-02', '2026-01').endsBefore).toBe(
      '2026-01',
    );
    expect(requalify(specialAssistanceProgramme, family(later), '2026-03-02', '2020-01').endsBefore).toBe(
      '2025-04',
    );
  });

  it('no longer eligible only since the middle of the review month: ends the month after', () => {
    const today = child('C2', { birthDate: '2026-03-02' });
    expect(requalify(specialAssistanceProgramme, family(today), '2026-03-02', '2024-01').endsBefore).toBe(
      '2026-04',
    );
  });

  it('a missing fact sends the case to a worker instead of ending it', () => {
    const records = familyRecordsOf(father, [mother, father, child('C1')]);
    const finding = requalify(rewardAssistanceProgramme, records, '2026-03-02', '2024-01');
    expect(finding).toMatchObject({ outcome: 'needs_review', endsBefore: null, reason: null });
  });

  it('a category that fails is no reason while another one passes', () => {
    const younger = { ...mother, birthDate: '1980-06-01' };
    const records = familyRecordsOf(younger, [younger, father, died]);
    const finding = requalify(specialAssistanceProgramme, records, '2026-03-02', '2026-01');
    expect(finding.failed).toEqual([
      '女方年满49周岁（单亲父亲为本人）：女方年龄 ≥ 49周岁（实际：45周岁）— 不符合',
    ]);
    expect(finding.endsBefore).toBe('2026-01');
  });

  it('failed conditions are the failing leaves only', () => {
    expect(
      failedConditions({
        outcome: 'fail',
        text: 'all',
        children: [
          { outcome: 'pass', text: 'a' },
          { outcome: 'fail', text: 'group', children: [{ outcome: 'fail', text: 'b' }] },
          { outcome: 'unknown', text: 'c' },
          { outcome: 'fail', text: 'd' },
        ],
      }),
    ).toEqual(['b', 'd']);
  });
});
