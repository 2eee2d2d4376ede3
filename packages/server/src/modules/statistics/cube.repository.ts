// Reads and writes of the aggregate tables (migration 0007). Cells are written in large array
// statements (INSERT … SELECT FROM unnest) and added to existing ones on conflict, so a person's
// change is just its (new − old) cells.
import type { CubeAccumulator, CubePerson, CubeSlice, TrendCells } from '@renkou/core';
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
  for (const c of columns(
    cube.populationCells(),
    () => ({
      basis: [] as number[],
      month: [] as number[],
      code: [] as string[],
      sex: [] as number[],
      age: [] as number[],
      days: [] as number[],
      stock: [] as number[],
    }),
    (c, x) => {
      c.basis.push(x.basis);
      c.month.push(x.month);
      c.code.push(x.code);
      c.sex.push(x.sex);
      c.age.push(x.age);
      c.days.push(x.days);
      c.stock.push(x.stock);
    },
  )) {
    await sql`INSERT INTO stat_cube_population AS t (basis, month, code, sex, age, days, stock)
      SELECT * FROM unnest(${c.basis}::smallint[], ${c.month}::int[], ${c.code}::text[], ${c.sex}::smallint[],
                           ${c.age}::smallint[], ${c.days}::int[], ${c.stock}::int[])
      ON CONFLICT (basis, month, code, sex, age)
      DO UPDATE SET days = t.days + excluded.days, stock = t.stock + excluded.stock`.execute(db);
    if (removeZeros)
      await sql`DELETE FROM stat_cube_population t USING unnest(${c.basis}::smallint[], ${c.month}::int[],
                  ${c.code}::text[], ${c.sex}::smallint[], ${c.age}::smallint[]) AS k(basis, month, code, sex, age)
        WHERE t.basis = k.basis AND t.month = k.month AND t.code = k.code AND t.sex = k.sex AND t.age = k.age
          AND t.days = 0 AND t.stock = 0`.execute(db);
  }
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
  for (const c of columns(
    cube.residentCells(),
    () => ({
      month: [] as number[],
      residence: [] as string[],
      hukou: [] as string[],
      count: [] as number[],
    }),
    (c, x) => {
      c.month.push(x.month);
      c.residence.push(x.residenceCode);
      c.hukou.push(x.hukouCode);
      c.count.push(x.count);
    },
  )) {
    await sql`INSERT INTO stat_cube_residents AS t (month, residence_code, hukou_code, count)
      SELECT * FROM unnest(${c.month}::int[], ${c.residence}::text[], ${c.hukou}::text[], ${c.count}::int[])
      ON CONFLICT (month, residence_code, hukou_code) DO UPDATE SET count = t.count + excluded.count`.execute(
      db,
    );
  }
  if (removeZeros) {
    await sql`DELETE FROM stat_cube_events WHERE count = 0`.execute(db);
    await sql`DELETE FROM stat_cube_moves WHERE count = 0`.execute(db);
    await sql`DELETE FROM stat_cube_residents WHERE count = 0`.execute(db);
  }
}

export const CUBE_TABLES = [
  'stat_cube_population',
  'stat_cube_events',
  'stat_cube_moves',
  'stat_cube_residents',
  'stat_cube_persons',
] as const;

export async function clearCubes(db: Executor): Promise<void> {
  for (const table of CUBE_TABLES) await db.deleteFrom(table).execute();
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

/** The tables summed over the months of a period, for the codes under `prefix` (all when ''). */
export async function readSlice(
  db: Executor,
  basis: 0 | 1,
  months: { first: number; last: number },
  prefix: string,
): Promise<CubeSlice> {
  const like = `${prefix}%`;
  const { first, last } = months;
  const days = await sql<CubeSlice['days'][number]>`
    SELECT code, sex, age, 1970 + month / 12 AS year, sum(days)::int AS days
    FROM stat_cube_population
    WHERE basis = ${basis} AND month BETWEEN ${first} AND ${last} AND code LIKE ${like} AND days <> 0
    GROUP BY code, sex, age, month / 12`.execute(db);
  const startStock = await sql<CubeSlice['startStock'][number]>`
    SELECT code, sum(stock)::int AS count FROM stat_cube_population
    WHERE basis = ${basis} AND month = ${first - 1} AND code LIKE ${like} AND stock <> 0 GROUP BY code`.execute(
    db,
  );
  const endStock = await sql<CubeSlice['endStock'][number]>`
    SELECT code, sex, age, stock AS count FROM stat_cube_population
    WHERE basis = ${basis} AND month = ${last} AND code LIKE ${like} AND stock <> 0`.execute(db);
  const events = await sql<CubeSlice['events'][number]>`
    SELECT code, kind, sex, age, birth_order AS "birthOrder", sum(count)::int AS count FROM stat_cube_events
    WHERE basis = ${basis} AND month BETWEEN ${first} AND ${last} AND code LIKE ${like}
    GROUP BY code, kind, sex, age, birth_order`.execute(db);
  const moves = await sql<CubeSlice['moves'][number]>`
    SELECT from_code AS "fromCode", to_code AS "toCode", sum(count)::int AS count FROM stat_cube_moves
    WHERE basis = ${basis} AND month BETWEEN ${first} AND ${last} AND (from_code LIKE ${like} OR to_code LIKE ${like})
    GROUP BY from_code, to_code`.execute(db);
  const residents = await sql<CubeSlice['residents'][number]>`
    SELECT residence_code AS "residenceCode", hukou_code AS "hukouCode", count FROM stat_cube_residents
    WHERE month = ${last} AND residence_code LIKE ${like}`.execute(db);
  return {
    days: days.rows,
    startStock: startStock.rows,
    endStock: endStock.rows,
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
  const days = await sql<TrendCells['days'][number]>`
    SELECT code, month, sum(days)::int AS days, sum(stock)::int AS count FROM stat_cube_population
    WHERE basis = ${basis} AND month BETWEEN ${first - 1} AND ${last} AND code LIKE ${like}
    GROUP BY code, month`.execute(db);
  const events = await sql<TrendCells['events'][number]>`
    SELECT code, month, kind, sex, sum(count)::int AS count FROM stat_cube_events
    WHERE basis = ${basis} AND month BETWEEN ${first} AND ${last} AND code LIKE ${like}
    GROUP BY code, month, kind, sex`.execute(db);
  const moves = await sql<TrendCells['moves'][number]>`
    SELECT from_code AS "fromCode", to_code AS "toCode", month, sum(count)::int AS count FROM stat_cube_moves
    WHERE basis = ${basis} AND month BETWEEN ${first} AND ${last} AND (from_code LIKE ${like} OR to_code LIKE ${like})
    GROUP BY from_code, to_code, month`.execute(db);
  const rows = days.rows as (TrendCells['days'][number] & { count: number })[];
  return {
    days: rows.filter((row) => row.month >= first),
    stock: rows.map((row) => ({ code: row.code, month: row.month, count: row.count })),
    events: events.rows,
    moves: moves.rows,
  };
}
