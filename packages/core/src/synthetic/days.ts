// Dates as day numbers (days since 1970-01-01) for arithmetic, and back to 'YYYY-MM-DD'.
// Civil-calendar conversion without Date (H. Hinnant's algorithm), so no time zone can shift a day.

export function dayFromDate(date: string): number {
  return dayFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDay(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function dateFromDay(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 'YYYYMMDD' as written inside a citizen ID number. */
export function compactDate(dayNumber: number): string {
  return dateFromDay(dayNumber).replaceAll('-', '');
}

export function yearOfDay(dayNumber: number): number {
  return civilFromDay(dayNumber).year;
}

/** Completed years of age on `day` for someone born on `birthDay` (29 February birthdays turn on 1 March). */
export function ageOnDay(birthDay: number, day: number): number {
  const birth = civilFromDay(birthDay);
  const on = civilFromDay(day);
  const years = on.year - birth.year;
  return on.month < birth.month || (on.month === birth.month && on.day < birth.day) ? years - 1 : years;
}
