// Reads and writes of the aggregate tables (migration 0007). Cells are written in large array
// statements (INSERT … SELECT FROM unnest) and added to existing ones on conflict, so a person's
// change is just its (new − old) cells.
import {
  POPULATION_ROW_WIDTH,
  yearOfMonth,
  type CubeAccumulator,
  type CubePerson,
  type CubeSlice,
  type PopulationRow,
  type ResidentRow,
  type TrendCells,
} from '@renkou/core';
import { sql, type Db, type Transaction } from '@renkou/db';
import type { Database } from '@renkou/db';

type Executor = Db | Transaction<Database>;

const CHUNK = 20_000;

/** Column arrays of at most CHUNK rows each. */
function* columns<T, C extends Record<string, unknown[]>>(
  rows: Iterable<T>,
  empty: () => C,
  push: (columns: C, row: T) => void,
): Generator<C> {
  let batch = empty();
  let size = 0;
  for (const row of rows) {
    push(batch, row);
    size += 1;
    if (size === CHUNK) {
      yield batch;
      batch = empty();
      size = 0;
    }
  }
  if (size > 0) yield batch;
}

/**
 * Adds the accumulator's cells to the tables (a rebuild adds to empty tables; a refresh adds
 * differences) and removes the cells that became zero.
 */
export async function addCells(db: Executor, cube: CubeAccumulator, removeZeros: boolean): Promise<void> {
  await writePopulationRows(db, [...cube.populationRows()], removeZeros);
  for (const c of columns(
    cube.eventCells(),
    () => ({
      basis: [] as number[],
      month: [] as number[],
      code: [] as string[],
      kind: [] as number[],
      sex: [] as number[],
      age: [] as number[],
      order: [] as number[],
      count: [] as number[],
    }),
    (c, x) => {
      c.basis.push(x.basis);
      c.month.push(x.month);
      c.code.push(x.code);
      c.kind.push(x.kind);
      c.sex.push(x.sex);
      c.age.push(x.age);
      c.order.push(x.birthOrder);
      c.count.push(x.count);
    },
  )) {
    await sql`INSERT INTO stat_cube_events AS t (basis, month, code, kind, sex, age, birth_order, count)
      SELECT * FROM unnest(${c.basis}::smallint[], ${c.month}::int[], ${c.code}::text[], ${c.kind}::smallint[],
                           ${c.sex}::smallint[], ${c.age}::smallint[], ${c.order}::smallint[], ${c.count}::int[])
      ON CONFLICT (basis, month, code, kind, sex, age, birth_order) DO UPDATE SET count = t.count + excluded.count`.execute(
      db,
    );
  }
  for (const c of columns(
    cube.moveCells(),
    () => ({
      basis: [] as number[],
      month: [] as number[],
      from: [] as string[],
      to: [] as string[],
      count: [] as number[],
    }),
    (c, x) => {
      c.basis.push(x.basis);
      c.month.push(x.month);
      c.from.push(x.fromCode);
      c.to.push(x.toCode);
      c.count.push(x.count);
    },
  )) {
    await sql`INSERT INTO stat_cube_moves AS t (basis, month, from_code, to_code, count)
      SELECT * FROM unnest(${c.basis}::smallint[], ${c.month}::int[], ${c.from}::text[], ${c.to}::text[], ${c.count}::int[])
      ON CONFLICT (basis, month, from_code, to_code) DO UPDATE SET count = t.count + excluded.count`.execute(
      db,
    );
  }
  await writeResidentRows(db, [...cube.residentRows()], removeZeros);
  if (removeZeros) {
    await sql`DELETE FROM stat_cube_events WHERE count = 0`.execute(db);
    await sql`DELETE FROM stat_cube_moves WHERE count = 0`.execute(db);
  }
}

const arrayLiteral = (values: readonly number[]) => `{${values.join(',')}}`;
const isZero = (values: readonly number[]) => values.every((v) => v === 0);
const addInto = (target: number[], values: readonly number[]) => {
  values.forEach((v, i) => (target[i] = (target[i] ?? 0) + v));
};

/**
 * Writes population rows: into empty tables as they are, or (`differences`) added to the stored rows
 * of the same basis, month and code, a row that becomes all zero removed.
 */
async function writePopulationRows(db: Executor, rows: PopulationRow[], differences: boolean): Promise<void> {
  for (let i = 0; i < rows.length; i += 2_000) {
    const batch = rows.slice(i, i + 2_000);
    if (differences) {
      const stored = await sql<PopulationRow>`
        SELECT t.basis, t.month, t.code, t.days, t.stock FROM stat_cube_population t
        JOIN unnest(${batch.map((r) => r.basis)}::smallint[], ${batch.map((r) => r.month)}::int[],
                    ${batch.map((r) => r.code)}::text[]) AS k(basis, month, code)
          ON t.basis = k.basis AND t.month = k.month AND t.code = k.code`.execute(db);
      const byKey = new Map(stored.rows.map((r) => [`${r.basis}|${r.month}|${r.code}`, r]));
      for (const row of batch) {
        const old = byKey.get(`${row.basis}|${row.month}|${row.code}`);
        if (!old) continue;
        addInto(row.days, old.days);
        addInto(row.stock, old.stock);
      }
      const empty = batch.filter((r) => isZero(r.days) && isZero(r.stock));
      if (empty.length > 0)
        await sql`DELETE FROM stat_cube_population t USING unnest(${empty.map((r) => r.basis)}::smallint[],
                    ${empty.map((r) => r.month)}::int[], ${empty.map((r) => r.code)}::text[]) AS k(basis, month, code)
          WHERE t.basis = k.basis AND t.month = k.month AND t.code = k.code`.execute(db);
    }
    const kept = differences ? batch.filter((r) => !(isZero(r.days) && isZero(r.stock))) : batch;
    if (kept.length === 0) continue;
    await sql`INSERT INTO stat_cube_population (basis, month, code, days, stock)
      SELECT b, m, c, d::int[], s::int[] FROM unnest(${kept.map((r) => r.basis)}::smallint[],
        ${kept.map((r) => r.month)}::int[], ${kept.map((r) => r.code)}::text[],
        ${kept.map((r) => arrayLiteral(r.days))}::text[], ${kept.map((r) => arrayLiteral(r.stock))}::text[]) AS u(b, m, c, d, s)
      ON CONFLICT (basis, month, code) DO UPDATE SET days = excluded.days, stock = excluded.stock`.execute(
      db,
    );
  }
}

/** Resident series, written like the population rows. */
async function writeResidentRows(db: Executor, rows: ResidentRow[], differences: boolean): Promise<void> {
  for (let i = 0; i < rows.length; i += 2_000) {
    const batch = rows.slice(i, i + 2_000);
    if (differences) {
      const stored = await sql<{ residence_code: string; hukou_code: string; counts: number[] }>`
        SELECT t.residence_code, t.hukou_code, t.counts FROM stat_cube_residents t
        JOIN unnest(${batch.map((r) => r.residenceCode)}::text[], ${batch.map((r) => r.hukouCode)}::text[]) AS k(r, h)
          ON t.residence_code = k.r AND t.hukou_code = k.h`.execute(db);
      const byKey = new Map(stored.rows.map((r) => [`${r.residence_code}|${r.hukou_code}`, r.counts]));
      for (const row of batch) addInto(row.counts, byKey.get(`${row.residenceCode}|${row.hukouCode}`) ?? []);
      const empty = batch.filter((r) => isZero(r.counts));
      if (empty.length > 0)
        await sql`DELETE FROM stat_cube_residents t USING unnest(${empty.map((r) => r.residenceCode)}::text[],
                    ${empty.map((r) => r.hukouCode)}::text[]) AS k(r, h)
          WHERE t.residence_code = k.r AND t.hukou_code = k.h`.execute(db);
    }
    const kept = differences ? batch.filter((r) => !isZero(r.counts)) : batch;
    if (kept.length === 0) continue;
    await sql`INSERT INTO stat_cube_residents (residence_code, hukou_code, counts)
      SELECT r, h, c::int[] FROM unnest(${kept.map((r) => r.residenceCode)}::text[],
        ${kept.map((r) => r.hukouCode)}::text[], ${kept.map((r) => arrayLiteral(r.counts))}::text[]) AS u(r, h, c)
      ON CONFLICT (residence_code, hukou_code) DO UPDATE SET counts = excluded.counts`.execute(db);
  }
}

export const CUBE_TABLES = [
  'stat_cube_population',
  'stat_cube_events',
  'stat_cube_moves',
  'stat_cube_residents',
  'stat_cube_persons',
] as const;

/** Empties the tables for a rebuild: TRUNCATE, not DELETE, so that rebuilds leave no dead rows behind. */
export async function clearCubes(db: Executor): Promise<void> {
  await sql`TRUNCATE ${sql.raw(CUBE_TABLES.join(', '))}`.execute(db);
}

/** What each person contributed, kept to subtract when the person changes. */
export async function saveContributions(
  db: Executor,
  persons: Iterable<[string, CubePerson]>,
): Promise<void> {
  for (const c of columns(
    persons,
    () => ({ keys: [] as string[], inputs: [] as string[] }),
    (c, [key, person]) => {
      c.keys.push(key);
      c.inputs.push(JSON.stringify(person));
    },
  )) {
    await sql`INSERT INTO stat_cube_persons (person_key, inputs)
      SELECT * FROM unnest(${c.keys}::text[], ${c.inputs}::jsonb[])
      ON CONFLICT (person_key) DO UPDATE SET inputs = excluded.inputs`.execute(db);
  }
}

export async function loadContributions(
  db: Executor,
  keys: readonly string[],
): Promise<Map<string, CubePerson>> {
  const rows = await db
    .selectFrom('stat_cube_persons')
    .select(['person_key', 'inputs'])
    .where('person_key', 'in', keys.length > 0 ? [...keys] : [''])
    .execute();
  return new Map(rows.map((row) => [row.person_key, row.inputs as CubePerson]));
}

export async function forgetContributions(db: Executor, keys: readonly string[]): Promise<void> {
  if (keys.length > 0)
    await db
      .deleteFrom('stat_cube_persons')
      .where('person_key', 'in', [...keys])
      .execute();
}

/** The stored population rows of a basis for some months and codes under `prefix` (all when ''). */
async function populationRows(
  db: Executor,
  basis: 0 | 1,
  first: number,
  last: number,
  prefix: string,
): Promise<PopulationRow[]> {
  const rows = await sql<PopulationRow>`
    SELECT basis, month, code, days, stock FROM stat_cube_population
    WHERE basis = ${basis} AND month BETWEEN ${first} AND ${last} AND code LIKE ${`${prefix}%`}`.execute(db);
  return rows.rows;
}

const sexOf = (index: number) => Math.floor(index / (POPULATION_ROW_WIDTH / 2));
const ageOf = (index: number) => index % (POPULATION_ROW_WIDTH / 2);

/** The tables summed over the months of a period, for the codes under `prefix` (all when ''). */
export async function readSlice(
  db: Executor,
  basis: 0 | 1,
  months: { first: number; last: number },
  prefix: string,
  residentsFrom: number,
): Promise<CubeSlice> {
  const like = `${prefix}%`;
  const { first, last } = months;
  // Days summed per code and year first (arrays by sex × age), cells made once at the end.
  const days = new Map<string, { code: string; year: number; byIndex: number[] }>();
  const startStock: CubeSlice['startStock'] = [];
  const endStock: CubeSlice['endStock'] = [];
  for (const row of await populationRows(db, basis, first - 1, last, prefix)) {
    if (row.month === first - 1)
      startStock.push({ code: row.code, count: row.stock.reduce((a, b) => a + b, 0) });
    if (row.month === last)
      row.stock.forEach((count, i) => {
        if (count !== 0) endStock.push({ code: row.code, sex: sexOf(i), age: ageOf(i), count });
      });
    if (row.month < first) continue;
    const year = yearOfMonth(row.month);
    const key = `${row.code}|${year}`;
    let sums = days.get(key);
    if (!sums)
      days.set(
        key,
        (sums = { code: row.code, year, byIndex: new Array<number>(POPULATION_ROW_WIDTH).fill(0) }),
      );
    addInto(sums.byIndex, row.days);
  }
  const dayCells: CubeSlice['days'] = [];
  for (const { code, year, byIndex } of days.values())
    byIndex.forEach((value, i) => {
      if (value !== 0) dayCells.push({ code, sex: sexOf(i), age: ageOf(i), year, days: value });
    });
  const events = await sql<CubeSlice['events'][number]>`
    SELECT code, kind, sex, age, birth_order AS "birthOrder", sum(count)::int AS count FROM stat_cube_events
    WHERE basis = ${basis} AND month BETWEEN ${first} AND ${last} AND code LIKE ${like}
    GROUP BY code, kind, sex, age, birth_order`.execute(db);
  const moves = await sql<CubeSlice['moves'][number]>`
    SELECT from_code AS "fromCode", to_code AS "toCode", sum(count)::int AS count FROM stat_cube_moves
    WHERE basis = ${basis} AND month BETWEEN ${first} AND ${last} AND (from_code LIKE ${like} OR to_code LIKE ${like})
    GROUP BY from_code, to_code`.execute(db);
  const index = last - residentsFrom + 1;
  const residents = await sql<CubeSlice['residents'][number]>`
    SELECT residence_code AS "residenceCode", hukou_code AS "hukouCode", counts[${index}] AS count
    FROM stat_cube_residents WHERE residence_code LIKE ${like} AND counts[${index}] <> 0`.execute(db);
  return {
    days: dayCells,
    startStock,
    endStock,
    events: events.rows,
    moves: moves.rows,
    residents: residents.rows,
  };
}

/** Per-month sums for a series (trend charts), codes under `prefix` (all when ''). */
export async function readTrendCells(
  db: Executor,
  basis: 0 | 1,
  months: { first: number; last: number },
  prefix: string,
): Promise<TrendCells> {
  const like = `${prefix}%`;
  const { first, last } = months;
  // Each row's arrays summed in the database: a series needs totals only, not ages.
  const totals = await sql<{ code: string; month: number; days: number; count: number }>`
    SELECT code, month, (SELECT sum(d) FROM unnest(days) AS d)::int AS days,
           (SELECT sum(s) FROM unnest(stock) AS s)::int AS count
    FROM stat_cube_population
    WHERE basis = ${basis} AND month BETWEEN ${first - 1} AND ${last} AND code LIKE ${like}`.execute(db);
  const days = totals.rows
    .filter((row) => row.month >= first)
    .map(({ code, month, days }) => ({ code, month, days }));
  const stock = totals.rows.map(({ code, month, count }) => ({ code, month, count }));
  const events = await sql<TrendCells['events'][number]>`
    SELECT code, month, kind, sex, sum(count)::int AS count FROM stat_cube_events
    WHERE basis = ${basis} AND month BETWEEN ${first} AND ${last} AND code LIKE ${like}
    GROUP BY code, month, kind, sex`.execute(db);
  const moves = await sql<TrendCells['moves'][number]>`
    SELECT from_code AS "fromCode", to_code AS "toCode", month, sum(count)::int AS count FROM stat_cube_moves
    WHERE basis = ${basis} AND month BETWEEN ${first} AND ${last} AND (from_code LIKE ${like} OR to_code LIKE ${like})
    GROUP BY from_code, to_code, month`.execute(db);
  return {
    days,
    stock,
    events: events.rows,
    moves: moves.rows,
  };
}
