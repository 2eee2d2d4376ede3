// SQL of register duplicates (重复登记): a run's pairs replacing the open ones, the open pairs of a
// scope with both persons, and a pair's resolution. A pair is open while nobody has decided it and
// neither person has been merged since (by this list or by a correction on the person page).
import { sql, type PersonsTable, type Selectable } from '@renkou/db';
import type { Executor } from '../audit';
import type { DuplicatePair } from './duplicate-pairs';

const SLICE = 500;

export type PersonSide = Pick<
  Selectable<PersonsTable>,
  | 'person_key'
  | 'name'
  | 'sex'
  | 'birth_date'
  | 'hukou_code'
  | 'residence_code'
  | 'status'
  | 'sensitive'
  | 'death_date'
>;

export interface PairRow {
  id: string;
  probability: number;
  match_weight: number;
  comparisons: { name: string; level: string; weight: number }[];
  resolution: 'merge' | 'distinct' | null;
  kept_key: string | null;
  reason: string | null;
  resolved_by: string | null;
  resolved_at: Date | string | null;
  a: PersonSide;
  b: PersonSide;
}

/** Deletes the undecided pairs, then inserts the run's; a decided pair stays as it is. Returns how many were kept. */
export async function replaceOpenPairs(
  db: Executor,
  runId: string,
  pairs: readonly (DuplicatePair & { id: string })[],
  createdAt: Date,
  onSlice: (done: number) => Promise<void> = async () => undefined,
): Promise<number> {
  await db.deleteFrom('duplicate_pairs').where('resolution', 'is', null).execute();
  let inserted = 0;
  for (let i = 0; i < pairs.length; i += SLICE) {
    const result = await db
      .insertInto('duplicate_pairs')
      .values(
        pairs.slice(i, i + SLICE).map((p) => ({
          id: p.id,
          run_id: runId,
          person_key_a: p.personKeyA,
          person_key_b: p.personKeyB,
          probability: p.probability,
          match_weight: p.matchWeight,
          comparisons: JSON.stringify(p.comparisons),
          created_at: createdAt,
        })),
      )
      .onConflict((oc) => oc.columns(['person_key_a', 'person_key_b']).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
    await onSlice(Math.min(i + SLICE, pairs.length));
  }
  return pairs.length - inserted;
}

/** Persons `a` and `b` of a query as PersonSide (the marriages list shows its couple the same way). */
export const side = (alias: 'a' | 'b') =>
  sql<PersonSide>`json_build_object(
    'person_key', ${sql.ref(`${alias}.person_key`)}, 'name', ${sql.ref(`${alias}.name`)},
    'sex', ${sql.ref(`${alias}.sex`)}, 'birth_date', ${sql.ref(`${alias}.birth_date`)},
    'hukou_code', ${sql.ref(`${alias}.hukou_code`)}, 'residence_code', ${sql.ref(`${alias}.residence_code`)},
    'status', ${sql.ref(`${alias}.status`)}, 'sensitive', ${sql.ref(`${alias}.sensitive`)},
    'death_date', ${sql.ref(`${alias}.death_date`)})`;

export const inScope = (alias: 'a' | 'b', scope: string) =>
  sql<boolean>`(${sql.ref(`${alias}.hukou_code`)} like ${`${scope}%`} or ${sql.ref(`${alias}.residence_code`)} like ${`${scope}%`})`;

function pairsWithPersons(db: Executor) {
  return db
    .selectFrom('duplicate_pairs as d')
    .innerJoin('persons as a', 'a.person_key', 'd.person_key_a')
    .innerJoin('persons as b', 'b.person_key', 'd.person_key_b');
}

/** Open: undecided, and neither record merged into anyone. In scope: either person lives or is registered there. */
const openInScope = (scope: string) =>
  sql<boolean>`d.resolution is null and a.status <> 'merged' and b.status <> 'merged' and (${inScope('a', scope)} or ${inScope('b', scope)})`;

export async function countOpenPairs(db: Executor, scope: string): Promise<number> {
  const row = await pairsWithPersons(db)
    .where(openInScope(scope))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const pairColumns = [
  'd.id',
  'd.probability',
  'd.match_weight',
  'd.comparisons',
  'd.resolution',
  'd.kept_key',
  'd.reason',
  'd.resolved_by',
  'd.resolved_at',
] as const;

/** The open pairs of a scope, most likely first. */
export async function listOpenPairs(
  db: Executor,
  scope: string,
  page: { limit: number; offset: number },
): Promise<PairRow[]> {
  const rows = await pairsWithPersons(db)
    .where(openInScope(scope))
    .select([...pairColumns, side('a').as('a'), side('b').as('b')])
    .orderBy('d.probability', 'desc')
    .orderBy('d.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows as PairRow[];
}

export async function findPair(db: Executor, id: string): Promise<PairRow | undefined> {
  const row = await pairsWithPersons(db)
    .where('d.id', '=', id)
    .select([...pairColumns, side('a').as('a'), side('b').as('b')])
    .executeTakeFirst();
  return row as PairRow | undefined;
}

/** Records the decision on an undecided pair; false when someone decided it first. */
export async function resolvePair(
  db: Executor,
  id: string,
  decision: {
    resolution: 'merge' | 'distinct';
    keptKey: string | null;
    reason: string;
    by: string;
    at: Date;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('duplicate_pairs')
    .set({
      resolution: decision.resolution,
      kept_key: decision.keptKey,
      reason: decision.reason,
      resolved_by: decision.by,
      resolved_at: decision.at,
    })
    .where('id', '=', id)
    .where('resolution', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
