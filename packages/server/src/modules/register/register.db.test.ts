// The register on a real database: import with row-level rejections, idempotent re-import,
// retroactive events, voids and corrections, place history, verify, export round trip, bad files.
import { sql } from '@renkou/db';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENTS, PERSONS, WANG_FANG_ID, writeDataset } from '../../testing/register-fixtures';
import { openTestApplication } from '../../testing/test-application';
import { searchPersons } from './person.repository';

type App = Awaited<ReturnType<typeof openTestApplication>>;

async function count(app: App, table: 'register_events' | 'persons'): Promise<number> {
  const row = await app.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function residenceOn(app: App, personKey: string, day: string): Promise<string | undefined> {
  const row = await app.db
    .selectFrom('person_places')
    .select('code')
    .where('person_key', '=', personKey)
    .where('kind', '=', 'residence')
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .executeTakeFirst();
  return row?.code;
}

describe('register import', () => {
  let app: App;
  beforeEach(async () => {
    app = await openTestApplication();
    await app.jurisdictions.loadCoverage('652926');
  });
  afterEach(async () => app.close());

  it('applies the valid rows, rejects each bad row with its reason, and writes the report', async () => {
    const dir = writeDataset({ persons: PERSONS, events: EVENTS });
    const result = await app.register.importDirectory(dir, { username: 'tester' });
    expect({ accepted: result.accepted, rejected: result.rejected, unchanged: result.unchanged }).toEqual({
      accepted: 9,
      rejected: 6,
      unchanged: 0,
    });
    const errors = result.problems
      .filter((p) => p.severity === 'error')
      .map((p) => [p.file, p.row, p.field, p.code]);
    expect(errors).toEqual([
      ['events.csv', 4, 'mother_id', 'MOTHER_NOT_FEMALE'],
      ['events.csv', 5, 'date', 'INVALID_DATE'],
      ['events.csv', 6, 'to_code', 'INVALID_CODE'],
      ['events.csv', 7, 'event_id', 'EVENT_ID_CONFLICT'],
      ['events.csv', 8, 'person_id', 'DEPENDS_ON_REJECTED_ROW'],
      ['persons.csv', 5, 'sex', 'INVALID_VALUE'],
    ]);
    const warnings = result.problems.filter((p) => p.severity === 'warning').map((p) => p.code);
    expect(warnings).toContain('UNKNOWN_COLUMNS');
    const report = readFileSync(join(dir, 'import-report.csv'), 'utf8');
    expect(report).toContain('MOTHER_NOT_FEMALE');
    expect(report.split('\n')[0]).toContain('file,row,severity,field,code,message');

    const child = await app.db
      .selectFrom('persons')
      .selectAll()
      .where('person_key', '=', 'C1')
      .executeTakeFirstOrThrow();
    expect(child).toMatchObject({
      mother_key: 'P1',
      birth_order: 2,
      name: '艾力·买买提',
      status: 'resident',
    });
    const mother = await app.db
      .selectFrom('persons')
      .selectAll()
      .where('person_key', '=', 'P1')
      .executeTakeFirstOrThrow();
    expect(mother).toMatchObject({ children_ever_born: 2, name: '阿依古丽·吐尔逊' });
    // E8 was dated before the birth already recorded for P1: replayed into place.
    expect(await residenceOn(app, 'P1', '2020-03-01')).toBe('652926100002');
    expect(await residenceOn(app, 'P1', '2021-03-04')).toBe('652926100003');
    // E10 voided the move E2; E9 corrected the name. Unknown columns are kept.
    const wang = await app.db
      .selectFrom('persons')
      .selectAll()
      .where('person_key', '=', 'P3')
      .executeTakeFirstOrThrow();
    expect(wang).toMatchObject({
      residence_code: '652926101001',
      name: '王芳芳',
      name_pinyin: 'wangfangfang',
      name_initials: 'wff',
    });
    expect(wang.attributes).toEqual({ village_note: '东头第三家' });
    expect(await residenceOn(app, 'P3', '2023-01-01')).toBe('652926101001');

    expect(await app.register.verify()).toMatchObject({ ok: true, persons: 5 });
  });

  it('changes nothing when the same files are imported again', async () => {
    const dir = writeDataset({ persons: PERSONS, events: EVENTS });
    await app.register.importDirectory(dir, { username: 'tester' });
    const events = await count(app, 'register_events');
    const again = await app.register.importDirectory(dir, { username: 'tester' });
    expect({ accepted: again.accepted, rejected: again.rejected, unchanged: again.unchanged }).toEqual({
      accepted: 0,
      rejected: 6,
      unchanged: 9,
    });
    expect(await count(app, 'register_events')).toBe(events);
  });

  it('completes an import that was killed half-way when it is run again', async () => {
    const dir = writeDataset({ persons: PERSONS, events: EVENTS });
    let calls = 0;
    await expect(
      app.register.importDirectory(dir, {
        username: 'tester',
        chunkSize: 2,
        onProgress: () => {
          calls += 1;
          if (calls === 3) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const partial = await count(app, 'register_events');
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(9);
    const rerun = await app.register.importDirectory(dir, { username: 'tester', chunkSize: 2 });
    expect(rerun.accepted + rerun.unchanged).toBe(9);
    expect(rerun.unchanged).toBe(partial);
    expect(await count(app, 'register_events')).toBe(9);
    expect(await app.register.verify()).toMatchObject({ ok: true });
  });

  it('exports a dataset that re-imports into an empty register as the same register', async () => {
    await app.register.importDirectory(writeDataset({ persons: PERSONS, events: EVENTS }), {
      username: 'tester',
    });
    const first = mkdtempSync(join(tmpdir(), 'renkou-export-'));
    expect(await app.register.exportDirectory(first, 'tester')).toEqual({ persons: 4, events: 5 });

    const other = await openTestApplication();
    try {
      await other.jurisdictions.loadCoverage('652926');
      const result = await other.register.importDirectory(first, { username: 'tester' });
      expect({ accepted: result.accepted, rejected: result.rejected }).toEqual({ accepted: 9, rejected: 0 });
      const second = mkdtempSync(join(tmpdir(), 'renkou-export-'));
      await other.register.exportDirectory(second, 'tester');
      for (const file of ['dataset.json', 'persons.csv', 'events.csv']) {
        expect(readFileSync(join(second, file), 'utf8')).toBe(readFileSync(join(first, file), 'utf8'));
      }
      // Ciphertexts differ (random IVs); the blind index and masked form must match.
      const persons = (db: App['db']) =>
        db
          .selectFrom('persons')
          .selectAll()
          .orderBy('person_key')
          .execute()
          .then((rows) => rows.map(({ sensitive: _s, ...row }) => row));
      expect(await persons(other.db)).toEqual(await persons(app.db));
    } finally {
      await other.close();
    }
  });

  it('stores no plaintext ID number anywhere in the database, yet finds the person by it', async () => {
    await app.register.importDirectory(writeDataset({ persons: PERSONS, events: EVENTS }), {
      username: 'tester',
    });
    const dump = JSON.stringify([
      await app.db.selectFrom('register_events').selectAll().execute(),
      await app.db.selectFrom('persons').selectAll().execute(),
      await app.db.selectFrom('audit_log').selectAll().execute(),
    ]);
    expect(dump).not.toContain(WANG_FANG_ID);
    expect(dump).not.toContain(WANG_FANG_ID.slice(4, 14));
    const found = await app.db
      .selectFrom('persons')
      .select(['person_key', 'id_number_masked'])
      .where('id_number_index', '=', app.crypto.hmacSm3('blind-index', WANG_FANG_ID))
      .execute();
    expect(found).toEqual([
      { person_key: 'P3', id_number_masked: `6529**********${WANG_FANG_ID.slice(-4)}` },
    ]);
  });

  it('keeps the event log append-only', async () => {
    await app.register.importDirectory(writeDataset({ persons: PERSONS, events: EVENTS }), {
      username: 'tester',
    });
    await expect(sql`update register_events set date = '2020-01-01'`.execute(app.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from register_events`.execute(app.db)).rejects.toThrow(/append-only/);
  });

  it('applies nothing from a file with a missing column, a foreign encoding or a bad manifest', async () => {
    const missing = writeDataset({
      persons: PERSONS,
      events: EVENTS.replace('event_id,type,', 'event_id,kind,'),
    });
    await expect(app.register.importDirectory(missing, { username: 'tester' })).rejects.toThrow(
      /缺少必需的列：type/,
    );
    const gbk = writeDataset({});
    writeFileSync(
      join(gbk, 'persons.csv'),
      Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xcd, 0xf5, 0xb7, 0xbc, 0x0a]),
    );
    await expect(app.register.importDirectory(gbk, { username: 'tester' })).rejects.toThrow(/GBK/);
    const manifest = writeDataset({
      persons: PERSONS,
      dataset: '{ "coverage": "652926", "start": "2020-02-30", "end": "2023-12-31" }',
    });
    await expect(app.register.importDirectory(manifest, { username: 'tester' })).rejects.toThrow(/start/);
    expect(await count(app, 'register_events')).toBe(0);
    expect(await count(app, 'persons')).toBe(0);
  });
});

describe('person search counts', () => {
  it('counts matches exactly up to the limit, then says there are more', async () => {
    const app = await openTestApplication();
    try {
      await app.jurisdictions.loadCoverage('652926');
      await app.register.importDirectory(writeDataset({ persons: PERSONS, events: EVENTS }), {
        username: 'tester',
      });
      const search = { scope: '652926', page: 1, pageSize: 2 };
      const exact = await searchPersons(app.db, search);
      expect(exact.totalCapped).toBe(false);
      expect(exact.items).toHaveLength(2);
      const capped = await searchPersons(app.db, { ...search, countLimit: exact.total - 1 });
      expect({ total: capped.total, totalCapped: capped.totalCapped }).toEqual({
        total: exact.total - 1,
        totalCapped: true,
      });
      expect(capped.items.map((p) => p.person_key)).toEqual(exact.items.map((p) => p.person_key));
    } finally {
      await app.close();
    }
  });
});
