// Where a person lived (residence) and was registered (hukou) over time, derived from their
// accepted, not voided events: the projection behind "where did this person live on day d".
import { tryNormalizeCode } from './coverage';
import type { PersonState, RegisterEvent } from './model';

export type PlaceKind = 'residence' | 'hukou';

/** [validFrom, validTo): validTo null = still so. */
export interface PlaceInterval {
  kind: PlaceKind;
  validFrom: string;
  validTo: string | null;
  code: string;
}

/** One change: from `date` on, the person's `kind` place is `code`. */
export interface PlaceChange {
  kind: PlaceKind;
  date: string;
  code: string;
}

const short = (code: string) => tryNormalizeCode(code) ?? code;

/** The place changes one event makes for its subject (`known`: whether the register knew them before). */
export function placeChangesOf(event: RegisterEvent, known: boolean): PlaceChange[] {
  switch (event.type) {
    case 'birth':
      return [
        { kind: 'residence', date: event.date, code: short(event.residenceCode) },
        { kind: 'hukou', date: event.date, code: short(event.hukouCode) },
      ];
    case 'move': {
      const changes: PlaceChange[] = [{ kind: 'residence', date: event.date, code: short(event.toCode) }];
      if (!known) changes.push({ kind: 'hukou', date: event.date, code: short(event.fromCode) });
      return changes;
    }
    case 'hukou': {
      const changes: PlaceChange[] = [{ kind: 'hukou', date: event.date, code: short(event.toCode) }];
      if (!known) changes.push({ kind: 'residence', date: event.date, code: short(event.fromCode) });
      return changes;
    }
    case 'death':
    case 'marriage':
    case 'divorce':
    case 'correction':
    case 'void':
      return [];
  }
}

/** The baseline person's places from the dataset's start. */
export function baselinePlaces(state: PersonState, start: string): PlaceChange[] {
  return [
    { kind: 'residence', date: start, code: state.residenceCode },
    { kind: 'hukou', date: start, code: state.hukouCode },
  ];
}

/** Folds changes (in the order they apply) into intervals; a later change on the same day replaces an earlier one. */
export function placeIntervals(changes: readonly PlaceChange[]): PlaceInterval[] {
  const result: PlaceInterval[] = [];
  for (const kind of ['residence', 'hukou'] as const) {
    const own: PlaceInterval[] = [];
    for (const change of changes) {
      if (change.kind !== kind) continue;
      const open = own[own.length - 1];
      if (open && open.validFrom === change.date) {
        open.code = change.code;
      } else if (open && open.code === change.code) {
        continue;
      } else {
        if (open) open.validTo = change.date;
        own.push({ kind, validFrom: change.date, validTo: null, code: change.code });
      }
    }
    // Two same-day changes may have restored the previous code: merge equal neighbours.
    const merged: PlaceInterval[] = [];
    for (const interval of own) {
      const previous = merged[merged.length - 1];
      if (previous && previous.code === interval.code) previous.validTo = interval.validTo;
      else merged.push({ ...interval });
    }
    result.push(...merged);
  }
  return result;
}
