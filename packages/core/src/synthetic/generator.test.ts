import { describe, expect, it } from 'vitest';
import { parseCitizenId } from '../register/citizen-id';
import { generateSyntheticCounty } from './generator';
import { RegisterHarness } from './register-harness';
import {
  SYNTHETIC_ERROR_KINDS,
  type CivilMarriageRow,
  type MarriageTruthRow,
  type SyntheticEventRow,
  type SyntheticFile,
  type SyntheticTruthRow,
} from './rows';
import { TEST_VILLAGES } from './test-villages';

const small = generateSyntheticCounty({
  villages: TEST_VILLAGES,
  persons: 2000,
  from: '2010-01-01',
  to: '2019-12-31',
  seed: 7,
  missedDeathRate: 0.1, // enough deaths missing from the register to see some in a small county
});
const events = small.records.filter((r) => r.file === 'events').map((r) => r.row as SyntheticEventRow);

describe('generated county through the register reducers', () => {
  const harness = new RegisterHarness(small.options.coverage, small.codes, small.options.from);
  harness.loadBaseline(small.persons);
  for (const row of events) harness.apply(row);

  it('has every kind of event', () => {
    const types = new Set(events.map((row) => row.type));
    expect([...types].sort()).toEqual([
      'birth',
      'correction',
      'death',
      'divorce',
      'hukou',
      'marriage',
      'move',
      'void',
    ]);
    expect(events.some((row) => row.recorded_date && row.recorded_date > row.date)).toBe(true);
  });

  it('rejects no baseline row and no event', () => {
    expect(harness.rejections.slice(0, 5)).toEqual([]);
  });

  it('only warns where the generator meant to (late birth order after a missed birth, a mistyped birth date)', () => {
    const expected = new Set(['BIRTH_ORDER_MISMATCH', 'ID_BIRTH_DATE_MISMATCH']);
    expect([...harness.warnings.keys()].filter((code) => !expected.has(code))).toEqual([]);
  });

  it('gives the same state when each person is replayed from their log', () => {
    expect(harness.verifyReplay()).toEqual([]);
  });

  it('writes events in date order', () => {
    const dates = events.map((row) => row.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]! > small.options.from).toBe(true);
    expect(dates.at(-1)! <= small.options.to).toBe(true);
  });
});

describe('determinism', () => {
  const run = (seed: number) =>
    JSON.stringify(
      generateSyntheticCounty({
        villages: TEST_VILLAGES,
        persons: 500,
        from: '2015-01-01',
        to: '2017-12-31',
        seed,
      }),
    );

  it('gives the same files for the same seed and different files for another', () => {
    const first = run(5);
    expect(run(5)).toBe(first);
    expect(run(6)).not.toBe(first);
  });
});

describe('citizen ID numbers', () => {
  const ids = [
    ...small.persons.map((p) => ({ id: p.id_number, sex: p.sex, birth: p.birth_date })),
    ...events
      .filter((e) => e.id_number && (e.type === 'birth' || e.type === 'move' || e.type === 'hukou'))
      .map((e) => ({ id: e.id_number!, sex: e.sex!, birth: e.type === 'birth' ? e.date : e.birth_date! })),
  ].filter((entry) => entry.id !== '');

  it('are valid (check character, date, region) and agree with sex and birth date', () => {
    const mismatched = ids.filter((entry) => {
      const parsed = parseCitizenId(entry.id, { today: '2030-01-01' });
      return !parsed.ok || parsed.sex !== Number(entry.sex) || parsed.value !== entry.id;
    });
    expect(mismatched).toEqual([]);
    const births = ids.filter((entry) => entry.id.startsWith('652926'));
    expect(births.length / ids.length).toBeGreaterThan(0.8);
    // Only the register's deliberate birth-date mistakes disagree with the number.
    const wrongDate = ids.filter(
      (entry) =>
        parseCitizenId(entry.id, { today: '2030-01-01' }).ok &&
        !entry.id.includes(entry.birth.replaceAll('-', '')),
    );
    expect(wrongDate.length).toBeLessThan(ids.length * 0.005);
  });

  it('are unique', () => {
    expect(new Set(ids.map((entry) => entry.id)).size).toBe(ids.length);
  });
});

describe('department files and truth', () => {
  const rows = (file: SyntheticFile) =>
    small.records.filter((r) => r.file === file).map((r) => r.row as SyntheticTruthRow);
  const registered = new Set([
    ...small.persons.map((p) => p.person_id),
    ...events.filter((e) => e.type === 'birth').map((e) => e.person_id),
    ...events.filter((e) => e.type === 'move' || e.type === 'hukou').map((e) => e.person_id),
  ]);
  const died = new Set(events.filter((e) => e.type === 'death').map((e) => e.person_id));

  it('has one hospital record per birth, missed births without a register person', () => {
    const truth = rows('truth/hospital_births');
    expect(truth.length).toBe(rows('hospital_births').length);
    const missed = truth.filter((t) => t.errors.includes('register_missing_birth'));
    expect(missed.every((t) => t.person_id === '')).toBe(true);
    expect(truth.filter((t) => t.person_id !== '').length).toBe(
      events.filter((e) => e.type === 'birth').length,
    );
    expect(missed.length).toBeGreaterThan(0);
  });

  it('names register persons in every truth row but the missed births', () => {
    for (const file of ['truth/hospital_births', 'truth/hukou', 'truth/civil_deaths'] as const) {
      const truth = rows(file);
      expect(truth.length).toBeGreaterThan(0);
      expect(truth.filter((t) => t.person_id !== '' && !registered.has(t.person_id))).toEqual([]);
    }
  });

  it('lists deaths the register lacks, whose people stay alive in the register', () => {
    const truth = rows('truth/civil_deaths');
    const lacking = truth.filter((t) => t.errors.includes('register_missing_death'));
    expect(lacking.length).toBeGreaterThan(0);
    expect(lacking.every((t) => !died.has(t.person_id))).toBe(true);
    expect(
      truth.filter((t) => !t.errors.includes('register_missing_death')).every((t) => died.has(t.person_id)),
    ).toBe(true);
  });

  it('injects mistakes into a share of the records, naming each kind', () => {
    const kinds = new Set(
      (['truth/hospital_births', 'truth/hukou', 'truth/civil_deaths'] as const).flatMap((file) =>
        rows(file).flatMap((t) => t.errors.split(';').filter(Boolean)),
      ),
    );
    for (const kind of [
      'name_typo',
      'name_homophone',
      'name_traditional',
      'mother_id_digit',
      'id_digit',
      'birth_date_shift',
    ]) {
      expect(kinds).toContain(kind);
    }
    expect([...kinds].every((kind) => (SYNTHETIC_ERROR_KINDS as readonly string[]).includes(kind))).toBe(
      true,
    );
  });
  it('has one civil-affairs record per marriage and divorce, the man as party 1, with its truth', () => {
    const sexOf = new Map(small.persons.map((p) => [p.person_id, p.sex]));
    for (const e of events) if (e.sex) sexOf.set(e.person_id!, e.sex); // births and arrivals
    const civil = small.records
      .filter((r) => r.file === 'civil_marriages')
      .map((r) => r.row as CivilMarriageRow);
    const truth = new Map(
      small.records
        .filter((r) => r.file === 'truth/civil_marriages')
        .map((r) => [(r.row as MarriageTruthRow).record_id, r.row as MarriageTruthRow]),
    );
    const pairsOf = (list: { event: string; date: string; a: string; b: string }[]) =>
      list.map((x) => `${x.event} ${x.date} ${[x.a, x.b].sort().join('+')}`).sort();
    const fromEvents = events
      .filter((e) => e.type === 'marriage' || e.type === 'divorce')
      .map((e) => ({ event: e.type!, date: e.date!, a: e.person_id!, b: e.spouse_id! }));
    const shifted = new Set<string>();
    const fromRecords = civil.map((row) => {
      const t = truth.get(row.record_id)!;
      expect(sexOf.get(t.person_id_1)).toBe('1');
      expect(sexOf.get(t.person_id_2)).toBe('2');
      if (t.errors.includes('date_shift')) shifted.add(row.record_id);
      return { event: row.event, date: row.date, a: t.person_id_1, b: t.person_id_2 };
    });
    expect(civil.length).toBe(truth.size);
    expect(fromEvents.length).toBeGreaterThan(50);
    // Every record names the event's two people; its date is the event's unless a shift was injected.
    const unshifted = fromRecords.filter((_, i) => !shifted.has(civil[i]!.record_id));
    expect(fromRecords.length).toBe(fromEvents.length);
    const expected = new Set(pairsOf(fromEvents));
    expect(pairsOf(unshifted).filter((key) => !expected.has(key))).toEqual([]);
    const kinds = new Set([...truth.values()].flatMap((t) => t.errors.split(';').filter(Boolean)));
    for (const kind of ['name_1_typo', 'name_2_homophone', 'id_1_digit', 'id_2_digit'])
      expect(kinds).toContain(kind);
  });
});
