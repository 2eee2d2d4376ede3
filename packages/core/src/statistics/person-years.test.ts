// The day-counting rule of indicators.md, checked on hand-counted days.
import { describe, expect, it } from 'vitest';
import { completedAge } from './calendar';
import {
  PersonYearsCounter,
  exposureSpans,
  isAliveOn,
  periodSpan,
  personYears,
  personYearsByAgeMap,
  presenceSpans,
  type DatedPlace,
} from './person-years';

const J = '652926100';
const inJ = (code: string) => code.startsWith(J);
const livesInJ: DatedPlace[] = [{ date: '1990-01-01', code: '652926100201' }];

function exposure(
  birthDate: string,
  deathDate: string | null,
  places: DatedPlace[],
  from: string,
  to: string,
) {
  return personYears(exposureSpans({ birthDate, deathDate, places }, inJ, periodSpan(from, to)));
}

describe('person-years', () => {
  it('gives exactly 1 for a person present all of a common or a leap year', () => {
    expect(exposure('1990-05-05', null, livesInJ, '2023-01-01', '2023-12-31')).toBe(1);
    expect(exposure('1990-05-05', null, livesInJ, '2024-01-01', '2024-12-31')).toBe(1);
  });

  it('counts the day of birth and not the day of death', () => {
    expect(isAliveOn('2024-07-01', null, '2024-07-01')).toBe(true);
    expect(isAliveOn('2000-01-01', '2023-03-01', '2023-03-01')).toBe(false);
    // Born 1 July 2024: 184 days of a 366-day year.
    expect(exposure('2024-07-01', null, [{ date: '2024-07-01', code: J }], '2024-01-01', '2024-12-31')).toBe(
      184 / 366,
    );
    // Died 1 March 2023: alive 1 January to 28 February, 59 days.
    expect(exposure('1950-01-01', '2023-03-01', livesInJ, '2023-01-01', '2023-12-31')).toBe(59 / 365);
  });

  it('weights each day by the length of its own calendar year', () => {
    const value = exposure('1990-05-05', null, livesInJ, '2023-07-01', '2024-06-30');
    expect(value).toBeCloseTo(184 / 365 + 182 / 366, 14);
  });

  it('counts days in J only, a move taking effect on its date', () => {
    const places: DatedPlace[] = [
      { date: '2010-01-01', code: J },
      { date: '2023-04-10', code: '650102001' },
      { date: '2023-10-01', code: `${J}205` },
    ];
    const spans = presenceSpans(places, inJ, periodSpan('2023-01-01', '2023-12-31'));
    expect(spans.length).toBe(2);
    // 1 January–9 April (99 days) and 1 October–31 December (92 days).
    expect(personYears(spans)).toBeCloseTo((99 + 92) / 365, 14);
  });

  it('lets the last of several changes on one day win and joins touching spans', () => {
    const places: DatedPlace[] = [
      { date: '2020-01-01', code: J },
      { date: '2023-06-01', code: '650102001' },
      { date: '2023-06-01', code: J },
    ];
    expect(presenceSpans(places, inJ, periodSpan('2023-01-01', '2023-12-31')).length).toBe(1);
    expect(exposure('1990-01-01', null, places, '2023-01-01', '2023-12-31')).toBe(1);
  });

  it('refuses a span without an end', () => {
    expect(() => personYears([{ first: 0, last: Infinity }])).toThrow(RangeError);
  });

  it('counts nothing before the first known place', () => {
    expect(exposure('1990-01-01', null, [{ date: '2023-12-01', code: J }], '2023-01-01', '2023-12-31')).toBe(
      31 / 365,
    );
  });
});

describe('person-years by age', () => {
  it('splits a year at the birthday', () => {
    const counter = new PersonYearsCounter();
    const span = periodSpan('2023-01-01', '2023-12-31');
    counter.add('female', '2000-03-15', [span]);
    const byAge = counter.personYearsByAge('female');
    // 1 January–14 March aged 22 (73 days), from 15 March aged 23 (292 days).
    expect(byAge[22]).toBe(73 / 365);
    expect(byAge[23]).toBe(292 / 365);
    expect(counter.personYears()).toBe(1);
    expect(counter.personYearsByAge('male').every((value) => value === 0)).toBe(true);
  });

  it('ages someone born on 29 February on 1 March in common years', () => {
    expect(completedAge('2000-02-29', '2023-02-28')).toBe(22);
    expect(completedAge('2000-02-29', '2023-03-01')).toBe(23);
    expect(completedAge('2000-02-29', '2024-02-29')).toBe(24);
    const counter = new PersonYearsCounter();
    counter.add('male', '2000-02-29', [periodSpan('2023-01-01', '2024-12-31')]);
    const byAge = counter.personYearsByAge('male');
    expect(byAge[22]).toBe(59 / 365);
    expect(byAge[23]).toBeCloseTo(306 / 365 + 59 / 366, 14);
    expect(byAge[24]).toBe(307 / 366);
  });

  it('pools ages 100 and over and carries every key', () => {
    const counter = new PersonYearsCounter();
    counter.add('female', '1900-06-01', [periodSpan('2023-01-01', '2023-12-31')]);
    counter.add('female', '1923-07-01', [periodSpan('2023-01-01', '2023-12-31')]);
    const map = personYearsByAgeMap(counter);
    expect(Object.keys(map.female).length).toBe(101);
    expect(Object.keys(map.male).at(-1)).toBe('100+');
    // The second woman is 99 until 30 June (181 days) and 100 from 1 July.
    expect(map.female['99']).toBe(181 / 365);
    expect(map.female['100+']).toBeCloseTo(1 + 184 / 365, 14);
    expect(map.male['100+']).toBe(0);
  });
});
