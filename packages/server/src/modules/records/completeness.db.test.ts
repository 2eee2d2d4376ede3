// 统计求实率 as the statistics dashboard asks for it (a jurisdiction and a year): a township user sees
// only their township, and every figure equals a count made here from the stored records and
// decisions, with a review pair still open and a record no run has seen among them.
import type { CompletenessCounts, CompletenessReport } from '@renkou/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../http/http-app';
import { TestClient } from '../../testing/http-client';
import { openTestApplication, seedCounty } from '../../testing/test-application';
import { importGeneratedCounty, OTHER_TOWNSHIP, TOWNSHIP, type App } from './records-fixtures';

const SOURCE = 'hospital_births';
let app: App;
let server: FastifyInstance;

beforeAll(async () => {
  app = await openTestApplication();
  await seedCounty(app);
  await importGeneratedCounty(app, 800);
  server = await buildHttpApp(app);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await app?.close();
});

async function report(
  username: string,
  query: string,
): Promise<{ status: number; body: CompletenessReport }> {
  const client = new TestClient(server);
  expect((await client.login(username)).status).toBe(200);
  const answer = await client.get(`/api/records/completeness?source=${SOURCE}${query}`);
  return { status: answer.status, body: answer.body as unknown as CompletenessReport };
}

type Tally = Omit<CompletenessCounts, 'completeness'>;

/** The counts by month of one township and year, from the stored rows (no SQL grouping). */
async function countedHere(township: string, year: string): Promise<Map<string, Tally>> {
  const records = await app.db
    .selectFrom('department_records')
    .select(['record_id', 'jurisdiction_code', 'record_date'])
    .where('source', '=', SOURCE)
    .execute();
  const decisions = await app.db
    .selectFrom('link_decisions')
    .select(['record_id', 'verdict'])
    .where('source', '=', SOURCE)
    .execute();
  const verdictOf = new Map(decisions.map((d) => [d.record_id, d.verdict]));
  const months = new Map<string, Tally>();
  for (const r of records) {
    if (!r.jurisdiction_code?.startsWith(township) || !r.record_date?.startsWith(`${year}-`)) continue;
    const month = r.record_date.slice(0, 7);
    const tally = months.get(month) ?? { records: 0, found: 0, notFound: 0, pending: 0, unlinked: 0 };
    const verdict = verdictOf.get(r.record_id);
    tally.records += 1;
    if (verdict === 'match') tally.found += 1;
    else if (verdict === 'non_match') tally.notFound += 1;
    else if (verdict === null) tally.pending += 1;
    else tally.unlinked += 1;
    months.set(month, tally);
  }
  return months;
}

const sum = (tallies: Iterable<Tally>): Tally => {
  const total = { records: 0, found: 0, notFound: 0, pending: 0, unlinked: 0 };
  for (const t of tallies) for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += t[key];
  return total;
};
const counts = ({ records, found, notFound, pending, unlinked }: Tally): Tally => ({
  records,
  found,
  notFound,
  pending,
  unlinked,
});

describe('completeness for the statistics dashboard', () => {
  it('says no run has linked the source yet', async () => {
    const { status, body } = await report('township', `&jurisdiction=${TOWNSHIP}`);
    expect(status).toBe(200);
    expect(body.lastLinkedAt).toBeNull();
    expect(body.total.found).toBe(0);
    expect(body.total.unlinked).toBe(body.total.records);
  });

  it('gives a township user only their township, with the counts of the stored decisions', async () => {
    await app.records.link(SOURCE, 'tester');
    // One review pair still open and one record no run has decided, so that every column is tested.
    const matched = await app.db
      .selectFrom('link_decisions as d')
      .innerJoin('department_records as r', (join) =>
        join.onRef('r.source', '=', 'd.source').onRef('r.record_id', '=', 'd.record_id'),
      )
      .select(['d.id', 'r.record_date'])
      .where('d.source', '=', SOURCE)
      .where('d.verdict', '=', 'match')
      .where('r.jurisdiction_code', 'like', `${TOWNSHIP}%`)
      .orderBy('r.record_date', 'desc')
      .execute();
    // The township's year with the most matches, so that some stay matched.
    const byYear = new Map<string, number>();
    for (const d of matched) {
      const y = (d.record_date ?? '').slice(0, 4);
      byYear.set(y, (byYear.get(y) ?? 0) + 1);
    }
    const [year] = [...byYear].reduce((best, entry) => (entry[1] > best[1] ? entry : best), ['', 0]);
    const [open, unseen] = matched.filter((d) => d.record_date?.startsWith(`${year}-`));
    expect(unseen).toBeDefined();
    await app.db
      .updateTable('link_decisions')
      .set({ class: 'review', verdict: null })
      .where('id', '=', open!.id)
      .execute();
    await app.db.deleteFrom('link_decisions').where('id', '=', unseen!.id).execute();

    const { status, body } = await report('township', `&jurisdiction=${TOWNSHIP}&year=${year}`);
    expect(status).toBe(200);
    expect(body.lastLinkedAt).not.toBeNull();
    expect(body.townships.map((t) => t.township)).toEqual([TOWNSHIP]);
    expect(body.months.every((m) => m.township === TOWNSHIP && m.month.startsWith(`${year}-`))).toBe(true);

    const expected = await countedHere(TOWNSHIP, year);
    const total = sum(expected.values());
    expect(total.pending).toBeGreaterThanOrEqual(1);
    expect(total.unlinked).toBeGreaterThanOrEqual(1);
    expect(total.notFound + total.found).toBeGreaterThan(0);
    expect(counts(body.total)).toEqual(total);
    expect(body.total.completeness).toBe(total.found / total.records);
    expect(counts(body.townships[0]!)).toEqual(total);
    expect(new Map(body.months.map((m) => [m.month, counts(m)]))).toEqual(expected);
    for (const m of body.months) expect(m.completeness).toBe(m.found / m.records);

    // Without a jurisdiction the township user gets their own scope; the other township is refused.
    expect((await report('township', `&year=${year}`)).body.total).toEqual(body.total);
    expect((await report('township', `&jurisdiction=${OTHER_TOWNSHIP}&year=${year}`)).status).toBe(403);
    expect((await report('township', `&jurisdiction=652926&year=${year}`)).status).toBe(403);
    // The county sees both townships; its row for this township is the same.
    const county = await report('county', `&jurisdiction=652926&year=${year}`);
    expect(county.body.townships.map((t) => t.township).sort()).toEqual([TOWNSHIP, OTHER_TOWNSHIP].sort());
    expect(county.body.townships.find((t) => t.township === TOWNSHIP)).toEqual(body.townships[0]);
    const other = sum((await countedHere(OTHER_TOWNSHIP, year)).values());
    expect(counts(county.body.total)).toEqual(sum([total, other]));
  }, 60_000);
});
