// Published answer: Preston, Heuveline & Guillot (2001) Box 6.2, Sweden 1993 females projected to 1998,
// as transcribed in github markalava/ccmppWPP data-raw/sweden_1993.R and asserted by its
// test_1b_project_ccmp_z_by_z.R. The book prints whole persons, so each value must round to the printed one.
// As in ccmppWPP's test, males use the female population, 5Lx and migrants: only the births differ.
import { describe, expect, it } from 'vitest';
import { fiveYearLx, projectCohortComponentStep, survivalRatios } from './projection';

const POPULATION_1993 = [
  293395, 248369, 240012, 261346, 285209, 314388, 281290, 286923, 304108, 324946, 247613, 211351, 215140,
  221764, 223506, 183654, 141990, 112424,
];
const LX = [
  497487, 497138, 496901, 496531, 495902, 495168, 494213, 492760, 490447, 486613, 480665, 471786, 457852,
  436153, 402775, 350358, 271512, 291707,
];
const ASFR = { 15: 0.012, 20: 0.0908, 25: 0.1499, 30: 0.1125, 35: 0.0441, 40: 0.0074, 45: 0.0003 };
const NET_MIGRANTS = [
  6840, 4150, 3365, 5270, 9240, 8230, 5470, 3155, 1770, 1115, 1075, 845, 645, 530, 465, 300, 250, 175,
];
const PUBLISHED_FEMALE_1998 = [
  302392, 298682, 252007, 244150, 268267, 293515, 320624, 284767, 288031, 303166, 322062, 243989, 205841,
  205516, 205270, 194771, 142565, 131966,
];
const PUBLISHED_BIRTHS_BY_MOTHER_AGE = [
  0, 0, 0, 15244, 126688, 229354, 170057, 63203, 10971, 472, 0, 0, 0, 0, 0, 0, 0, 0,
];
const ROUNDED_TO_UNIT = 0.5;

const sweden = { population: POPULATION_1993, Lx: LX, netMigrants: NET_MIGRANTS };
const step = projectCohortComponentStep({
  female: sweden,
  male: sweden,
  asfrByGroupStart: ASFR,
  srb: 1.05,
  radix: 100_000,
});

function maxAbsoluteError(actual: readonly number[], expected: readonly number[]): number {
  expect(actual.length).toBe(expected.length);
  return Math.max(...expected.map((value, i) => Math.abs((actual[i] ?? NaN) - value)));
}

describe('cohort-component step, Sweden 1993 → 1998 (Preston Box 6.2)', () => {
  it('reproduces all 18 published female age groups of 1998', () => {
    expect(maxAbsoluteError(step.female, PUBLISHED_FEMALE_1998)).toBeLessThan(ROUNDED_TO_UNIT);
    expect(step.female.map(Math.round)).toEqual(PUBLISHED_FEMALE_1998);
  });

  it('reproduces the births: 615 988 in all, 300 482 girls and 315 506 boys, and by mother’s age', () => {
    expect(maxAbsoluteError(step.birthsByMotherAgeGroup, PUBLISHED_BIRTHS_BY_MOTHER_AGE)).toBeLessThan(
      ROUNDED_TO_UNIT,
    );
    expect(Math.abs(step.births - 615988)).toBeLessThan(ROUNDED_TO_UNIT);
    expect(Math.abs(step.birthsFemale - 300482)).toBeLessThan(ROUNDED_TO_UNIT);
    expect(Math.abs(step.birthsMale - 315506)).toBeLessThan(ROUNDED_TO_UNIT);
  });

  it('gives the boys 0–4 from the male births (317 340), the other male groups as the female ones', () => {
    expect(Math.abs((step.male[0] ?? 0) - 317340)).toBeLessThan(ROUNDED_TO_UNIT);
    expect(step.male.slice(1)).toEqual(step.female.slice(1));
  });

  it('without migration gives the closed projection (derived in the fixture, not published)', () => {
    const zero = new Array<number>(18).fill(0);
    const closed = projectCohortComponentStep({
      female: { ...sweden, netMigrants: zero },
      male: { ...sweden, netMigrants: zero },
      asfrByGroupStart: ASFR,
      srb: 1.05,
      radix: 100_000,
    });
    expect(closed.female.reduce((sum, p) => sum + p, 0)).toBeCloseTo(4449569.7, 0);
    expect(Math.round(closed.female[0] ?? 0)).toBe(293574);
    expect(Math.round(closed.female[17] ?? 0)).toBe(131768);
  });
});

describe('projection inputs', () => {
  it('uses 5L0/(5·l0) first and T85/T80 for the open group', () => {
    const survival = survivalRatios(LX, 100_000);
    expect(survival[0]).toBe(497487 / 500000);
    expect(survival[1]).toBe(497138 / 497487);
    expect(survival[17]).toBe(291707 / (271512 + 291707));
  });

  it('joins 1L0 and 4L1 into 5L0', () => {
    expect(fiveYearLx({ ageStart: [0, 1, 5, 10], Lx: [99192, 396183, 494741, 600000] })).toEqual([
      495375, 494741, 600000,
    ]);
    expect(() => fiveYearLx({ ageStart: [0, 5, 10], Lx: [1, 2, 3] })).toThrow(RangeError);
  });

  it('refuses groups of different lengths', () => {
    expect(() =>
      projectCohortComponentStep({
        female: { ...sweden, netMigrants: [0] },
        male: sweden,
        asfrByGroupStart: ASFR,
        srb: 1.05,
        radix: 100_000,
      }),
    ).toThrow(RangeError);
  });
});
