import { describe, expect, it } from 'vitest';
import type { ChildStats, Indicators } from './api';
import { birthsByOrder, compareValues, formatChange, formatHeadline, formatValue } from './indicators';
import { defaultPeriod, previousYear, wholeYear, yearPeriod } from './period';
import { reportRows, type ReportColumn } from './report';

const dataset = { coverage: '652926', start: '2010-03-01', end: '2024-12-31' };

const indicators = (values: Partial<Indicators>): Indicators =>
  ({
    births: 0,
    birth_order_share: { '1': null, '2': null, '3': null, '4+': null },
    ...values,
  }) as Indicators;

describe('periods', () => {
  it('defaults to the last calendar year the register covers in full', () => {
    expect(defaultPeriod(dataset)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(defaultPeriod({ ...dataset, end: '2024-06-30' })).toEqual({
      from: '2023-01-01',
      to: '2023-12-31',
    });
    // Less than a year of data: all of it.
    expect(defaultPeriod({ ...dataset, start: '2024-03-01', end: '2024-06-30' })).toEqual({
      from: '2024-03-01',
      to: '2024-06-30',
    });
  });

  it('clamps a year to the register and compares with the year before', () => {
    expect(yearPeriod(2010, dataset)).toEqual({ from: '2010-03-01', to: '2010-12-31' });
    expect(yearPeriod(2009, dataset)).toBeUndefined();
    expect(yearPeriod(2025, dataset)).toBeUndefined();
    expect(previousYear({ from: '2024-01-01', to: '2024-12-31' }, dataset)).toEqual({
      from: '2023-01-01',
      to: '2023-12-31',
    });
    expect(previousYear({ from: '2024-02-01', to: '2024-02-29' }, dataset)).toEqual({
      from: '2023-02-01',
      to: '2023-02-28',
    });
    expect(previousYear({ from: '2010-03-01', to: '2010-12-31' }, dataset)).toBeUndefined();
    expect(wholeYear({ from: '2024-01-01', to: '2024-12-31' })).toBe(2024);
    expect(wholeYear({ from: '2024-01-01', to: '2024-06-30' })).toBeUndefined();
  });
});

describe('display', () => {
  it('shows large counts in 万, rates with their unit and decimals, changes with a sign', () => {
    expect(formatHeadline('population_end', 234_567)).toBe('23.5万');
    expect(formatHeadline('population_end', 3076)).toBe('3,076');
    expect(formatHeadline('cbr', 13.3821)).toBe('13.38‰');
    expect(formatHeadline('share_65_plus', 13.26)).toBe('13.3%');
    expect(formatValue('dependency_total', 40.52)).toBe('40.5');
    expect(formatValue('srb', null)).toBe('—');
    expect(formatChange('births', 43, 30)).toBe('+13');
    expect(formatChange('cbr', 10, 14.29)).toBe('−4.29‰');
    expect(formatChange('tfr', 1.5, null)).toBe('—');
  });

  it('sorts empty values last in both directions', () => {
    const values = [3, null, 1, 2];
    expect([...values].sort((a, b) => compareValues(a, b, 'ascend'))).toEqual([1, 2, 3, null]);
    // antd turns the comparison round for a descending sort.
    expect([...values].sort((a, b) => -compareValues(a, b, 'descend'))).toEqual([3, 2, 1, null]);
  });

  it('counts births by order from the shares', () => {
    const ind = indicators({
      births: 7,
      birth_order_share: { '1': 3 / 7, '2': 2 / 7, '3': 1 / 7, '4+': 1 / 7 },
    });
    expect(birthsByOrder(ind)).toEqual({ first: 3, second: 2, thirdPlus: 2 });
  });
});

describe('report rows', () => {
  const columns: ReportColumn[] = [
    { key: 'births', label: '出生', sum: true, value: (i) => i.births, format: 'births' },
    { key: 'cbr', label: '出生率', sum: false, value: (i) => i.cbr, format: 'cbr' },
  ];
  const child = (code: string, births: number, cbr: number): ChildStats => ({
    jurisdiction: code,
    name: code,
    indicators: indicators({ births, cbr }),
  });

  it('sums counts over the rows and takes rates from the division itself', () => {
    const own = indicators({ births: 5, cbr: 12.5 });
    const { rows, total } = reportRows(columns, [child('1', 2, 10), child('2', 3, 15)], own);
    expect(rows.map((r) => r.values)).toEqual([
      [2, 10],
      [3, 15],
    ]);
    expect(total).toEqual([5, 12.5]);
  });

  it('shows a division without lower divisions by its own figures', () => {
    expect(reportRows(columns, [], indicators({ births: 4, cbr: 9 })).total).toEqual([4, 9]);
  });
});
