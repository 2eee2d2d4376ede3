import { describe, expect, it } from 'vitest';
import { birthOrder, birthOrderShares } from './birth-order';

describe('birth order', () => {
  it('takes the order written on the event first', () => {
    expect(birthOrder({ eventOrder: 2, motherChildrenEverBorn: 5, motherEarlierBirthsInLog: 1 })).toBe(2);
  });

  it('else counts the mother’s children ever born and her earlier births in the log', () => {
    expect(birthOrder({ eventOrder: null, motherChildrenEverBorn: 1, motherEarlierBirthsInLog: 1 })).toBe(3);
    expect(birthOrder({ eventOrder: null, motherChildrenEverBorn: null, motherEarlierBirthsInLog: 0 })).toBe(
      1,
    );
  });

  it('gives shares of 1, 2, 3 and 4+ that sum to 1', () => {
    const shares = birthOrderShares([1, 1, 2, 3, 4, 6, 1, 2]);
    expect(shares).toEqual({ '1': 3 / 8, '2': 2 / 8, '3': 1 / 8, '4+': 2 / 8 });
  });

  it('carries every key as null when there are no births', () => {
    expect(birthOrderShares([])).toEqual({ '1': null, '2': null, '3': null, '4+': null });
  });
});
