// Dates as written by different departments: YYYYMMDD, YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日.
// A comparison keeps two forms: the 8-digit string (to measure typing errors, also on impossible
// dates such as 19450493) and a day number (to measure distance) when the date exists.

export interface DateKey {
  /** YYYYMMDD when the text has a year, month and day (possibly impossible), else the raw digits. */
  digits: string;
  /** Days since 1970-01-01 for a real calendar date, NaN otherwise. */
  day: number;
  year: number;
  month: number;
  dayOfMonth: number;
}

const separated = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u;
const compact = /^(\d{4})(\d{2})(\d{2})$/;

/** Days from 1970-01-01 (proleptic Gregorian), Howard Hinnant's days_from_civil. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] as number);
}

export function parseDateKey(text: string): DateKey | null {
  const value = text.trim();
  if (value === '') return null;
  const match = compact.exec(value) ?? separated.exec(value);
  if (!match) {
    const digits = value.replace(/\D/g, '');
    return digits
      ? { digits, day: Number.NaN, year: Number.NaN, month: Number.NaN, dayOfMonth: Number.NaN }
      : null;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const dayOfMonth = Number(match[3]);
  const digits = `${match[1]}${String(month).padStart(2, '0')}${String(dayOfMonth).padStart(2, '0')}`;
  const day = isCalendarDate(year, month, dayOfMonth) ? daysFromCivil(year, month, dayOfMonth) : Number.NaN;
  return { digits, day, year, month, dayOfMonth };
}

/** Absolute distance in days, NaN when either date does not exist. */
export function daysApart(a: DateKey, b: DateKey): number {
  return Math.abs(a.day - b.day);
}

/** Same year, and day and month exchanged (03/04 vs 04/03), a classic transcription error. */
export function dayMonthSwapped(a: DateKey, b: DateKey): boolean {
  return a.year === b.year && a.month !== b.month && a.month === b.dayOfMonth && a.dayOfMonth === b.month;
}
