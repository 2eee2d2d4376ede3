// A person's place history recomputed from their log (for rebuilds and by verify).
import {
  baselinePlaces,
  effectiveEvents,
  personFromBaseline,
  placeChangesOf,
  placeIntervals,
  type BaselinePersonRow,
  type PlaceChange,
  type PlaceInterval,
  type RegisterEvent,
} from '@renkou/core';
import type { Executor } from '../audit';
import type { RegisterCipher } from './register-cipher';
import { eventsInvolving, type LoggedEvent } from './register.repository';

/** A person's place history recomputed from their log (used for rebuilds and by verify). */
export async function placeHistoryFromLog(
  db: Executor,
  personKey: string,
  ctx: { start: string; cipher: RegisterCipher },
  registerContext: { coverage: string; isValidCode: (code: string, date: string) => boolean },
): Promise<PlaceInterval[]> {
  const stored = await eventsInvolving(db, ctx.cipher, personKey);
  return placeHistory(personKey, stored, ctx.start, registerContext);
}

export function placeHistory(
  personKey: string,
  stored: readonly LoggedEvent[],
  start: string,
  registerContext: { coverage: string; isValidCode: (code: string, date: string) => boolean },
): PlaceInterval[] {
  const baselineRow = stored.find((e) => e.kind === 'baseline');
  const changes: PlaceChange[] = [];
  let known = false;
  if (baselineRow) {
    const baseline = personFromBaseline(baselineRow.payload as BaselinePersonRow, {
      ...registerContext,
      start,
    });
    if (baseline.ok) {
      changes.push(...baselinePlaces(baseline.state, start));
      known = true;
    }
  }
  const effective = effectiveEvents(
    stored.filter((e) => e.kind !== 'baseline').map((e) => e.payload as RegisterEvent),
  );
  if (!effective.ok) return placeIntervals(changes);
  for (const event of effective.events) {
    if (event.personId !== personKey) continue;
    changes.push(...placeChangesOf(event, known));
    if (event.type === 'birth' || event.type === 'move' || event.type === 'hukou') known = true;
  }
  return placeIntervals(changes);
}
