// The aggregate tables ("cubes") behind fast statistics: what each person contributes, by place code
// × calendar month × sex × single-year age, counted by exactly the rules of indicators.md (the scan in
// indicators.ts is their reference, and a db test holds them equal). Contributions add up, so a
// change to one person is applied as (new − old) of that person alone.
import { birthdayIn, completedAge, dayNumber, dayNumberOf } from './calendar';
import { placeOn } from './indicators';
import { OLDEST_SINGLE_AGE, type DatedPlace, type SexKey } from './person-years';

/** Months are numbered from 1970-01 (= 0), so a month is one small integer. */
export function monthOf(date: string): number {
  return (Number(date.slice(0, 4)) - 1970) * 12 + Number(date.slice(5, 7)) - 1;
}
export const yearOfMonth = (month: number) => 1970 + Math.floor(month / 12);
const monthNumberInYear = (month: number) => (month % 12) + 1;
export const firstDayOfMonth = (month: number) =>
  dayNumberOf(yearOfMonth(month), monthNumberInYear(month), 1);
export const lastDayOfMonth = (month: number) => firstDayOfMonth(month + 1) - 1;
export function monthLabel(month: number): string {
  return `${yearOfMonth(month)}-${String(monthNumberInYear(month)).padStart(2, '0')}`;
}
/** 'YYYY-MM-DD' of the last day of a month. */
export function lastDateOfMonth(month: number): string {
  const days = lastDayOfMonth(month) - firstDayOfMonth(month) + 1;
  return `${monthLabel(month)}-${String(days).padStart(2, '0')}`;
}

/** Basis index in the tables: 0 residence (现住地), 1 hukou (户籍). */
export type BasisIndex = 0 | 1;
export const SEX_INDEX: Record<SexKey, 0 | 1> = { male: 0, female: 1 };
export const CubeEventKind = { Birth: 1, Death: 2 } as const;
export type CubeEventKind = (typeof CubeEventKind)[keyof typeof CubeEventKind];
/** Mother's age of a birth whose mother is not in the register. */
export const UNKNOWN_MOTHER_AGE = -1;

/** A person as the cubes need them: the scan's fields plus the mother's birth date. */
export interface CubePerson {
  sex: SexKey;
  birthDate: string;
  deathDate: string | null;
  residence: readonly DatedPlace[];
  hukou: readonly DatedPlace[];
  birthOrder: number | null;
  motherBirthDate: string | null;
}

/** Months covered, both included: the month before the register's first (its last day is `population_start`) to its last. */
export interface CubeRange {
  firstMonth: number;
  lastMonth: number;
}

export interface PopulationCell {
  basis: BasisIndex;
  code: string;
  month: number;
  sex: 0 | 1;
  age: number;
  /** Days lived here in the month at this age. */
  days: number;
  /** Persons alive and here on the month's last day, at their age that day. */
  stock: number;
}
export interface EventCell {
  basis: BasisIndex;
  code: string;
  month: number;
  kind: CubeEventKind;
  /** The child's sex for a birth, the deceased's for a death. */
  sex: 0 | 1;
  /** The mother's age at a birth (−1 unknown), the age at death (100 = 100+). */
  age: number;
  /** Birth order of a birth; 0 for a death. */
  birthOrder: number;
  count: number;
}
/** A change of place: from '' = first known place on a day other than the birth day (an arrival). */
export interface MoveCell {
  basis: BasisIndex;
  month: number;
  fromCode: string;
  toCode: string;
  count: number;
}
/** Residents on the month's last day by residence and hukou code (migrant share). */
export interface ResidentCell {
  month: number;
  residenceCode: string;
  hukouCode: string;
  count: number;
}

const AGES = OLDEST_SINGLE_AGE + 1;
/** Length of a population row's arrays: index sex × 101 + age. */
export const POPULATION_ROW_WIDTH = AGES * 2;

export interface PopulationRow {
  basis: BasisIndex;
  code: string;
  month: number;
  days: number[];
  stock: number[];
}
export interface ResidentRow {
  residenceCode: string;
  hukouCode: string;
  /** Index = month − the range's first month. */
  counts: number[];
}

/** A person's age on a day, and the day of their birthday in a year. */
interface Lifeline {
  ageOn(day: number, year: number): number;
  birthdayOf(year: number): number;
}
const NEVER = Number.POSITIVE_INFINITY;

/**
 * Sums the contributions of persons (sign +1) or removes them (sign −1). Person-days and month-end
 * counts go into dense blocks per basis and code (one Int32Array per place), so a whole county is a
 * few hundred blocks and a few hundred million additions.
 */
export class CubeAccumulator {
  private readonly months: number;
  private readonly firstDay: number;
  private readonly lastDay: number;
  private readonly days = new Map<string, Int32Array>();
  private readonly stock = new Map<string, Int32Array>();
  private readonly events = new Map<string, number>();
  private readonly moves = new Map<string, number>();
  private readonly residents = new Map<string, Int32Array>();

  constructor(readonly range: CubeRange) {
    this.months = range.lastMonth - range.firstMonth + 1;
    this.firstDay = firstDayOfMonth(range.firstMonth);
    this.lastDay = lastDayOfMonth(range.lastMonth);
  }

  add(person: CubePerson, sign: 1 | -1 = 1): void {
    const birthDay = dayNumber(person.birthDate);
    const lastAlive = person.deathDate === null ? NEVER : dayNumber(person.deathDate) - 1;
    const sex = SEX_INDEX[person.sex];
    const birthYear = Number(person.birthDate.slice(0, 4));
    const birthdays = new Map<number, number>();
    const birthdayOf = (year: number) => {
      let day = birthdays.get(year);
      if (day === undefined) birthdays.set(year, (day = birthdayIn(person.birthDate, year)));
      return day;
    };
    const lifeline: Lifeline = {
      birthdayOf,
      ageOn: (day, year) => Math.min(year - birthYear - (day < birthdayOf(year) ? 1 : 0), OLDEST_SINGLE_AGE),
    };

    ([person.residence, person.hukou] as const).forEach((places, basisNumber) => {
      const basis = basisNumber as BasisIndex;
      places.forEach((change, i) => {
        const changeDay = dayNumber(change.date);
        const next = places[i + 1];
        const first = Math.max(changeDay, birthDay, this.firstDay);
        const last = Math.min(next ? dayNumber(next.date) - 1 : NEVER, lastAlive, this.lastDay);
        if (first <= last) this.addStay(basis, change.code, sex, first, last, lifeline, sign);
        const aliveThatDay = changeDay >= birthDay && changeDay <= lastAlive;
        const isBirthPlace = i === 0 && change.date === person.birthDate;
        if (changeDay >= this.firstDay && changeDay <= this.lastDay && aliveThatDay && !isBirthPlace) {
          const fromCode = i === 0 ? '' : (places[i - 1]?.code ?? '');
          this.bump(this.moves, [basis, monthOf(change.date), fromCode, change.code].join('|'), sign);
        }
      });
      if (birthDay >= this.firstDay && birthDay <= this.lastDay) {
        const code = placeOn(places, person.birthDate);
        const motherAge =
          person.motherBirthDate === null
            ? UNKNOWN_MOTHER_AGE
            : completedAge(person.motherBirthDate, person.birthDate);
        if (code !== undefined)
          this.addEvent(
            basis,
            code,
            person.birthDate,
            CubeEventKind.Birth,
            sex,
            motherAge,
            person.birthOrder ?? 1,
            sign,
          );
      }
      if (person.deathDate !== null) {
        const deathDay = lastAlive + 1;
        const code = placeOn(places, person.deathDate);
        if (deathDay >= this.firstDay && deathDay <= this.lastDay && code !== undefined) {
          const age = lifeline.ageOn(deathDay, Number(person.deathDate.slice(0, 4)));
          this.addEvent(basis, code, person.deathDate, CubeEventKind.Death, sex, age, 0, sign);
        }
      }
    });
    this.addResidence(person, birthDay, lastAlive, sign);
  }

  /** Days at one place, cut into months and, within a month, at the birthday. */
  private addStay(
    basis: BasisIndex,
    code: string,
    sex: 0 | 1,
    first: number,
    last: number,
    lifeline: Lifeline,
    sign: number,
  ): void {
    const key = `${basis}|${code}`;
    const days = this.block(this.days, key, AGES * 2);
    const stock = this.block(this.stock, key, AGES * 2);
    for (let month = this.monthOfDay(first); month <= this.range.lastMonth; month += 1) {
      const monthFirst = firstDayOfMonth(month);
      const monthLast = lastDayOfMonth(month);
      if (monthFirst > last) break;
      const pieceFirst = Math.max(first, monthFirst);
      const pieceLast = Math.min(last, monthLast);
      const year = yearOfMonth(month);
      const base = ((month - this.range.firstMonth) * 2 + sex) * AGES;
      const ageFirst = lifeline.ageOn(pieceFirst, year);
      const ageLast = lifeline.ageOn(pieceLast, year);
      if (ageFirst === ageLast) add(days, base + ageFirst, sign * (pieceLast - pieceFirst + 1));
      else {
        // The birthday falls inside the piece: the days before it are lived at the younger age.
        const birthday = lifeline.birthdayOf(year);
        add(days, base + ageFirst, sign * (birthday - pieceFirst));
        add(days, base + ageLast, sign * (pieceLast - birthday + 1));
      }
      if (pieceLast === monthLast) add(stock, base + ageLast, sign);
    }
  }

  /** Residence and hukou on each month's last day, for the migrant share. */
  private addResidence(person: CubePerson, birthDay: number, lastAlive: number, sign: number): void {
    let residenceIndex = -1;
    let hukouIndex = -1;
    for (let month = this.range.firstMonth; month <= this.range.lastMonth; month += 1) {
      const day = lastDayOfMonth(month);
      if (day < birthDay) continue;
      if (day > lastAlive) break;
      residenceIndex = advance(person.residence, residenceIndex, day);
      hukouIndex = advance(person.hukou, hukouIndex, day);
      const residence = person.residence[residenceIndex]?.code;
      if (residence === undefined) continue;
      const key = `${residence}|${person.hukou[hukouIndex]?.code ?? ''}`;
      add(this.block(this.residents, key, 1), month - this.range.firstMonth, sign);
    }
  }

  private addEvent(
    basis: BasisIndex,
    code: string,
    date: string,
    kind: CubeEventKind,
    sex: 0 | 1,
    age: number,
    birthOrder: number,
    sign: number,
  ): void {
    this.bump(this.events, [basis, code, monthOf(date), kind, sex, age, birthOrder].join('|'), sign);
  }

  private bump(map: Map<string, number>, key: string, by: number): void {
    map.set(key, (map.get(key) ?? 0) + by);
  }

  private block(map: Map<string, Int32Array>, key: string, perMonth: number): Int32Array {
    let block = map.get(key);
    if (!block) map.set(key, (block = new Int32Array(this.months * perMonth)));
    return block;
  }

  private monthOfDay(day: number): number {
    let month = this.range.firstMonth + Math.floor((day - this.firstDay) / 31);
    while (lastDayOfMonth(month) < day) month += 1;
    return month;
  }

  /**
   * The population as stored: one row per basis, month and code with anyone in it, its days and
   * month-end counts as arrays indexed sex × 101 + age (a row of cells is far smaller than a table
   * of them: the demo county's 12 M cells fit in 76 k rows).
   */
  *populationRows(): Generator<PopulationRow> {
    const width = AGES * 2;
    for (const [key, days] of this.days) {
      const stock = this.stock.get(key) as Int32Array;
      const [basisText, code] = splitOnce(key);
      for (let offset = 0; offset < days.length; offset += width) {
        const rowDays = days.subarray(offset, offset + width);
        const rowStock = stock.subarray(offset, offset + width);
        if (rowDays.every((v) => v === 0) && rowStock.every((v) => v === 0)) continue;
        yield {
          basis: Number(basisText) as BasisIndex,
          code,
          month: this.range.firstMonth + offset / width,
          days: Array.from(rowDays),
          stock: Array.from(rowStock),
        };
      }
    }
  }

  /** Residents as stored: one row per residence and hukou code, a count per month of the range. */
  *residentRows(): Generator<ResidentRow> {
    for (const [key, counts] of this.residents) {
      if (counts.every((v) => v === 0)) continue;
      const [residenceCode, hukouCode] = splitOnce(key);
      yield { residenceCode, hukouCode, counts: Array.from(counts) };
    }
  }

  /** The non-zero population cells. */
  *populationCells(): Generator<PopulationCell> {
    for (const [key, days] of this.days) {
      const stock = this.stock.get(key) as Int32Array;
      const [basisText, code] = splitOnce(key);
      const basis = Number(basisText) as BasisIndex;
      for (let index = 0; index < days.length; index += 1) {
        const dayCount = days[index] as number;
        const stockCount = stock[index] as number;
        if (dayCount === 0 && stockCount === 0) continue;
        const age = index % AGES;
        const sex = (Math.floor(index / AGES) % 2) as 0 | 1;
        const month = this.range.firstMonth + Math.floor(index / (AGES * 2));
        yield { basis, code, month, sex, age, days: dayCount, stock: stockCount };
      }
    }
  }

  *eventCells(): Generator<EventCell> {
    for (const [key, count] of this.events) {
      if (count === 0) continue;
      const [basis, code, month, kind, sex, age, birthOrder] = key.split('|');
      yield {
        basis: Number(basis) as BasisIndex,
        code: code as string,
        month: Number(month),
        kind: Number(kind) as CubeEventKind,
        sex: Number(sex) as 0 | 1,
        age: Number(age),
        birthOrder: Number(birthOrder),
        count,
      };
    }
  }

  *moveCells(): Generator<MoveCell> {
    for (const [key, count] of this.moves) {
      if (count === 0) continue;
      const [basis, month, fromCode, toCode] = key.split('|');
      yield {
        basis: Number(basis) as BasisIndex,
        month: Number(month),
        fromCode: fromCode as string,
        toCode: toCode as string,
        count,
      };
    }
  }

  *residentCells(): Generator<ResidentCell> {
    for (const [key, counts] of this.residents) {
      const [residenceCode, hukouCode] = splitOnce(key);
      for (let index = 0; index < counts.length; index += 1) {
        const count = counts[index] as number;
        if (count !== 0) yield { month: this.range.firstMonth + index, residenceCode, hukouCode, count };
      }
    }
  }
}

function splitOnce(key: string): [string, string] {
  const at = key.indexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}

/** Index of the change in force on `day`, moving forward from `index`. */
function advance(places: readonly DatedPlace[], index: number, day: number): number {
  let at = index;
  while (at + 1 < places.length && dayNumber((places[at + 1] as DatedPlace).date) <= day) at += 1;
  return at;
}

function add(values: Int32Array, index: number, by: number): void {
  values[index] = (values[index] as number) + by;
}
