// `renkou register verify`: replays every person's log and proves the projections (persons and
// their place history) are exactly what the log says, and the search rows follow persons.
import {
  canonicalJson,
  replayPerson,
  personFromBaseline,
  type BaselinePersonRow,
  type PersonState,
  type RegisterEvent,
} from '@renkou/core';
import { sql, type Db } from '@renkou/db';
import type { CodeBook } from './code-book';
import { nameGramProblems } from './name-grams';
import { personToRow, rowToPerson } from './person-row';
import { placeHistory } from './register-writer';
import type { RegisterCipher } from './register-cipher';
import { openLogged, type LoggedEvent } from './register.repository';

const PAGE = 2000;

export interface VerifyRegisterReport {
  ok: boolean;
  persons: number;
  events: number;
  problems: string[];
}

const comparable = (cipher: RegisterCipher, state: PersonState) => {
  const { last_event_date: _ignored, sensitive: _s, ...row } = personToRow(cipher, state, '');
  return canonicalJson({ ...row, attributes: JSON.parse(row.attributes as string) as unknown });
};

export async function verifyRegister(
  db: Db,
  codes: CodeBook,
  cipher: RegisterCipher,
  dataset: { coverage: string; start: string },
  maxProblems = 50,
): Promise<VerifyRegisterReport> {
  const ctx = { coverage: dataset.coverage, isValidCode: codes.isValidCode };
  const problems: string[] = [];
  let persons = 0;
  const report = (message: string) => {
    if (problems.length < maxProblems) problems.push(message);
  };
  // Everyone the log creates, page by page (baseline rows, births and arrivals are their subjects').
  let after = '';
  for (;;) {
    const keys = (
      await db
        .selectFrom('persons')
        .select('person_key')
        .where('person_key', '>', after)
        .orderBy('person_key')
        .limit(PAGE)
        .execute()
    ).map((r) => r.person_key);
    if (keys.length === 0) break;
    after = keys[keys.length - 1] ?? after;
    const logs = openLogged(
      cipher,
      await db
        .selectFrom('register_events')
        .select([
          'seq',
          'kind',
          'event_key',
          'date',
          'person_key',
          'involved',
          'payload',
          'content_hash',
          'recorded_date',
        ])
        // The keys as an InitPlan: seeing 2,000 of them, the planner chose a scan that compares
        // every row's array with all of them (2–4 s a page) over the GIN index (0.2 s).
        .where(sql<boolean>`involved && (select ${sql.val(keys)}::text[])`)
        .orderBy('seq')
        .execute(),
    );
    const logByPerson = new Map<string, typeof logs>();
    for (const e of logs)
      for (const id of e.involved) logByPerson.set(id, [...(logByPerson.get(id) ?? []), e]);
    const rows = new Map(
      (await db.selectFrom('persons').selectAll().where('person_key', 'in', keys).execute()).map((r) => [
        r.person_key,
        r,
      ]),
    );
    const places = await db
      .selectFrom('person_places')
      .selectAll()
      .where('person_key', 'in', keys)
      .orderBy('person_key')
      .orderBy('kind', 'desc')
      .orderBy('valid_from')
      .execute();
    // Mothers outside this page, for the checks of births.
    const relativeKeys = new Set<string>();
    for (const e of logs) {
      const event = e.payload as RegisterEvent;
      if (event.type === 'birth' && !rows.has(event.motherId)) relativeKeys.add(event.motherId);
    }
    const relatives = new Map(
      (relativeKeys.size > 0
        ? await db
            .selectFrom('persons')
            .selectAll()
            .where('person_key', 'in', [...relativeKeys])
            .execute()
        : []
      ).map((r) => [r.person_key, r]),
    );
    for (const key of keys) {
      const log = (logByPerson.get(key) ?? []) as LoggedEvent[];
      const baselineRow = log.find((e) => e.kind === 'baseline');
      const baseline = baselineRow
        ? personFromBaseline(baselineRow.payload as BaselinePersonRow, { ...ctx, start: dataset.start })
        : undefined;
      const result = replayPerson(
        log.filter((e) => e.kind !== 'baseline').map((e) => e.payload as RegisterEvent),
        {
          ...ctx,
          personId: key,
          ...(baseline?.ok ? { baseline: baseline.state } : {}),
          // Only the mother (a birth needs her); a spouse's state then is not recoverable from today's and was checked when the marriage was recorded.
          personBefore: (other, event) => {
            if (event.type !== 'birth') return undefined;
            const row = rows.get(other) ?? relatives.get(other);
            return row ? rowToPerson(cipher, row) : undefined;
          },
        },
      );
      const stored = rows.get(key);
      if (!result.ok) {
        report(`${key}: 重放失败 ${result.error.code} ${result.error.message}`);
        continue;
      }
      if (result.state === undefined) {
        if (stored) report(`${key}: 日志中已不存在（如出生被作废），投影中仍有此人`);
        continue;
      }
      persons += 1;
      if (!stored) {
        report(`${key}: 投影中缺少此人`);
        continue;
      }
      // The ciphertext differs on every write (random IV): compare what it decrypts to.
      const { last_event_date: _d, sensitive, ...storedRow } = stored;
      const expected = comparable(cipher, result.state);
      const actual = canonicalJson(storedRow);
      const secret = cipher.openPerson(sensitive);
      if (
        canonicalJson(secret) !==
        canonicalJson({
          idNumber: result.state.idNumber,
          disabilityGrade: result.state.disabilityGrade,
          onlyChildCertificate: result.state.onlyChildCertificate,
        })
      ) {
        report(`${key}: 加密的敏感字段与重放结果不同`);
      }
      if (expected !== actual) report(`${key}: 投影与重放结果不同\n  重放 ${expected}\n  投影 ${actual}`);
      const expectedPlaces = JSON.stringify(placeHistory(key, log, dataset.start, ctx));
      const actualPlaces = JSON.stringify(
        places
          .filter((p) => p.person_key === key)
          .map((p) => ({ kind: p.kind, validFrom: p.valid_from, validTo: p.valid_to, code: p.code })),
      );
      if (expectedPlaces !== actualPlaces)
        report(`${key}: 居住/户籍历史与日志不同\n  重放 ${expectedPlaces}\n  投影 ${actualPlaces}`);
    }
  }
  // Subjects of the log missing from the projection (a created person whose row was lost).
  const missing = await sql<{ person_key: string }>`
    select distinct e.person_key from register_events e
    where e.kind in ('baseline', 'birth', 'move', 'hukou')
      and not exists (select 1 from persons p where p.person_key = e.person_key)`.execute(db);
  for (const { person_key: key } of missing.rows) {
    const log = openLogged(
      cipher,
      await db
        .selectFrom('register_events')
        .select([
          'seq',
          'kind',
          'event_key',
          'date',
          'person_key',
          'involved',
          'payload',
          'content_hash',
          'recorded_date',
        ])
        .where(sql<boolean>`involved @> ARRAY[${key}]::text[]`)
        .orderBy('seq')
        .execute(),
    );
    const baselineRow = log.find((e) => e.kind === 'baseline');
    const baseline = baselineRow
      ? personFromBaseline(baselineRow.payload as BaselinePersonRow, { ...ctx, start: dataset.start })
      : undefined;
    const replayed = replayPerson(
      log.filter((e) => e.kind !== 'baseline').map((e) => e.payload as RegisterEvent),
      { ...ctx, personId: key, ...(baseline?.ok ? { baseline: baseline.state } : {}) },
    );
    if (!replayed.ok || replayed.state !== undefined) report(`${key}: 投影中缺少此人`);
  }
  for (const problem of await nameGramProblems(db, maxProblems)) report(problem);
  const events = Number(
    (
      await db
        .selectFrom('register_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  return { ok: problems.length === 0, persons, events, problems };
}
