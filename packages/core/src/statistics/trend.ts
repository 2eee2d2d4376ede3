// Monthly or yearly series of the headline indicators (births, deaths, moves, population, crude
// rates, SRB) for one jurisdiction, from per-month sums of the aggregate tables. Each point counts
// exactly as `renkou stats` would for that month or year.
import { lastDateOfMonth, monthLabel, yearOfMonth } from './cube';
import { CubeEventKind } from './cube';
import { isLeapYear } from './calendar';
import { crudeBirthRate, crudeDeathRate, naturalGrowthRate } from './rates';
import { sexRatioAtBirth } from './sex-ratio';

/** Per-month sums by stored code (the server reads them with one GROUP BY each). */
export interface TrendCells {
  days: { code: string; month: number; days: number }[];
  stock: { code: string; month: number; count: number }[];
  events: { code: string; month: number; kind: number; sex: number; count: number }[];
  moves: { fromCode: string; toCode: string; month: number; count: number }[];
}

export type Granularity = 'month' | 'year';

export interface TrendPoint {
  /** 'YYYY-MM' or 'YYYY'. */
  period: string;
  from: string;
  to: string;
  population_start: number;
  population_end: number;
  person_years: number;
  births: number;
  births_male: number;
  births_female: number;
  deaths: number;
  moves_in: number;
  moves_out: number;
  cbr: number | null;
  cdr: number | null;
  natural_growth_rate: number | null;
  srb: number | null;
}

interface Sums {
  commonDays: number;
  leapDays: number;
  births: number;
  birthsMale: number;
  deaths: number;
  movesIn: number;
  movesOut: number;
}

/** Months `first`…`last` (month numbers from 1970-01) as points of the granularity. */
export function trendFromCubes(
  cells: TrendCells,
  months: { first: number; last: number },
  granularity: Granularity,
  jurisdiction: string,
  current: (code: string) => string,
): TrendPoint[] {
  const inJ = (code: string) => code !== '' && current(code).startsWith(jurisdiction);
  const byMonth = new Map<number, Sums>();
  const sums = (month: number) => {
    let entry = byMonth.get(month);
    if (!entry)
      byMonth.set(
        month,
        (entry = {
          commonDays: 0,
          leapDays: 0,
          births: 0,
          birthsMale: 0,
          deaths: 0,
          movesIn: 0,
          movesOut: 0,
        }),
      );
    return entry;
  };
  const stock = new Map<number, number>();
  for (const cell of cells.days) {
    if (!inJ(cell.code)) continue;
    if (isLeapYear(yearOfMonth(cell.month))) sums(cell.month).leapDays += cell.days;
    else sums(cell.month).commonDays += cell.days;
  }
  for (const cell of cells.stock)
    if (inJ(cell.code)) stock.set(cell.month, (stock.get(cell.month) ?? 0) + cell.count);
  for (const cell of cells.events) {
    if (!inJ(cell.code)) continue;
    const entry = sums(cell.month);
    if (cell.kind === CubeEventKind.Death) entry.deaths += cell.count;
    else {
      entry.births += cell.count;
      if (cell.sex === 0) entry.birthsMale += cell.count;
    }
  }
  for (const cell of cells.moves) {
    const into = inJ(cell.toCode);
    const outOf = inJ(cell.fromCode);
    if (into && !outOf) sums(cell.month).movesIn += cell.count;
    if (!into && outOf) sums(cell.month).movesOut += cell.count;
  }

  const points: TrendPoint[] = [];
  let start = months.first;
  while (start <= months.last) {
    const end = granularity === 'month' ? start : Math.min(months.last, start + 11 - (start % 12));
    const total: Sums = {
      commonDays: 0,
      leapDays: 0,
      births: 0,
      birthsMale: 0,
      deaths: 0,
      movesIn: 0,
      movesOut: 0,
    };
    for (let month = start; month <= end; month += 1) {
      const entry = byMonth.get(month);
      if (!entry) continue;
      for (const key of Object.keys(total) as (keyof Sums)[]) total[key] += entry[key];
    }
    const personYears = total.commonDays / 365 + total.leapDays / 366;
    points.push({
      period: granularity === 'month' ? monthLabel(start) : String(yearOfMonth(start)),
      from: `${monthLabel(start)}-01`,
      to: lastDateOfMonth(end),
      population_start: stock.get(start - 1) ?? 0,
      population_end: stock.get(end) ?? 0,
      person_years: personYears,
      births: total.births,
      births_male: total.birthsMale,
      births_female: total.births - total.birthsMale,
      deaths: total.deaths,
      moves_in: total.movesIn,
      moves_out: total.movesOut,
      cbr: crudeBirthRate(total.births, personYears),
      cdr: crudeDeathRate(total.deaths, personYears),
      natural_growth_rate: naturalGrowthRate(total.births, total.deaths, personYears),
      srb: sexRatioAtBirth(total.birthsMale, total.births - total.birthsMale),
    });
    start = end + 1;
  }
  return points;
}
