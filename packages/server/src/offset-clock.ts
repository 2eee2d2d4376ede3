// A clock that runs some days ahead of another, the number of days read from a file whenever the
// file changes. For browser tests that must let a 公示 period pass on a started server
// (RENKOU_CLOCK_FILE); never configured in production.
import { DAY, systemClock, type Clock } from '@renkou/core';
import { readFileSync, statSync } from 'node:fs';

export function fileOffsetClock(path: string, base: Clock = systemClock): Clock {
  let seen = -1;
  let offsetMs = 0;
  return {
    now() {
      try {
        const { mtimeMs } = statSync(path);
        if (mtimeMs !== seen) {
          seen = mtimeMs;
          const days = Number(readFileSync(path, 'utf8').trim());
          offsetMs = Number.isSafeInteger(days) ? days * DAY : 0;
        }
      } catch {
        // No file (yet): the base clock's time.
        seen = -1;
        offsetMs = 0;
      }
      return new Date(base.now().getTime() + offsetMs);
    },
  };
}
