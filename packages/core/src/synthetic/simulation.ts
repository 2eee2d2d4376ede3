// The yearly simulation from the start date to the end date. Each event is applied to the people at
// once and is dated no earlier than the last event of anyone it involves, so that replaying the
// events in (date, file order) meets every person in the state the generator saw: every row is
// valid for the register's reducers by construction.
import { dateFromDay, dayFromCivil, yearOfDay } from './days';
import { DepartmentRecords, type PersonRecordInput } from './departments';
import { hukouTypeFor } from './policies';
import { NONE, type Population } from './population';
import type { Places } from './places';
import type { Random } from './random';
import type { SyntheticEventRow, SyntheticRecord } from './rows';
import type { ResolvedOptions, World } from './world';

interface Dated {
  day: number;
  seq: number;
  record: SyntheticRecord;
}

/** An events.csv row before its event_id is given. */
export type NewEvent = Omit<SyntheticEventRow, 'event_id' | 'date'>;

const YEAR = 365.2425;

export class Simulation {
  readonly pop: Population;
  readonly places: Places;
  readonly options: ResolvedOptions;
  readonly departments: DepartmentRecords;
  year = 0;
  yearStart = 0;
  yearEnd = 0;
  /** The share of a full year the current year covers (the first and last may be partial). */
  yearFraction = 1;
  private seq = 0;
  private eventCount = 0;
  private certificates: number;
  private readonly pending = new Map<number, Dated[]>();
  private batch: Dated[] = [];

  constructor(
    readonly world: World,
    readonly random: Random,
    marriageRecordsRandom: Random,
  ) {
    this.pop = world.population;
    this.places = world.places;
    this.options = world.options;
    this.departments = new DepartmentRecords(
      random.fork(99),
      world.places,
      world.options.recordErrorRate,
      marriageRecordsRandom,
    );
    this.certificates = random.between(10_000_000, 90_000_000);
  }

  /** Runs the years in turn; `simulateYear` adds the year's rows, which come out in (date, order). */
  *run(simulateYear: (sim: Simulation) => void): Generator<SyntheticRecord> {
    const first = yearOfDay(this.options.fromDay);
    const last = yearOfDay(this.options.toDay);
    for (let year = first; year <= last; year++) {
      this.year = year;
      // Events start the day after the baseline: the baseline is the register as it stood on the start date.
      this.yearStart = Math.max(this.options.fromDay + 1, dayFromCivil(year, 1, 1));
      this.yearEnd = Math.min(this.options.toDay, dayFromCivil(year, 12, 31));
      if (this.yearStart > this.yearEnd) continue;
      this.yearFraction = (this.yearEnd - this.yearStart + 1) / YEAR;
      this.batch = this.pending.get(year) ?? [];
      this.pending.delete(year);
      simulateYear(this);
      this.batch.sort((a, b) => a.day - b.day || a.seq - b.seq);
      for (const dated of this.batch) yield dated.record;
      this.batch = [];
    }
  }

  /** A day in [max(from, year start), year end], uniformly; undefined when that range is empty. */
  pickDay(from: number, until = this.yearEnd): number | undefined {
    const low = Math.max(from, this.yearStart);
    if (low > until) return undefined;
    return low + this.random.int(until - low + 1);
  }

  /** The latest last-event day among people (events involving them are dated no earlier). */
  lastEventOf(...people: number[]): number {
    let last = this.yearStart;
    for (const person of people)
      if (person !== NONE) last = Math.max(last, this.pop.lastEventDay[person] ?? 0);
    return last;
  }

  /** Completed years (approximately: 365.2425-day years) on `day`. */
  age(person: number, day: number): number {
    return Math.floor((day - (this.pop.birthDay[person] ?? 0)) / YEAR);
  }

  /** Whose hukou or residence lies in the coverage (the others have left). */
  isPresent(person: number): boolean {
    return (
      this.places.isInside(this.pop.hukou[person] ?? NONE) ||
      this.places.isInside(this.pop.residence[person] ?? NONE)
    );
  }

  /** Adds an event and returns its event_id (the caller touches the people it involves). */
  event(day: number, row: NewEvent): string {
    const eventId = `E${String(++this.eventCount).padStart(8, '0')}`;
    const record: SyntheticRecord = {
      file: 'events',
      row: { event_id: eventId, date: dateFromDay(day), ...row },
    };
    this.add(day, record);
    return eventId;
  }

  records(day: number, records: SyntheticRecord[]): void {
    for (const record of records) this.add(day, record);
  }

  /** Hukou type for someone registered at `place` from `day` (0 = none: outside the coverage). */
  hukouTypeAt(place: number, day: number): number {
    return hukouTypeFor(this.places.isInside(place), this.places.isUrban(place), day);
  }

  nextCertificate(): string {
    return `Q${String(++this.certificates).padStart(9, '0')}`;
  }

  /** A recorded_date for a late registration (往年出生本期登记): months to years after the day, by the end date. */
  lateRecordedDate(day: number): string {
    const recorded = Math.min(this.options.toDay, day + this.random.between(60, 900));
    return recorded > day ? dateFromDay(recorded) : '';
  }

  /** What department records say about a person (their true name, birth date and ID number). */
  personRecord(person: number): PersonRecordInput {
    return {
      personId: this.pop.personId(person),
      name: this.pop.name(person),
      sex: this.pop.sexOf(person),
      birthDay: this.pop.birthDay[person] ?? 0,
      idNumber: this.pop.idNumber(person),
    };
  }

  private add(day: number, record: SyntheticRecord): void {
    const dated = { day, seq: ++this.seq, record };
    if (day <= this.yearEnd) this.batch.push(dated);
    else {
      const year = yearOfDay(day);
      const later = this.pending.get(year);
      if (later) later.push(dated);
      else this.pending.set(year, [dated]);
    }
  }
}
