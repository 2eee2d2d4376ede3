import { describe, expect, it } from 'vitest';
import { mergedInto } from './corrections';
import { applyEvent, replayPerson } from './reducer';
import {
  correction,
  ctx,
  death,
  isValidCode,
  COVERAGE,
  move,
  birth,
  mother,
  person,
  voidOf,
} from './test-fixtures';

const merge = (overrides = {}) =>
  correction({
    eventId: 'E-merge',
    date: '2024-03-01',
    field: 'duplicate_of',
    value: 'P2',
    reason: '同一人登记两次',
    ...overrides,
  });

describe('duplicate_of correction (重复登记)', () => {
  it('marks the record merged into the other, keeping every other field', () => {
    const state = person();
    const result = applyEvent(state, merge(), ctx);
    expect(result).toMatchObject({ ok: true, state: { ...state, duplicateOf: 'P2', status: 'merged' } });
  });

  it('is undone by an empty value: the status follows the places again', () => {
    const merged = person({ duplicateOf: 'P2', status: 'merged' });
    expect(applyEvent(merged, merge({ value: '' }), ctx)).toMatchObject({
      ok: true,
      state: { duplicateOf: null, status: 'resident' },
    });
    const dead = person({ duplicateOf: 'P2', status: 'merged', deathDate: '2020-01-01' });
    expect(applyEvent(dead, merge({ value: '' }), ctx)).toMatchObject({
      ok: true,
      state: { status: 'dead' },
    });
  });

  it('refuses a record as its own duplicate', () => {
    expect(applyEvent(person(), merge({ value: 'P1' }), ctx)).toMatchObject({
      ok: false,
      error: { code: 'SELF_REFERENCE', field: 'value' },
    });
  });

  it('refuses life events on a merged record, as subject or as mother, but takes corrections', () => {
    const merged = person({ duplicateOf: 'P2', status: 'merged' });
    expect(applyEvent(merged, death({ date: '2024-05-01' }), ctx)).toMatchObject({
      ok: false,
      error: { code: 'PERSON_MERGED' },
    });
    expect(applyEvent(merged, move({ date: '2024-05-01' }), ctx)).toMatchObject({
      ok: false,
      error: { code: 'PERSON_MERGED' },
    });
    const mergedMother = { ...mother, duplicateOf: 'M2', status: 'merged' as const };
    expect(applyEvent(mergedMother, birth({ date: '2024-05-01' }), ctx, mother.personId)).toMatchObject({
      ok: false,
      error: { code: 'PERSON_MERGED' },
    });
    expect(applyEvent(merged, correction({ field: 'name', value: '古丽' }), ctx).ok).toBe(true);
  });

  it('replays with the merge in date order, and a void of it restores the record', () => {
    const baseline = person();
    const earlier = move({ eventId: 'E-move', date: '2023-01-01' });
    const replay = (events: Parameters<typeof replayPerson>[0]) =>
      replayPerson(events, { personId: 'P1', baseline, coverage: COVERAGE, isValidCode });
    expect(replay([merge(), earlier])).toMatchObject({
      ok: true,
      state: { status: 'merged', duplicateOf: 'P2' },
    });
    const restored = replay([merge(), earlier, voidOf('E-merge', { eventId: 'E-void', date: '2024-04-01' })]);
    expect(restored).toMatchObject({ ok: true, state: { status: 'resident', duplicateOf: null } });
    // A move after the merge is refused at its place in the log.
    expect(replay([merge(), move({ eventId: 'E-late', date: '2024-06-01' })])).toMatchObject({
      ok: false,
      error: { code: 'PERSON_MERGED', eventId: 'E-late' },
    });
  });

  it('names the record a correction merges into (mergedInto), and nothing for others', () => {
    expect(mergedInto(merge())).toBe('P2');
    expect(mergedInto(merge({ value: ' ' }))).toBeNull();
    expect(mergedInto(correction({ field: 'name', value: 'P2' }))).toBeNull();
    expect(mergedInto(death())).toBeNull();
  });
});
