// Time is injected so that tests are deterministic; business dates are plain YYYY-MM-DD strings.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved; for tests. */
export class FixedClock implements Clock {
  private current: Date;
  constructor(start: Date | string) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(to: Date | string): void {
    this.current = new Date(to);
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The business date in China's calendar (UTC+8) for an instant. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * HOUR).toISOString().slice(0, 10);
}
