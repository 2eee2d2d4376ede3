// Calendar arithmetic on 'YYYY-MM-DD' strings through day numbers (days since 1970-01-01),
// never through Date, so that no time zone can shift a day.

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Day number of a civil date (H. Hinnant's days_from_civil). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function dayNumber(date: string): number {
  return dayNumberOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** Day number of the day someone born on `birthDate` turns a year older in `year` (29 February → 1 March in common years). */
export function birthdayIn(birthDate: string, year: number): number {
  const month = Number(birthDate.slice(5, 7));
  const day = Number(birthDate.slice(8, 10));
  if (month === 2 && day === 29 && !isLeapYear(year)) return dayNumberOf(year, 3, 1);
  return dayNumberOf(year, month, day);
}

/** Completed years of age on `date`. */
export function completedAge(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Calendar year of a day number. */
export function yearOfDayNumber(dayNumberValue: number): number {
  // Estimate from the mean year length, then correct by at most one year.
  let year = 1970 + Math.floor(dayNumberValue / 365.2425);
  while (dayNumberOf(year, 1, 1) > dayNumberValue) year -= 1;
  while (dayNumberOf(year + 1, 1, 1) <= dayNumberValue) year += 1;
  return year;
}
