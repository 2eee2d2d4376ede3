// Person search through person_name_grams and the ordered pinyin index (ADR 0015): the same rows in
// the same order as a plain query over persons, and the search rows following every write.
import { sql } from '@renkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGeneratedRegister } from '../../testing/generated-county';
import { writeDataset, PERSONS, EVENTS } from '../../testing/register-fixtures';
import { actor, openTestApplication } from '../../testing/test-application';
import { Role } from '@renkou/core';
import { nameGrams } from './name-grams';
import { searchPersons, type PersonSearch } from './person-search';

type App = Awaited<ReturnType<typeof openTestApplication>>;

/** The search as it was before the grams: every match of a plain query, sorted. */
async function reference(app: App, search: PersonSearch): Promise<string[]> {
  const conditions = [sql<boolean>`true`];
  for (const prefix of [search.scope, search.within ?? ''])
    if (prefix !== '')
      conditions.push(
        sql<boolean>`(left(p.residence_code, ${prefix.length}) = ${prefix} or left(p.hukou_code, ${prefix.length}) = ${prefix})`,
      );
  if (search.name) conditions.push(sql<boolean>`strpos(p.name, ${search.name}) > 0`);
  if (search.pinyin)
    conditions.push(
      sql<boolean>`(left(p.name_pinyin, ${search.pinyin.length}) = ${search.pinyin} or left(p.name_initials, ${search.pinyin.length}) = ${search.pinyin})`,
    );
  if (search.birthDate) conditions.push(sql<boolean>`p.birth_date = ${search.birthDate}`);
  if (search.sex) conditions.push(sql<boolean>`p.sex = ${search.sex}`);
  if (search.status) conditions.push(sql<boolean>`p.status = ${search.status}`);
  const rows = await sql<{ person_key: string }>`
    select p.person_key from persons p where ${sql.join(conditions, sql` and `)}
    order by case when strpos(p.name, ${search.name ?? ''}) = 1 then 0 else 1 end,
      case when left(p.name_pinyin, ${(search.pinyin ?? '').length}) = ${search.pinyin ?? ''} then 0 else 1 end,
      p.name_pinyin, p.person_key`.execute(app.db);
  return rows.rows.map((r) => r.person_key);
}

async function expectSameAsReference(app: App, search: Omit<PersonSearch, 'page' | 'pageSize'>) {
  const expected = await reference(app, { ...search, page: 1, pageSize: 1 });
  const pageSize = 7;
  const pages = Math.min(4, Math.ceil(expected.length / pageSize) + 1);
  for (let page = 1; page <= pages; page++) {
    const result = await searchPersons(app.db, { ...search, page, pageSize, countLimit: 40 });
    const label = JSON.stringify({ ...search, page });
    expect(
      result.items.map((p) => p.person_key),
      label,
    ).toEqual(expected.slice((page - 1) * pageSize, page * pageSize));
    expect({ total: result.total, capped: result.totalCapped }, label).toEqual({
      total: Math.min(expected.length, 40),
      capped: expected.length > 40,
    });
  }
  const everything = await searchPersons(app.db, { ...search, page: 1, pageSize: 5000 });
  expect(
    everything.items.map((p) => p.person_key),
    JSON.stringify(search),
  ).toEqual(expected);
  const first = everything.items[0];
  if (first) expect(first).toHaveProperty('residence_name');
  return expected.length;
}

/** Every search row as expected from persons, and none for anyone else. */
async function expectGramsFollowPersons(app: App) {
  const row = (r: { person_key: string; name_pinyin: string }, gram: string) =>
    [r.person_key, gram, r.name_pinyin].join(' ');
  const persons = await app.db.selectFrom('persons').select(['person_key', 'name', 'name_pinyin']).execute();
  const expected = persons.flatMap((p) => nameGrams(p.name).map((g) => row(p, g))).sort();
  const stored = (await app.db.selectFrom('person_name_grams').selectAll().execute())
    .map((g) => row(g, g.gram))
    .sort();
  expect(stored).toEqual(expected);
}

describe('person search on a generated county', () => {
  let app: App;
  let names: string[] = [];
  let village = '';
  beforeAll(async () => {
    app = await openTestApplication();
    await app.jurisdictions.loadCoverage('652926');
    const generated = await importGeneratedRegister(app, {
      townships: ['652926100', '652926101'],
      persons: 1500,
      seed: 23,
      from: '2019-01-01',
      to: '2024-12-31',
    });
    village = generated.county.codes.find((c) => c.startsWith('652926100') && c.length === 12) ?? '';
    names = (await app.db.selectFrom('persons').select('name').orderBy('person_key').execute()).map(
      (r) => r.name,
    );
  }, 300_000);
  afterAll(async () => app.close());

  it('keeps the search rows equal to the names, and verify passes', async () => {
    await expectGramsFollowPersons(app);
    expect(await app.register.verify()).toMatchObject({ ok: true });
  });

  it('finds the same persons in the same order as a plain query', async () => {
    // The most common pair of characters, fragments of real names, a first name, one character.
    const pairs = new Map<string, number>();
    for (const name of names) {
      const chars = Array.from(name);
      for (const pair of new Set(chars.slice(1).map((c, i) => `${chars[i]}${c}`)))
        pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
    const common = [...pairs].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    const sample = names.filter((_, i) => i % 97 === 5);
    const fragments = [
      common,
      '古丽',
      '阿依',
      '买买提',
      '王芳',
      '古',
      '·',
      '丽·',
      '无此人',
      '%',
      ...sample.map((n) => Array.from(n).slice(1, 4).join('')),
      ...sample.map((n) => Array.from(n).slice(0, 2).join('')),
      ...sample.slice(0, 3),
    ];
    let found = 0;
    for (const name of fragments) {
      found += await expectSameAsReference(app, { scope: '652926', name });
      await expectSameAsReference(app, { scope: '', name });
    }
    expect(found).toBeGreaterThan(100);
    // Filters with a text: a township, a village, sex, status, birth date.
    for (const name of [common, '古丽', '阿']) {
      await expectSameAsReference(app, { scope: '652926', within: '652926100', name });
      await expectSameAsReference(app, { scope: '652926100', name });
      await expectSameAsReference(app, { scope: '652926', within: village, name });
      await expectSameAsReference(app, { scope: '652926', name, sex: 2 });
      await expectSameAsReference(app, { scope: '652926', name, status: 'dead' });
    }
    const someone = await app.db
      .selectFrom('persons')
      .select(['birth_date', 'name'])
      .orderBy('person_key')
      .executeTakeFirstOrThrow();
    await expectSameAsReference(app, {
      scope: '652926',
      name: Array.from(someone.name)[0] ?? '',
      birthDate: someone.birth_date,
    });
    // Pinyin and initials prefixes, including ones that end in z and ones no name has.
    const keys = await app.db.selectFrom('persons').select(['name_pinyin', 'name_initials']).execute();
    const prefixes = new Set(['a', 'ai', 'mai', 'gu', 'z', 'zh', 'zz', 'mm', 'xyz', 'q']);
    for (const k of keys.filter((_, i) => i % 151 === 3)) {
      prefixes.add(k.name_pinyin.slice(0, 4));
      prefixes.add(k.name_initials);
    }
    for (const pinyin of prefixes) {
      if (pinyin === '') continue;
      await expectSameAsReference(app, { scope: '652926', pinyin });
      await expectSameAsReference(app, { scope: '652926', within: '652926101', pinyin, sex: 1 });
    }
    // Listings without a text: a village (the page after the first), a township by status.
    await expectSameAsReference(app, { scope: '652926', within: village });
    await expectSameAsReference(app, { scope: '652926100', within: village });
    await expectSameAsReference(app, { scope: '652926', within: village, sex: 2, status: 'resident' });
    await expectSameAsReference(app, { scope: '652926', within: '652926101', status: 'resident' });
  }, 300_000);
});

describe('person search rows follow the writer', () => {
  let app: App;
  beforeAll(async () => {
    app = await openTestApplication();
    await app.jurisdictions.loadCoverage('652926');
  });
  afterAll(async () => app.close());

  const keysFor = async (name: string, status?: string) =>
    (
      await searchPersons(app.db, {
        scope: '652926',
        name,
        ...(status ? { status } : {}),
        page: 1,
        pageSize: 50,
      })
    ).items.map((p) => p.person_key);

  it('follows births, corrections of names, deaths and voids, and verify checks the rows', async () => {
    await app.register.importDirectory(writeDataset({ persons: PERSONS, events: EVENTS }), {
      username: 'tester',
    });
    await expectGramsFollowPersons(app);
    // The birth E1 (艾力·买买提) and the correction E9 (王芳 → 王芳芳).
    // C1 starts with 艾力, P2 (买买提·艾力) merely contains it.
    expect(await keysFor('艾力')).toEqual(['C1', 'P2']);
    expect(await keysFor('王芳芳')).toEqual(['P3']);
    expect(await keysFor('买买提')).toEqual(['P2', 'C1']);

    // A later file: a death, a void of the birth, a correction of a name.
    const more = `${EVENTS}E20,death,2023-06-01,P2,,,,,,,,,,,,
E21,void,2023-06-02,C1,,,,,,,,,,,登记错误,E1
E22,correction,2023-06-03,P5,,,,,,,,,name,古丽娜,户籍信息更正,
`;
    await app.register.importDirectory(writeDataset({ persons: PERSONS, events: more }), {
      username: 'tester',
    });
    expect(
      await app.db.selectFrom('persons').select('person_key').where('person_key', '=', 'C1').execute(),
    ).toEqual([]);
    expect(await keysFor('艾力')).toEqual(['P2']);
    expect(await keysFor('买买提', 'dead')).toEqual(['P2']);
    expect(await keysFor('古丽娜')).toEqual(['P5']);
    expect(await keysFor('古丽')).toEqual(['P5', 'P1']);
    await expectGramsFollowPersons(app);

    // A form: a birth, then a correction of the child's name.
    const officer = actor(Role.CountyOfficer, '652926');
    await app.persons.recordEvent(officer, {
      event_id: 'W1',
      type: 'birth',
      date: '2023-07-01',
      person_id: 'W-CHILD',
      mother_id: 'P1',
      name: '米娜',
      sex: '2',
      hukou_code: '652926100002',
      residence_code: '652926100002',
    });
    expect(await keysFor('米娜')).toEqual(['W-CHILD']);
    await app.persons.recordEvent(officer, {
      event_id: 'W2',
      type: 'correction',
      date: '2023-07-02',
      person_id: 'W-CHILD',
      field: 'name',
      value: '米拉',
      reason: '户籍信息更正',
    });
    expect(await keysFor('米娜')).toEqual([]);
    expect(await keysFor('米拉')).toEqual(['W-CHILD']);
    await expectGramsFollowPersons(app);
    expect(await app.register.verify()).toMatchObject({ ok: true });

    // verify sees a search row that is wrong and one of nobody.
    await sql`update person_name_grams set gram = '别人' where person_key = 'P5' and gram = '^古'`.execute(
      app.db,
    );
    await sql`insert into person_name_grams values ('^某', 'mou', 'NOBODY')`.execute(app.db);
    const report = await app.register.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/P5: 姓名检索行与姓名不同/);
    expect(report.problems.join('\n')).toMatch(/NOBODY: 姓名检索行与姓名不同或不属于投影中的人/);
  });
});
