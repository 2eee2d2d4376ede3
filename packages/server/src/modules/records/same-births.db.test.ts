// A baby the register lacks, recorded by the hospital and by the hukou office, is one item of the
// missing-birth list (ADR 0019), measured on a generated county against the generator's truth: no
// baby twice, none lost; resolving the item resolves the hukou row too, once; a rerun keeps it; a
// clerk may split a pair that is two babies.
import { sql } from '@renkou/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../http/http-app';
import { TestClient } from '../../testing/http-client';
import { openTestApplication, seedCounty } from '../../testing/test-application';
import { importGeneratedCounty, type App, type GeneratedCounty } from './records-fixtures';

interface Entry {
  id: string;
  source: string;
  recordId: string;
  record: { name: string; sex: string; birthDate: string; place: string | null };
  sameBirth: { decisionId: string; recordId: string; name: string; sex: string; place: string } | null;
}

let app: App;
let server: FastifyInstance;
let county: GeneratedCounty;

beforeAll(async () => {
  app = await openTestApplication();
  await seedCounty(app);
  // 4,000 persons: enough babies the register lacks that several were recorded by both offices.
  county = await importGeneratedCounty(app, 4000, ['hospital_births', 'hukou']);
  await app.records.link('hospital_births', 'tester');
  await app.records.link('hukou', 'tester');
  server = await buildHttpApp(app);
  const places = await app.db
    .selectFrom('department_records')
    .select(['source', 'record_id', 'jurisdiction_code'])
    .execute();
  placeOf = new Map(places.map((r) => [`${r.source}|${r.record_id}`, r.jurisdiction_code ?? '']));
}, 300_000);
afterAll(async () => {
  await server?.close();
  await app?.close();
});

async function births(client: TestClient): Promise<{ items: Entry[]; total: number }> {
  const items: Entry[] = [];
  for (let page = 1; ; page++) {
    const answer = await client.get(`/api/records/worklists/unregistered_birth?pageSize=200&page=${page}`);
    expect(answer.status).toBe(200);
    items.push(...(answer.body.items as Entry[]));
    if (items.length >= (answer.body.total as number)) return { items, total: answer.body.total as number };
  }
}

/** A baby is named by its hospital record, or by its hukou row when the hospital has none. */
function babyOf(source: string, recordId: string): string {
  return source === 'hukou' ? (county.sameBaby.get(recordId) ?? recordId) : recordId;
}

let placeOf: Map<string, string>;

/**
 * Every baby the register lacks, from the truth of both files, that the county sees: a mother living
 * outside it gives birth to a record of no township's (unless the hukou office settled the baby here).
 */
function missingBabies(): Set<string> {
  const babies = new Set<string>();
  const here = (source: string, id: string) => placeOf.get(`${source}|${id}`)?.startsWith('652926');
  for (const [id, person] of county.truth.hospital_births)
    if (person === '' && here('hospital_births', id)) babies.add(id);
  for (const [id, person] of county.truth.hukou)
    if (person === '' && county.sameBaby.has(id) && here('hukou', id)) babies.add(babyOf('hukou', id));
  return babies;
}

describe('a baby recorded by the hospital and the hukou office', () => {
  it('is on the missing-birth list once, the hukou row on the hospital item: no baby twice, none lost', async () => {
    // The truth of which rows are one baby holds for every hukou birth row (records-fixtures.ts).
    const hukouBirths = await app.db
      .selectFrom('department_records')
      .select('record_id')
      .where('source', '=', 'hukou')
      .where(sql<boolean>`payload->>'event' = 'birth'`)
      .execute();
    expect(hukouBirths.map((r) => county.sameBaby.has(r.record_id))).not.toContain(false);
    const officer = await TestClient.signedIn(server, 'county');
    const { items, total } = await births(officer);
    const listed = items.map((e) => babyOf(e.source, e.recordId));
    expect(new Set(listed).size).toBe(listed.length);
    expect(new Set(listed)).toEqual(missingBabies());
    expect(total).toBe(missingBabies().size);
    const summary = await officer.get('/api/records/worklists');
    expect(summary.body.unregistered_birth).toBe(total);
    // Each attached hukou row is the same baby's, and every hukou row of a listed baby is attached.
    const attached = items.filter((e) => e.sameBirth !== null);
    const recordedTwice = [...county.sameBaby].filter(
      ([hukou, hospital]) =>
        county.truth.hukou.get(hukou) === '' && county.truth.hospital_births.get(hospital) === '',
    );
    expect(recordedTwice.length).toBeGreaterThanOrEqual(3);
    expect(attached.map((e) => [e.sameBirth?.recordId, e.recordId]).sort()).toEqual(recordedTwice.sort());
    const detail = await officer.get(`/api/records/decisions/${attached[0]?.id}`);
    expect(detail.body).toMatchObject({ item: 'unregistered_birth', sameBirth: attached[0]?.sameBirth });
    for (const e of attached) {
      expect(e.source).toBe('hospital_births');
      expect(e.sameBirth?.sex).toBe(e.record.sex);
      expect(e.sameBirth?.place).toMatch(/^\d{12}$/);
    }
  });

  it('belongs to the township of either record', async () => {
    const all = (await births(await TestClient.signedIn(server, 'county'))).items;
    const township = (await births(await TestClient.signedIn(server, 'township'))).items;
    const ofTownship = (code: string | null | undefined) => Boolean(code?.startsWith('652926100'));
    const expected = all.filter((e) => ofTownship(e.record.place) || ofTownship(e.sameBirth?.place));
    expect(township.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
  });

  it('resolves both records with one reason, once; the hukou row cannot be resolved again on its own', async () => {
    const officer = await TestClient.signedIn(server, 'county');
    const item = (await births(officer)).items.find((e) => e.sameBirth !== null);
    expect(item).toBeDefined();
    const body = { item: 'unregistered_birth', action: 'register', reason: '医院和公安都有记录，补登出生' };
    const answer = await officer.post(`/api/records/decisions/${item?.id}/resolve`, body);
    expect(answer.status).toBe(200);
    // The birth form gets the baby's hukou village from the hukou office's row.
    const prefill = answer.body.prefill as { form: string; values: Record<string, string> };
    expect(prefill.form).toBe('birth');
    expect(prefill.values.hukou_code).toBe(item?.sameBirth?.place);
    const resolutions = await app.db
      .selectFrom('link_resolutions')
      .select(['decision_id', 'action', 'reason'])
      .where('decision_id', 'in', [item?.id ?? '', item?.sameBirth?.decisionId ?? ''])
      .orderBy('decision_id')
      .execute();
    expect(resolutions).toHaveLength(2);
    expect(new Set(resolutions.map((r) => `${r.action}|${r.reason}`))).toEqual(
      new Set([`register|${body.reason}`]),
    );
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['target_ids', 'details'])
      .where('action', '=', 'records.resolve')
      .execute();
    expect(audit.some((a) => JSON.stringify(a.target_ids).includes(item?.sameBirth?.decisionId ?? '-'))).toBe(
      true,
    );
    // A retry, and the hukou row on its own, are refused as already handled.
    expect((await officer.post(`/api/records/decisions/${item?.id}/resolve`, body)).status).toBe(409);
    const alone = await officer.post(`/api/records/decisions/${item?.sameBirth?.decisionId}/resolve`, body);
    expect(alone.status).toBe(409);
    const after = (await births(officer)).items.map((e) => babyOf(e.source, e.recordId));
    expect(after).not.toContain(item?.recordId);
    expect(after).toHaveLength(missingBabies().size - 1);
  });

  it('keeps the pairs over reruns of either source: the list stays the same', async () => {
    const officer = await TestClient.signedIn(server, 'county');
    const before = (await births(officer)).items.map((e) => `${e.recordId}|${e.sameBirth?.recordId}`);
    const pairs = await app.db
      .selectFrom('same_birth_records')
      .selectAll()
      .orderBy('hukou_record_id')
      .execute();
    await app.records.link('hukou', 'tester');
    await app.records.link('hospital_births', 'tester');
    const after = (await births(officer)).items.map((e) => `${e.recordId}|${e.sameBirth?.recordId}`);
    expect(after).toEqual(before);
    const again = await app.db
      .selectFrom('same_birth_records')
      .selectAll()
      .orderBy('hukou_record_id')
      .execute();
    expect(again.map((p) => [p.hukou_record_id, p.hospital_record_id])).toEqual(
      pairs.map((p) => [p.hukou_record_id, p.hospital_record_id]),
    );
  }, 120_000);

  it('splits a pair a clerk finds to be two babies: the hukou row is listed on its own, for good', async () => {
    const officer = await TestClient.signedIn(server, 'county');
    const before = await births(officer);
    const item = before.items.find((e) => e.sameBirth !== null);
    const hukouRow = item?.sameBirth?.recordId ?? '';
    expect(hukouRow).not.toBe('');
    const split = {
      item: 'unregistered_birth',
      action: 'split',
      reason: '出生日期相同，但母亲不同，是两个孩子',
    };
    const url = `/api/records/decisions/${item?.id}/resolve`;
    // The hukou row must be named, and must be the one paired now.
    expect((await officer.post(url, split)).status).toBe(400);
    expect((await officer.post(url, { ...split, sameBirthRecordId: 'HK-NONE' })).status).toBe(409);
    // A township holding neither record may not split them.
    const places = [item?.record.place ?? '', item?.sameBirth?.place ?? ''];
    const stranger = places.some((p) => p.startsWith('652926100')) ? 'township2' : 'township';
    if (!places.some((p) => p.startsWith(stranger === 'township' ? '652926100' : '652926101'))) {
      const refused = await (
        await TestClient.signedIn(server, stranger)
      ).post(url, { ...split, sameBirthRecordId: hukouRow });
      expect(refused.status).toBe(404);
    }
    const answer = await officer.post(url, { ...split, sameBirthRecordId: hukouRow });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ action: 'split', prefill: null });
    // Decision ids change with a rerun; the records and their pairing must not.
    const listed = async () => {
      const { items, total } = await births(officer);
      const hospital = items.find((e) => e.recordId === item?.recordId);
      const hukou = items.find((e) => e.recordId === hukouRow);
      return {
        total,
        hospitalTwin: hospital?.sameBirth?.recordId ?? null,
        hukou: hukou && { source: hukou.source, twin: hukou.sameBirth },
      };
    };
    const after = await listed();
    expect(after.total).toBe(before.total + 1);
    expect(after.hospitalTwin).not.toBe(hukouRow);
    expect(after.hukou).toEqual({ source: 'hukou', twin: null });
    // A retry changes nothing; a rerun of either source does not pair them again.
    expect((await officer.post(url, { ...split, sameBirthRecordId: hukouRow })).status).toBe(200);
    await app.records.link('hukou', 'tester');
    expect(await listed()).toEqual(after);
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['purpose', 'details'])
      .where('action', '=', 'records.split_same_birth')
      .execute();
    expect(audit).toEqual([
      { purpose: split.reason, details: { hospitalRecord: item?.recordId, hukouRecord: hukouRow } },
    ]);
    expect(
      await app.db
        .selectFrom('link_resolutions')
        .select('decision_id')
        .where('decision_id', '=', item?.id ?? '')
        .execute(),
    ).toEqual([]);
  }, 120_000);
});
