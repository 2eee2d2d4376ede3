import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBirthToMother } from './births';
import type { ApplyContext } from './context';
import type { PersonState, RegisterEvent } from './model';
import { applyEvent, replayPerson, type ReplayContext } from './reducer';
import {
  COVERAGE,
  ELSEWHERE,
  VILLAGE_A,
  VILLAGE_B,
  birth,
  correction,
  ctx,
  death,
  divorce,
  hukou,
  man,
  marriage,
  mother,
  move,
  person,
  voidOf,
} from './test-fixtures';

const seed = 20261123;
const dead = person({ deathDate: '2021-01-01', status: 'dead' });

describe('lifetime invariants', () => {
  it.each([
    ['a move before birth', person(), move({ date: '1990-04-30' }), 'EVENT_BEFORE_BIRTH'],
    ['a marriage before birth', person(), marriage({ date: '1980-01-01' }), 'EVENT_BEFORE_BIRTH'],
    ['a death before birth', person(), death({ date: '1990-04-30' }), 'DEATH_BEFORE_BIRTH'],
    ['a second death', dead, death({ date: '2022-01-01' }), 'ALREADY_DEAD'],
    ['a second death on the same day', dead, death(), 'ALREADY_DEAD'],
    ['a move after death', dead, move({ date: '2021-01-02' }), 'EVENT_AFTER_DEATH'],
    ['a hukou transfer after death', dead, hukou({ date: '2022-01-01' }), 'EVENT_AFTER_DEATH'],
    ['a marriage after death', dead, marriage({ date: '2021-02-01' }), 'EVENT_AFTER_DEATH'],
    ['a divorce after death', dead, divorce({ date: '2021-02-01' }), 'EVENT_AFTER_DEATH'],
  ])('refuses %s', (_label, state, event, code) => {
    expect(applyEvent(state, event, ctx)).toMatchObject({ ok: false, error: { code, field: 'date' } });
  });

  it('accepts an event on the day of death and a death on the day of birth', () => {
    expect(applyEvent(dead, move({ date: '2021-01-01' }), ctx).ok).toBe(true);
    expect(applyEvent(person(), death({ date: '1990-05-01' }), ctx).ok).toBe(true);
  });

  it('a death sets the date and the status, and keeps everything else', () => {
    const result = applyEvent(person(), death(), ctx);
    expect(result).toEqual({
      ok: true,
      warnings: [],
      state: { ...person(), deathDate: '2021-01-01', status: 'dead' },
    });
  });

  it.each([
    ['death', death({ personId: 'X' })],
    ['marriage', marriage({ personId: 'X' })],
    ['divorce', divorce({ personId: 'X' })],
    ['correction', correction({ personId: 'X' })],
  ])('refuses a %s of an unknown person', (_label, event) => {
    expect(applyEvent(undefined, event, ctx)).toMatchObject({ ok: false, error: { code: 'PERSON_UNKNOWN' } });
  });

  it('refuses impossible dates', () => {
    expect(applyEvent(person(), move({ date: '2020-02-30' }), ctx)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_DATE', field: 'date' },
    });
    expect(applyEvent(person(), move({ recordedDate: '2020-13-01' }), ctx)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_DATE', field: 'recorded_date' },
    });
  });

  it('sends voids to replay', () => {
    expect(applyEvent(person(), voidOf('E-move'), ctx)).toMatchObject({
      ok: false,
      error: { code: 'VOID_REQUIRES_REPLAY' },
    });
  });

  it('refuses an event that does not concern the person', () => {
    const stranger = person({ personId: 'S1' });
    for (const event of [move(), hukou(), correction(), birth(), marriage(), divorce()] as RegisterEvent[]) {
      expect(applyEvent(stranger, event, ctx)).toMatchObject({
        ok: false,
        error: { code: 'EVENT_NOT_FOR_PERSON' },
      });
    }
    expect(applyEvent(undefined, marriage(), ctx, 'F1')).toMatchObject({
      ok: false,
      error: { code: 'PERSON_UNKNOWN' },
    });
  });
});

/** A small register in memory: the states the caller would read from its projection. */
function replayContext(personId: string, baseline?: PersonState, others: PersonState[] = []): ReplayContext {
  const byId = new Map(others.map((other) => [other.personId, other]));
  return {
    coverage: COVERAGE,
    isValidCode: ctx.isValidCode,
    personId,
    baseline,
    personBefore: (id) => byId.get(id),
  };
}

describe('replayPerson', () => {
  it('folds events by date, then by recorded order', () => {
    const events = [
      move({ eventId: 'm2', date: '2021-01-01', fromCode: VILLAGE_B, toCode: VILLAGE_A }),
      move({ eventId: 'm1', date: '2020-01-01', fromCode: VILLAGE_A, toCode: VILLAGE_B }),
      hukou({ eventId: 'h1', date: '2021-01-01', fromCode: VILLAGE_A, toCode: ELSEWHERE }),
      move({ eventId: 'm3', date: '2021-01-01', fromCode: VILLAGE_A, toCode: ELSEWHERE }),
    ];
    const result = replayPerson(events, replayContext('P1', person()));
    expect(result).toMatchObject({
      ok: true,
      warnings: [],
      state: { residenceCode: ELSEWHERE, hukouCode: ELSEWHERE, status: 'left' },
    });
  });

  it('rebuilds a child from its birth with the mother looked up', () => {
    const events = [birth(), move({ personId: 'C1', date: '2021-01-01' })];
    const result = replayPerson(events, replayContext('C1', undefined, [mother]));
    expect(result).toMatchObject({
      ok: true,
      state: { personId: 'C1', birthOrder: 2, residenceCode: VILLAGE_B },
    });
  });

  it('counts the births of the mother’s children in her own replay', () => {
    const events = [birth(), birth({ eventId: 'b2', personId: 'C2', date: '2022-05-05' })];
    const result = replayPerson(events, replayContext('M1', mother));
    expect(result.ok && result.state?.childrenEverBorn).toBe(3);
  });

  it('reports the refused event with its id', () => {
    const events = [death({ eventId: 'd' }), move({ eventId: 'late', date: '2022-01-01' })];
    expect(replayPerson(events, replayContext('P1', person()))).toMatchObject({
      ok: false,
      error: { code: 'EVENT_AFTER_DEATH', eventId: 'late' },
    });
    expect(replayPerson([move()], replayContext('P1'))).toMatchObject({
      ok: false,
      error: { code: 'PERSON_UNKNOWN', eventId: 'E-move' },
    });
  });

  it('a retroactive death refuses the later events it contradicts', () => {
    const events = [move({ eventId: 'm', date: '2022-01-01' }), death({ eventId: 'd', date: '2021-06-01' })];
    expect(replayPerson(events, replayContext('P1', person()))).toMatchObject({
      ok: false,
      error: { code: 'EVENT_AFTER_DEATH', eventId: 'm' },
    });
  });

  it('tags warnings with their event', () => {
    const result = replayPerson([marriage()], replayContext('P1', person()));
    expect(result.ok && result.warnings).toMatchObject([
      { code: 'SPOUSE_NOT_IN_REGISTER', eventId: 'E-marriage' },
    ]);
  });

  it('looks the spouse up for marriages and divorces', () => {
    const events = [marriage(), divorce()];
    const husband = { ...man, maritalStatus: '20' as const, spouseId: 'P1' };
    // The spouse's state just before each event.
    const personBefore = (id: string, event: RegisterEvent) => (event.type === 'marriage' ? man : husband);
    const result = replayPerson(events, { ...replayContext('P1', person()), personBefore });
    expect(result).toMatchObject({ ok: true, warnings: [], state: { maritalStatus: '40', spouseId: null } });
  });

  it('widows the survivor when the spouse’s death is in the log', () => {
    const events = [marriage(), death({ personId: 'F1', date: '2023-01-01' })];
    const result = replayPerson(events, replayContext('P1', person(), [man]));
    expect(result).toMatchObject({ ok: true, state: { maritalStatus: '30', spouseId: null } });
  });
});

describe('void', () => {
  const events = [move({ eventId: 'm1' }), hukou({ eventId: 'h1', date: '2020-07-01' })];

  it('skips the voided event and replays the rest', () => {
    const result = replayPerson([...events, voidOf('m1')], replayContext('P1', person()));
    expect(result).toMatchObject({ ok: true, state: { residenceCode: VILLAGE_A, hukouCode: VILLAGE_B } });
  });

  it('a void of a void restores the event', () => {
    const log = [...events, voidOf('m1'), voidOf('V-m1')];
    const result = replayPerson(log, replayContext('P1', person()));
    expect(result).toMatchObject({ ok: true, state: { residenceCode: VILLAGE_B, hukouCode: VILLAGE_B } });
  });

  it('a voided death brings the person back', () => {
    const log = [death({ eventId: 'd' }), voidOf('d'), move({ eventId: 'm', date: '2022-01-01' })];
    const result = replayPerson(log, replayContext('P1', person()));
    expect(result).toMatchObject({
      ok: true,
      state: { status: 'resident', deathDate: null, residenceCode: VILLAGE_B },
    });
  });

  it('a voided birth leaves no person, and the child’s later events are refused', () => {
    const ctxChild = replayContext('C1', undefined, [mother]);
    expect(replayPerson([birth(), voidOf('E-birth', { personId: 'C1' })], ctxChild)).toEqual({
      ok: true,
      state: undefined,
      warnings: [],
    });
    const later = [
      birth(),
      voidOf('E-birth', { personId: 'C1' }),
      move({ personId: 'C1', date: '2021-01-01' }),
    ];
    expect(replayPerson(later, ctxChild)).toMatchObject({ ok: false, error: { code: 'PERSON_UNKNOWN' } });
  });

  it('a voided birth is no longer counted for the mother', () => {
    const log = [birth(), voidOf('E-birth', { personId: 'C1' })];
    const result = replayPerson(log, replayContext('M1', mother));
    expect(result.ok && result.state?.childrenEverBorn).toBe(1);
  });

  it.each([
    ['an unknown target', voidOf('nope'), 'VOID_TARGET_UNKNOWN', 'target_event_id'],
    ['no reason', voidOf('m1', { reason: '' }), 'REASON_REQUIRED', 'reason'],
    ['an impossible date', voidOf('m1', { date: '2022-02-30' }), 'INVALID_DATE', 'date'],
  ])('refuses a void with %s', (_label, voidEvent, code, field) => {
    expect(replayPerson([...events, voidEvent], replayContext('P1', person()))).toMatchObject({
      ok: false,
      error: { code, field, eventId: voidEvent.eventId },
    });
  });

  it('refuses a void naming a later event', () => {
    const log = [voidOf('m1'), ...events];
    expect(replayPerson(log, replayContext('P1', person()))).toMatchObject({
      ok: false,
      error: { code: 'VOID_TARGET_UNKNOWN' },
    });
  });
});

describe('correction in replay', () => {
  it('sets the field from its date on, whatever order it was recorded in', () => {
    const log = [
      move({ eventId: 'm', date: '2022-01-01' }),
      correction({ eventId: 'c', date: '2021-01-01', field: 'birth_date', value: '1991-05-01' }),
    ];
    const result = replayPerson(log, replayContext('P1', person()));
    expect(result).toMatchObject({ ok: true, state: { birthDate: '1991-05-01', residenceCode: VILLAGE_B } });
  });

  it('events before the correction are judged with the value recorded then', () => {
    const log = [
      correction({ eventId: 'c', personId: 'M1', date: '2021-01-01', field: 'sex', value: '1' }),
      birth({ eventId: 'b', date: '2020-12-31' }),
    ];
    // As mother of a birth before the correction she was recorded as a woman: the birth counts.
    const result = replayPerson(log, replayContext('M1', mother));
    expect(result).toMatchObject({ ok: true, state: { sex: 1, childrenEverBorn: 2 } });
  });

  it('a voided correction restores the value', () => {
    const log = [correction({ eventId: 'c' }), voidOf('c')];
    const result = replayPerson(log, replayContext('P1', person()));
    expect(result.ok && result.state?.name).toBe('阿依古丽');
  });
});

describe('replay properties', () => {
  const codes = [VILLAGE_A, VILLAGE_B, ELSEWHERE, '650103'];
  const transfer = fc.record({
    type: fc.constantFrom('move' as const, 'hukou' as const),
    day: fc.integer({ min: 0, max: 27 }),
    month: fc.integer({ min: 1, max: 12 }),
    to: fc.constantFrom(...codes),
  });
  const logs = fc.array(transfer, { maxLength: 12 }).map((items) =>
    items.map(({ type, day, month, to }, index): RegisterEvent => {
      const date = `2021-${String(month).padStart(2, '0')}-${String(day + 1).padStart(2, '0')}`;
      const base = { eventId: `e${index}`, date, fromCode: VILLAGE_A, toCode: to };
      return type === 'move' ? move(base) : hukou(base);
    }),
  );
  const applyCtx: ApplyContext = ctx;

  it('replay equals applying the events one by one in date order', () => {
    fc.assert(
      fc.property(logs, (log) => {
        const ordered = log.toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
        let state: PersonState = person();
        for (const event of ordered) {
          const result = applyEvent(state, event, applyCtx);
          if (!result.ok) return false;
          state = result.state;
        }
        const replayed = replayPerson(log, replayContext('P1', person()));
        return replayed.ok && JSON.stringify(replayed.state) === JSON.stringify(state);
      }),
      { seed },
    );
  });

  it('voiding an event gives the state of the log without it', () => {
    fc.assert(
      fc.property(
        logs.filter((log) => log.length > 0),
        fc.nat(),
        (log, pick) => {
          const target = log[pick % log.length];
          if (target === undefined) return false;
          const withVoid = replayPerson([...log, voidOf(target.eventId)], replayContext('P1', person()));
          const without = replayPerson(
            log.filter((event) => event !== target),
            replayContext('P1', person()),
          );
          return (
            withVoid.ok && without.ok && JSON.stringify(withVoid.state) === JSON.stringify(without.state)
          );
        },
      ),
      { seed },
    );
  });

  it('status is left exactly when both codes are outside the coverage', () => {
    fc.assert(
      fc.property(logs, (log) => {
        const result = replayPerson(log, replayContext('P1', person()));
        if (!result.ok || result.state === undefined) return false;
        const { hukouCode, residenceCode, status } = result.state;
        const outside = !hukouCode.startsWith(COVERAGE) && !residenceCode.startsWith(COVERAGE);
        return status === (outside ? 'left' : 'resident');
      }),
      { seed },
    );
  });

  it('births add up for the mother, whatever the recorded orders', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 1, max: 6 })), { maxLength: 6 }), (orders) => {
        let state = mother;
        for (const [index, birthOrder] of orders.entries()) {
          state = applyBirthToMother(state, birth({ personId: `C${index}`, birthOrder }));
        }
        return state.childrenEverBorn >= mother.childrenEverBorn + orders.length;
      }),
      { seed },
    );
  });
});
