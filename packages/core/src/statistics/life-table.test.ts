// Published answer: Preston, Heuveline & Guillot (2001) Box 3.1, Austria males 1992, as transcribed in
// github ihmeuw-demographics/demCore data-raw/austria_1992_lt.R. lx, ndx and nLx are printed rounded
// to the unit, so each must lie within 0.5 (plus float noise); e0 = 72.889 to 3 decimals.
import { describe, expect, it } from 'vitest';
import { abridgedLifeTable, deathProbability, groupWidths, lifeTableFromDeaths } from './life-table';

const AGES = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85];
const MID_YEAR_POPULATION = [
  47925, 189127, 234793, 238790, 254996, 326831, 355086, 324222, 269963, 261971, 238011, 261612, 181385,
  187962, 153832, 105169, 73694, 57512, 32248,
];
const DEATHS = [
  419, 70, 36, 46, 249, 420, 403, 441, 508, 769, 1154, 1866, 2043, 3496, 4366, 4337, 5279, 6460, 6146,
];
const NAX = [
  0.068, 1.626, 2.5, 3.143, 2.724, 2.52, 2.481, 2.601, 2.701, 2.663, 2.698, 2.676, 2.645, 2.624, 2.619, 2.593,
  2.518, 2.423, 5.247,
];
const PUBLISHED_LX = [
  100000, 99133, 98986, 98910, 98815, 98334, 97704, 97151, 96492, 95588, 94195, 91937, 88711, 83845, 76377,
  66225, 53803, 37441, 21134,
];
const PUBLISHED_DX = [
  867, 147, 76, 95, 481, 630, 553, 659, 904, 1393, 2258, 3225, 4867, 7467, 10152, 12422, 16362, 16307, 21134,
];
const PUBLISHED_LLX = [
  99192, 396183, 494741, 494375, 492980, 490106, 487127, 484175, 480384, 474686, 465777, 452188, 432096,
  401480, 357713, 301224, 228404, 145182, 110889,
];
const ROUNDED_TO_UNIT = 0.5 + 1e-6;

function maxAbsoluteError(actual: readonly number[], expected: readonly number[]): number {
  expect(actual.length).toBe(expected.length);
  return Math.max(...expected.map((value, i) => Math.abs((actual[i] ?? NaN) - value)));
}

describe('abridged life table, Austria males 1992 (Preston et al. 2001, p. 49)', () => {
  const table = lifeTableFromDeaths({
    ageStart: AGES,
    deaths: DEATHS,
    exposures: MID_YEAR_POPULATION,
    ax: NAX,
  });

  it('reproduces the published l(x), d(x) and L(x) to the unit', () => {
    expect(maxAbsoluteError(table.lx, PUBLISHED_LX)).toBeLessThanOrEqual(ROUNDED_TO_UNIT);
    expect(maxAbsoluteError(table.dx, PUBLISHED_DX)).toBeLessThanOrEqual(ROUNDED_TO_UNIT);
    expect(maxAbsoluteError(table.Lx, PUBLISHED_LLX)).toBeLessThanOrEqual(ROUNDED_TO_UNIT);
  });

  it('gives e0 = 72.889', () => {
    expect(Math.abs((table.ex[0] ?? 0) - 72.889)).toBeLessThanOrEqual(0.0005);
  });

  it('closes the open group with q = 1 and L = l/m', () => {
    expect(table.qx.at(-1)).toBe(1);
    expect(table.width.at(-1)).toBeNull();
    expect(table.Lx.at(-1)).toBeCloseTo((table.lx.at(-1) ?? 0) * (32248 / 6146), 6);
    expect(table.ex.at(-1)).toBeCloseTo(32248 / 6146, 10);
    expect(table.Tx[0]).toBeCloseTo(
      table.Lx.reduce((sum, L) => sum + L, 0),
      6,
    );
  });
});

describe('life-table identities', () => {
  it('computes widths and q = n·m/(1 + (n − a)·m), capped at 1', () => {
    expect(groupWidths([0, 1, 5, 10])).toEqual([1, 4, 5, null]);
    expect(deathProbability(5, 0.02, 2.5)).toBeCloseTo(0.1 / 1.05, 12);
    expect(deathProbability(5, 2, 4.5)).toBe(1);
  });

  it('takes a measured q0 in place of the one from m0 and keeps m0 coherent', () => {
    const table = abridgedLifeTable({
      ageStart: [0, 1, 5],
      mx: [0.05, 0.01, 0.2],
      ax: [0.3, 1.5, 0],
      infantDeathProbability: 0.04,
    });
    expect(table.qx[0]).toBe(0.04);
    expect(table.lx[1]).toBeCloseTo(96000, 8);
    expect(table.mx[0]).toBeCloseTo(0.04 / (1 - 0.7 * 0.04), 12);
  });

  it('refuses inputs it cannot close', () => {
    expect(() => abridgedLifeTable({ ageStart: [0, 1], mx: [0.1, 0], ax: [0.3, 0] })).toThrow(RangeError);
    expect(() => abridgedLifeTable({ ageStart: [0, 1], mx: [0.1], ax: [0.3, 0] })).toThrow(RangeError);
    expect(() =>
      lifeTableFromDeaths({ ageStart: [0, 1], deaths: [1, 1], exposures: [0, 10], ax: [0.3, 0] }),
    ).toThrow(RangeError);
  });
});
