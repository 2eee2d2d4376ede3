import { FixedClock } from '@renkou/core';

/** The instant every test starts at unless it says otherwise. */
export const TEST_NOW = '2026-03-02T02:00:00.000Z';

export function testClock(start: string = TEST_NOW): FixedClock {
  return new FixedClock(start);
}
