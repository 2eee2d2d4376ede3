// The register's SQL: the append-only event log, the persons projection and the place history.
import type { PlaceInterval } from '@renkou/core';
import { sql, type Insertable, type PersonsTable, type RegisterEventsTable } from '@renkou/db';
import type { Executor } from '../audit';
import type { PersonRow } from './person-row';
import type { RegisterCipher } from './register-cipher';

/** Multi-row statements stay well under PostgreSQL's 65,535 parameters. */
const ROWS_PER_STATEMENT = 1000;

function* slices<T>(items: readonly T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export interface LoggedEvent {
  seq: number;
  kind: string;
  event_key: string;
  date: string;
  person_key: string;
  involved: string[];
  payload: unknown;
  content_hash: string;
  recorded_date: string;
}

const loggedColumns = [
  'seq',
  'kind',
  'event_key',
  'date',
  'person_key',
  'involved',
  'payload',
  'content_hash',
  'recorded_date',
] as const;

/** Log rows with their sensitive cells decrypted. */
export function openLogged<T extends { payload: unknown }>(cipher: RegisterCipher, rows: T[]): T[] {
  for (const row of rows) row.payload = cipher.openPayload(row.payload);
  return rows;
}

export async function findEventsByKeys(db: Executor, keys: readonly string[]): Promise<LoggedEvent[]> {
  if (keys.length === 0) return [];
  const found: LoggedEvent[] = [];
  for (const part of slices(keys)) {
    found.push(
      ...(await db
        .selectFrom('register_events')
        .select(loggedColumns)
        .where('kind', '<>', 'baseline')
        .where('event_key', 'in', part)
        .execute()),
    );
  }
  return found;
}

export async function findBaselines(db: Executor, personKeys: readonly string[]): Promise<LoggedEvent[]> {
  if (personKeys.length === 0) return [];
  const found: LoggedEvent[] = [];
  for (const part of slices(personKeys)) {
    found.push(
      ...(await db
        .selectFrom('register_events')
        .select(loggedColumns)
        .where('kind', '=', 'baseline')
        .where('person_key', 'in', part)
        .execute()),
    );
  }
  return found;
}

/** Every logged row (baseline and events) in a person's log, in log order, decrypted. */
export async function eventsInvolving(
  db: Executor,
  cipher: RegisterCipher,
  personKey: string,
): Promise<LoggedEvent[]> {
  const rows = await db
    .selectFrom('register_events')
    .select(loggedColumns)
    .where(sql<boolean>`involved @> ARRAY[${personKey}]::text[]`)
    .orderBy('seq')
    .execute();
  return openLogged(cipher, rows);
}

/**
 * The logs of several persons in one statement (replays and place rebuilds of a batch): each
 * person's logged rows in log order, decrypted. `(select …)` hides the array from the planner, which
 * otherwise estimated a big array to match much of the log and read the whole table.
 */
export async function eventsInvolvingAny(
  db: Executor,
  cipher: RegisterCipher,
  personKeys: readonly string[],
): Promise<Map<string, LoggedEvent[]>> {
  const logs = new Map<string, LoggedEvent[]>();
  for (const part of slices([...new Set(personKeys)])) {
    const wanted = new Set(part);
    for (const key of part) logs.set(key, []);
    const rows = await db
      .selectFrom('register_events')
      .select(loggedColumns)
      .where(sql<boolean>`involved && (select ${part}::text[])`)
      .orderBy('seq')
      .execute();
    for (const row of openLogged(cipher, rows))
      for (const key of row.involved) if (wanted.has(key)) logs.get(key)?.push(row);
  }
  return logs;
}

export async function insertEvents(
  db: Executor,
  rows: readonly Insertable<RegisterEventsTable>[],
): Promise<void> {
  for (const part of slices(rows, 500)) await db.insertInto('register_events').values(part).execute();
}

export async function findPersons(db: Executor, keys: readonly string[]): Promise<PersonRow[]> {
  if (keys.length === 0) return [];
  const found: PersonRow[] = [];
  for (const part of slices(keys)) {
    found.push(...(await db.selectFrom('persons').selectAll().where('person_key', 'in', part).execute()));
  }
  return found;
}

export async function upsertPersons(db: Executor, rows: readonly Insertable<PersonsTable>[]): Promise<void> {
  for (const part of slices(rows, 500)) {
    await db
      .insertInto('persons')
      .values(part)
      .onConflict((oc) =>
        oc.column('person_key').doUpdateSet((eb) => ({
          sensitive: eb.ref('excluded.sensitive'),
          id_number_index: eb.ref('excluded.id_number_index'),
          id_number_masked: eb.ref('excluded.id_number_masked'),
          name: eb.ref('excluded.name'),
          name_pinyin: eb.ref('excluded.name_pinyin'),
          name_initials: eb.ref('excluded.name_initials'),
          sex: eb.ref('excluded.sex'),
          birth_date: eb.ref('excluded.birth_date'),
          ethnicity: eb.ref('excluded.ethnicity'),
          hukou_code: eb.ref('excluded.hukou_code'),
          residence_code: eb.ref('excluded.residence_code'),
          household_id: eb.ref('excluded.household_id'),
          relation: eb.ref('excluded.relation'),
          marital_status: eb.ref('excluded.marital_status'),
          spouse_key: eb.ref('excluded.spouse_key'),
          mother_key: eb.ref('excluded.mother_key'),
          father_key: eb.ref('excluded.father_key'),
          children_ever_born: eb.ref('excluded.children_ever_born'),
          birth_order: eb.ref('excluded.birth_order'),
          hukou_type: eb.ref('excluded.hukou_type'),
          adopted: eb.ref('excluded.adopted'),
          death_date: eb.ref('excluded.death_date'),
          duplicate_of: eb.ref('excluded.duplicate_of'),
          status: eb.ref('excluded.status'),
          attributes: eb.ref('excluded.attributes'),
          last_event_date: eb.ref('excluded.last_event_date'),
        })),
      )
      .execute();
  }
}

export async function placesOf(db: Executor, personKey: string): Promise<PlaceInterval[]> {
  const rows = await db
    .selectFrom('person_places')
    .select(['kind', 'valid_from', 'valid_to', 'code'])
    .where('person_key', '=', personKey)
    .orderBy('kind', 'desc')
    .orderBy('valid_from')
    .execute();
  return rows.map((r) => ({ kind: r.kind, validFrom: r.valid_from, validTo: r.valid_to, code: r.code }));
}

/** Replaces the whole place history of some persons (new people, replays). */
export async function replacePlaces(
  db: Executor,
  histories: ReadonlyMap<string, readonly PlaceInterval[]>,
): Promise<void> {
  const keys = [...histories.keys()];
  for (const part of slices(keys))
    await db.deleteFrom('person_places').where('person_key', 'in', part).execute();
  const rows = [...histories].flatMap(([personKey, intervals]) =>
    intervals.map((i) => ({
      person_key: personKey,
      kind: i.kind,
      valid_from: i.validFrom,
      valid_to: i.validTo,
      code: i.code,
    })),
  );
  for (const part of slices(rows)) await db.insertInto('person_places').values(part).execute();
}

export interface PlaceAppend {
  personKey: string;
  kind: 'residence' | 'hukou';
  date: string;
  code: string;
}

/**
 * Place changes dated after every interval their person has, in the order they happened: the
 * open interval of each (person, kind) closes at the first change, and each change opens one that
 * the next change closes. Two statements for the whole batch.
 */
export async function appendPlaces(db: Executor, changes: readonly PlaceAppend[]): Promise<void> {
  if (changes.length === 0) return;
  const byKey = new Map<string, PlaceAppend[]>();
  for (const c of changes) {
    const key = `${c.personKey}\u0000${c.kind}`;
    byKey.set(key, [...(byKey.get(key) ?? []), c]);
  }
  const firsts = [...byKey.values()].map((list) => list[0] as PlaceAppend);
  for (const part of slices(firsts)) {
    await sql`
      update person_places p set valid_to = v.date::date
      from (values ${sql.join(part.map((c) => sql`(${c.personKey}, ${c.kind}, ${c.date})`))}) as v(person_key, kind, date)
      where p.person_key = v.person_key and p.kind = v.kind and p.valid_to is null`.execute(db);
  }
  const rows = [...byKey.values()].flatMap((list) =>
    list.map((c, i) => ({
      person_key: c.personKey,
      kind: c.kind,
      valid_from: c.date,
      valid_to: list[i + 1]?.date ?? null,
      code: c.code,
    })),
  );
  for (const part of slices(rows)) await db.insertInto('person_places').values(part).execute();
}
