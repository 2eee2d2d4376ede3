// Keeps the aggregate tables equal to the register (docs/decisions/0014-statistics-cubes.md). They
// follow the event log: a refresh reads the persons involved in events after the tables' last seq
// and applies (new − old) of each; a large backlog (a bulk import) or a changed date range is a
// rebuild. Statistics requests refresh first, so a birth posted a moment ago is counted.
import {
  CubeAccumulator,
  monthOf,
  type CubePerson,
  type CubeRange,
  type CubeSlice,
  type TrendCells,
} from '@renkou/core';
import { sql, type Db } from '@renkou/db';
import type { RegisterService } from '../register';
import {
  addCells,
  clearCubes,
  forgetContributions,
  loadContributions,
  readSlice,
  readTrendCells,
  saveContributions,
} from './cube.repository';
import { loadStatPersons, type LoadedPerson } from './statistics.repository';

const META_KEY = 'statistics.cubes';
/** Above this many changed persons a rebuild is cheaper than person-by-person differences. */
const REFRESH_LIMIT = 5_000;

interface CubeMeta {
  firstMonth: number;
  lastMonth: number;
  seq: number;
  rebuiltAt: string;
}

export interface RebuildReport {
  persons: number;
  cells: { population: number; events: number; moves: number; residents: number };
  /** Rows that differed between the tables before the rebuild and after (0 = the incremental state was right). */
  differences: number | null;
  seconds: number;
}

function cubePerson(person: LoadedPerson): CubePerson {
  return {
    sex: person.sex,
    birthDate: person.birthDate,
    deathDate: person.deathDate,
    residence: person.residence,
    hukou: person.hukou,
    birthOrder: person.birthOrder,
    motherBirthDate: person.motherBirthDate,
  };
}

export class StatisticsCubes {
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly register: RegisterService,
  ) {}

  /** The months the tables cover for the register's dataset (undefined before any import). */
  async range(): Promise<CubeRange | undefined> {
    const dataset = await this.register.dataset();
    if (!dataset) return undefined;
    return { firstMonth: monthOf(dataset.start) - 1, lastMonth: monthOf(dataset.end) };
  }

  /**
   * Brings the tables up to the log. Returns false when that needs a rebuild and `rebuild` is
   * false (the caller then answers by the scan and may start the rebuild in the background).
   */
  async refresh(options: { rebuild: boolean }): Promise<boolean> {
    return this.serially(async () => {
      const range = await this.range();
      if (!range) return false;
      const meta = await this.meta();
      const newest = await this.newestSeq();
      const sameRange = meta && meta.firstMonth === range.firstMonth && meta.lastMonth === range.lastMonth;
      if (sameRange && meta.seq === newest) return true;
      const changed = sameRange ? await this.personsChangedSince(meta.seq, newest) : undefined;
      if (changed === undefined || changed.length > REFRESH_LIMIT) {
        if (!options.rebuild) return false;
        await this.rebuildTables(range, false);
        return true;
      }
      await this.applyChanges(range, changed, newest);
      return true;
    });
  }

  /** `renkou stats rebuild`: recomputes everything and says how far the incremental state was off. */
  async rebuild(): Promise<RebuildReport | undefined> {
    return this.serially(async () => {
      const range = await this.range();
      if (!range) return undefined;
      // Bring the incremental state up to the log first, so that a difference means an error.
      const meta = await this.meta();
      const sameRange = meta?.firstMonth === range.firstMonth && meta.lastMonth === range.lastMonth;
      if (meta && sameRange) {
        const newest = await this.newestSeq();
        const changed = await this.personsChangedSince(meta.seq, newest);
        if (changed.length > 0) await this.applyChanges(range, changed, newest);
      }
      return this.rebuildTables(range, meta !== undefined && sameRange);
    });
  }

  async slice(basis: 0 | 1, months: { first: number; last: number }, prefix: string): Promise<CubeSlice> {
    const range = await this.range();
    return readSlice(this.db, basis, months, prefix, range?.firstMonth ?? months.first);
  }

  async trendCells(
    basis: 0 | 1,
    months: { first: number; last: number },
    prefix: string,
  ): Promise<TrendCells> {
    return readTrendCells(this.db, basis, months, prefix);
  }

  /** One refresh or rebuild at a time in this process (PGlite has one connection anyway). */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.running.then(work, work);
    this.running = next.catch(() => undefined);
    return next;
  }

  private async meta(): Promise<CubeMeta | undefined> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', META_KEY)
      .executeTakeFirst();
    return row ? (row.value as CubeMeta) : undefined;
  }

  private async newestSeq(): Promise<number> {
    const row = await this.db
      .selectFrom('register_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  /** Everyone an event after `seq` may have changed (the event's `involved`), up to `newest`. */
  private async personsChangedSince(seq: number, newest: number): Promise<string[]> {
    const rows = await sql<{ key: string }>`
      SELECT DISTINCT unnest(involved || person_key) AS key FROM register_events
      WHERE seq > ${seq} AND seq <= ${newest}`.execute(this.db);
    return rows.rows.map((row) => row.key);
  }

  private async applyChanges(range: CubeRange, keys: string[], newest: number): Promise<void> {
    const current = await loadStatPersons(this.db, { keys });
    const before = await loadContributions(this.db, keys);
    // A corrected birth date of a mother changes the age at which her children were born.
    const mothers = keys.filter((key) => before.get(key)?.birthDate !== current.get(key)?.birthDate);
    const children =
      mothers.length === 0
        ? []
        : (
            await this.db
              .selectFrom('persons')
              .select('person_key')
              .where('mother_key', 'in', mothers)
              .execute()
          ).map((row) => row.person_key);
    for (const [key, person] of await loadStatPersons(this.db, { keys: children })) current.set(key, person);
    for (const [key, person] of await loadContributions(this.db, children)) before.set(key, person);

    const difference = new CubeAccumulator(range);
    for (const old of before.values()) difference.add(old, -1);
    const now = new Map<string, CubePerson>();
    for (const [key, person] of current) {
      const inputs = cubePerson(person);
      difference.add(inputs);
      now.set(key, inputs);
    }
    const rebuiltAt = (await this.meta())?.rebuiltAt ?? '';
    // Inside the transaction only `trx`: PGlite has one connection, a query on `db` would wait forever.
    await this.db.transaction().execute(async (trx) => {
      await addCells(trx, difference, true);
      await forgetContributions(
        trx,
        [...before.keys()].filter((key) => !now.has(key)),
      );
      await saveContributions(trx, now);
      await this.saveMeta(trx, { ...range, seq: newest, rebuiltAt });
    });
  }

  private async rebuildTables(range: CubeRange, compare: boolean): Promise<RebuildReport> {
    const started = performance.now();
    const newest = await this.newestSeq();
    const dataset = await this.register.dataset();
    const persons = await loadStatPersons(this.db, { prefix: dataset?.coverage ?? '' });
    const cube = new CubeAccumulator(range);
    const inputs = new Map<string, CubePerson>();
    for (const [key, person] of persons) {
      const input = cubePerson(person);
      cube.add(input);
      inputs.set(key, input);
    }
    let differences: number | null = null;
    await this.db.transaction().execute(async (trx) => {
      if (compare) {
        // The old state kept aside to count the rows that differ from the recomputed one.
        for (const table of ['population', 'events', 'moves', 'residents'])
          await sql`CREATE TEMP TABLE ${sql.raw(`old_${table}`)} ON COMMIT DROP AS SELECT * FROM ${sql.raw(`stat_cube_${table}`)}`.execute(
            trx,
          );
      }
      await clearCubes(trx);
      await addCells(trx, cube, false);
      await saveContributions(trx, inputs);
      await this.saveMeta(trx, { ...range, seq: newest, rebuiltAt: new Date().toISOString() });
      if (compare) {
        differences = 0;
        for (const table of ['population', 'events', 'moves', 'residents']) {
          const [a, b] = [`old_${table}`, `stat_cube_${table}`];
          const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (
              (SELECT * FROM ${sql.raw(a)} EXCEPT SELECT * FROM ${sql.raw(b)})
              UNION ALL (SELECT * FROM ${sql.raw(b)} EXCEPT SELECT * FROM ${sql.raw(a)})) d`.execute(trx);
          differences += row.rows[0]?.n ?? 0;
        }
      }
    });
    const count = (table: string) =>
      sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.raw(table)}`
        .execute(this.db)
        .then((r) => r.rows[0]?.n ?? 0);
    return {
      persons: persons.size,
      cells: {
        population: await count('stat_cube_population'),
        events: await count('stat_cube_events'),
        moves: await count('stat_cube_moves'),
        residents: await count('stat_cube_residents'),
      },
      differences,
      seconds: (performance.now() - started) / 1000,
    };
  }

  private async saveMeta(db: Parameters<typeof addCells>[0], meta: CubeMeta): Promise<void> {
    const value = JSON.stringify(meta);
    await db
      .insertInto('settings')
      .values({ key: META_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}
