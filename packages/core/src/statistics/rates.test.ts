import { describe, expect, it } from 'vitest';
import { crudeBirthRate, crudeDeathRate, naturalGrowthRate, percent, ratio } from './rates';

describe('crude rates', () => {
  it('are per mille of person-years', () => {
    expect(crudeBirthRate(25, 2000)).toBe(12.5);
    expect(crudeDeathRate(14, 2000)).toBe(7);
    expect(naturalGrowthRate(25, 14, 2000)).toBeCloseTo(5.5, 12);
    expect(naturalGrowthRate(10, 14, 2000)).toBeCloseTo(-2, 12);
  });

  it('give null, never 0 or an error, on a zero denominator', () => {
    expect(crudeBirthRate(0, 0)).toBeNull();
    expect(crudeDeathRate(3, 0)).toBeNull();
    expect(naturalGrowthRate(0, 0, 0)).toBeNull();
    expect(ratio(0, 0)).toBeNull();
    expect(percent(1, 0)).toBeNull();
    expect(crudeBirthRate(0, 10)).toBe(0);
  });
});
