// Reconciliation on a generated county: `link --source` stores one decision per record, measured
// against the generator's truth; a rerun keeps what clerks resolved; worklists stay inside the
// township; a resolution needs a reason, is audited and prefills the birth form; completeness counts.
import { sql } from '@renkou/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../http/http-app';
import { TestClient } from '../../testing/http-client';
import { openTestApplication, seedCounty } from '../../testing/test-application';
import {
  firstMatchAsReviewPair,
  importGeneratedCounty,
  OTHER_TOWNSHIP,
  TOWNSHIP,
  type GeneratedCounty,
} from './records-fixtures';

type App = Awaited<ReturnType<typeof openTestApplication>>;
interface Entry {
  id: string;
  recordId: string;
  record: { place: string | null; name: string; birthDate: string };
  person: { personKey: string; hukouCode: string; residenceCode: string } | null;
}

let app: App;
let server: FastifyInstance;
let county: GeneratedCounty;

beforeAll(async () => {
  app = await openTestApplication();
  await seedCounty(app);
  county = await importGeneratedCounty(app);
  server = await buildHttpApp(app);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await app?.close();
});

const signedIn = (username: string) => TestClient.signedIn(server, username);

async function stored(source: string) {
  return app.db.selectFrom('link_decisions').selectAll().where('source', '=', source).execute();
}

/** An active 特扶 enrolment, written directly: the benefits module is not what is tested here. */
async function enrol(personKey: string, hukouCode: string): Promise<void> {
  const at = new Date('2024-01-01T00:00:00Z');
  await sql`insert into benefit_programmes (code, name, short_name, document_number, region_prefix, valid_from,
    beneficiary, payment_period, definition, origin, created_at)
    values ('tefu', '计划生育家庭特别扶助', '特扶', '测试', '', '2020-01-01', 'person', 'monthly', '{}', 'national', ${at})
    on conflict do nothing`.execute(app.db);
  const applicationId = '019cac46-0000-7000-8000-000000000001';
  await sql`insert into benefit_applications (id, programme_code, person_key, hukou_code, channel, entered_by,
    entered_on, status, state, screening, updated_at)
    values (${applicationId}, 'tefu', ${personKey}, ${hukouCode}, 'worker', 'tester', '2024-01-01', 'enrolled',
    '{}', '{}', ${at})`.execute(app.db);
  await sql`insert into benefit_enrolments (id, application_id, programme_code, person_key, hukou_code,
    category_code, from_month, status, created_at, updated_at)
    values ('019cac46-0000-7000-8000-000000000002', ${applicationId}, 'tefu', ${personKey}, ${hukouCode},
    'child_died', '2024-01', 'active', ${at}, ${at})`.execute(app.db);
}

async function items(client: TestClient, item: string): Promise<Entry[]> {
  const answer = await client.get(`/api/records/worklists/${item}?pageSize=200`);
  expect(answer.status).toBe(200);
  return answer.body.items as Entry[];
}

describe('link --source stores its decisions', () => {
  it('stores one decision per hospital birth, its matches right against the truth', async () => {
    const result = await app.records.link('hospital_births', 'tester');
    const decisions = await stored('hospital_births');
    expect(decisions).toHaveLength(county.hospitalRecords);
    expect(result.counts.records).toBe(county.hospitalRecords);
    const truth = county.truth.hospital_births;
    const matches = decisions.filter((d) => d.verdict === 'match');
    const right = matches.filter((d) => truth.get(d.record_id) === d.person_key).length;
    const truePairs = [...truth.values()].filter((person) => person !== '').length;
    // Some births the register lacks, or the worklist of 漏报 would test nothing.
    expect(truePairs).toBeLessThan(county.hospitalRecords);
    expect(right / matches.length).toBeGreaterThanOrEqual(0.98);
    expect(right / truePairs).toBeGreaterThanOrEqual(0.95);
    // Each decision carries the weights that made it.
    const withPerson = decisions.find((d) => d.person_key !== null);
    expect(withPerson?.comparisons.map((c) => c.name)).toEqual(
      expect.arrayContaining(['name', 'sex', 'birth_date', 'mother_id_number']),
    );
    const run = await app.db
      .selectFrom('link_runs')
      .selectAll()
      .where('id', '=', result.runId)
      .executeTakeFirstOrThrow();
    expect(run.status).toBe('done');
  }, 60_000);

  it('links civil-affairs deaths, the deaths the register lacks on the list of people still alive', async () => {
    await app.records.link('civil_deaths', 'tester');
    const decisions = await stored('civil_deaths');
    const truth = county.truth.civil_deaths;
    const matches = decisions.filter((d) => d.verdict === 'match');
    expect(
      matches.filter((d) => truth.get(d.record_id) === d.person_key).length / matches.length,
    ).toBeGreaterThanOrEqual(0.98);
    const alive = await items(await signedIn('county'), 'death_alive');
    expect(alive.length).toBeGreaterThan(0);
    const persons = await app.db
      .selectFrom('persons')
      .select(['person_key', 'status'])
      .where(
        'person_key',
        'in',
        alive.map((a) => a.person?.personKey ?? ''),
      )
      .execute();
    expect(persons.every((p) => p.status !== 'dead')).toBe(true);

    // A benefit recipient among them comes first: the payments must stop.
    expect(alive.length).toBeGreaterThan(1);
    const recipient = alive[alive.length - 1]?.person;
    await enrol(recipient?.personKey ?? '', recipient?.hukouCode ?? '');
    const ordered = await items(await signedIn('county'), 'death_alive');
    expect(ordered[0]?.person?.personKey).toBe(recipient?.personKey);
    expect((ordered[0] as Entry & { benefits: string[] }).benefits).toEqual(['tefu']);

    // A death record carries the deceased's own ID number: one that differs from the register's
    // (a mistyped digit) is a conflict, shown side by side.
    const differing = await app.db
      .selectFrom('link_decisions as d')
      .innerJoin('department_records as r', (j) =>
        j.onRef('r.source', '=', 'd.source').onRef('r.record_id', '=', 'd.record_id'),
      )
      .innerJoin('persons as p', 'p.person_key', 'd.person_key')
      .select('d.id')
      .where('d.source', '=', 'civil_deaths')
      .where('d.verdict', '=', 'match')
      .whereRef('r.id_number_index', '<>', 'p.id_number_index')
      .execute();
    expect(differing.length).toBeGreaterThan(0);
    const conflicts = await items(await signedIn('county'), 'conflict');
    for (const { id } of differing) {
      const entry = conflicts.find((c) => c.id === id) as
        (Entry & { conflicts: { field: string }[] }) | undefined;
      expect(entry?.conflicts.map((c) => c.field)).toContain('id_number');
    }
  }, 60_000);
});

describe('worklists', () => {
  it('shows a township only its own items; another township’s item does not exist for it', async () => {
    const [township, other, all] = [
      await signedIn('township'),
      await signedIn('township2'),
      await signedIn('county'),
    ];
    const births = await items(township, 'unregistered_birth');
    const otherBirths = await items(other, 'unregistered_birth');
    expect(births.every((b) => b.record.place?.startsWith(TOWNSHIP))).toBe(true);
    expect(otherBirths.every((b) => b.record.place?.startsWith(OTHER_TOWNSHIP))).toBe(true);
    const conflicts = await items(township, 'conflict');
    expect(conflicts.length).toBeGreaterThan(0);
    for (const c of conflicts)
      expect(c.person?.hukouCode.startsWith(TOWNSHIP) || c.person?.residenceCode.startsWith(TOWNSHIP)).toBe(
        true,
      );
    const allBirths = await items(all, 'unregistered_birth');
    expect(allBirths.length).toBeGreaterThanOrEqual(births.length + otherBirths.length);
    const foreign = (await items(all, 'conflict')).find(
      (c) => !c.person?.hukouCode.startsWith(TOWNSHIP) && !c.person?.residenceCode.startsWith(TOWNSHIP),
    );
    expect(foreign).toBeDefined();
    expect((await township.get(`/api/records/decisions/${foreign?.id}`)).status).toBe(404);
    const refused = await township.post(`/api/records/decisions/${foreign?.id}/resolve`, {
      item: 'conflict',
      action: 'keep',
      reason: '登记库信息无误',
    });
    expect(refused.status).toBe(404);
  });

  it('resolves a missing birth with a reason, audited, and returns the birth form prefilled', async () => {
    const officer = await signedIn('county');
    const [birth] = await items(officer, 'unregistered_birth');
    expect(birth).toBeDefined();
    const noReason = await officer.post(`/api/records/decisions/${birth?.id}/resolve`, {
      item: 'unregistered_birth',
      action: 'register',
      reason: ' ',
    });
    expect(noReason.status).toBe(400);
    const answer = await officer.post(`/api/records/decisions/${birth?.id}/resolve`, {
      item: 'unregistered_birth',
      action: 'register',
      reason: '医院有出生记录，登记库漏登',
    });
    expect(answer.status).toBe(200);
    const prefill = answer.body.prefill as {
      form: string;
      query: Record<string, string>;
      values: Record<string, string>;
    };
    expect(prefill.form).toBe('birth');
    expect(prefill.values).toMatchObject({ date: birth?.record.birthDate });
    if (birth?.record.name) expect(prefill.values.name).toBe(birth.record.name);
    expect((await items(officer, 'unregistered_birth')).map((b) => b.id)).not.toContain(birth?.id);
    const again = await officer.post(`/api/records/decisions/${birth?.id}/resolve`, {
      item: 'unregistered_birth',
      action: 'dismiss',
      reason: '重复处理',
    });
    expect(again.status).toBe(409);
    const audit = await app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'records.resolve')
      .execute();
    expect(audit.map((a) => a.target_ids[0])).toContain(birth?.id);
    expect(audit.find((a) => a.target_ids[0] === birth?.id)?.username).toBe('county');
  });

  it('decides a review pair (m / n) and shows each comparison’s weight', async () => {
    const pair = { id: await firstMatchAsReviewPair(app, 'hospital_births') };
    const officer = await signedIn('county');
    expect((await items(officer, 'review')).map((r) => r.id)).toContain(pair?.id);
    const detail = await officer.get(`/api/records/decisions/${pair?.id}`);
    expect(detail.status).toBe(200);
    const comparisons = detail.body.comparisons as { name: string; weight: number }[];
    expect(comparisons.length).toBe(5);
    expect(comparisons.some((c) => c.weight > 0)).toBe(true);
    const answer = await officer.post(`/api/records/decisions/${pair?.id}/resolve`, {
      item: 'review',
      action: 'match',
      reason: '母亲身份证号和出生日期一致',
    });
    expect(answer.status).toBe(200);
    const row = await app.db
      .selectFrom('link_decisions')
      .selectAll()
      .where('id', '=', pair!.id)
      .executeTakeFirstOrThrow();
    expect({ verdict: row.verdict, resolution: row.resolution, by: row.resolved_by }).toEqual({
      verdict: 'match',
      resolution: 'match',
      by: 'county',
    });
  });
});

describe('rerun', () => {
  it('runs as a background job from the web app, county-wide only, with progress to poll', async () => {
    const township = await signedIn('township');
    expect((await township.post('/api/records/link-runs', { source: 'civil_deaths' })).status).toBe(403);
    const officer = await signedIn('county');
    const started = await officer.post('/api/records/link-runs', { source: 'civil_deaths' });
    expect(started.status).toBe(200);
    let status = '';
    for (let i = 0; i < 600 && status !== 'done' && status !== 'failed'; i++) {
      const run = await officer.get(`/api/records/link-runs/${String(started.body.runId)}`);
      expect(run.status).toBe(200);
      status = String(run.body.status);
      if (status === 'running') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe('done');
    const sources = await officer.get('/api/records/sources');
    const deaths = (sources.body.items as { name: string; lastRun: { id: string } | null }[]).find(
      (s) => s.name === 'civil_deaths',
    );
    expect(deaths?.lastRun?.id).toBe(started.body.runId);
  }, 60_000);

  it('replaces untouched decisions and keeps every resolved one as it was', async () => {
    const before = await stored('hospital_births');
    const resolvedIds = new Set(
      (await app.db.selectFrom('link_resolutions').select('decision_id').execute()).map((r) => r.decision_id),
    );
    for (const d of before) if (d.resolution !== null) resolvedIds.add(d.id);
    expect(resolvedIds.size).toBeGreaterThanOrEqual(2);
    const rerun = await app.records.link('hospital_births', 'tester');
    const after = await stored('hospital_births');
    expect(after).toHaveLength(before.length);
    const kept = after.filter((d) => resolvedIds.has(d.id));
    expect(kept.length).toBe([...resolvedIds].filter((id) => before.some((d) => d.id === id)).length);
    expect(rerun.counts.kept).toBe(kept.length);
    expect(kept.every((d) => d.run_id !== rerun.runId)).toBe(true);
    const replaced = after.filter((d) => !resolvedIds.has(d.id));
    expect(replaced.every((d) => d.run_id === rerun.runId)).toBe(true);
    // Same records, same outcome: the same items on the lists as before the rerun.
    const verdicts = (rows: typeof before) =>
      new Map(rows.map((d) => [d.record_id, `${d.person_key}|${d.verdict}`]));
    expect(verdicts(after)).toEqual(verdicts(before));
  }, 60_000);
});

describe('completeness', () => {
  it('counts records found in the register by township and month', async () => {
    const officer = await signedIn('county');
    const answer = await officer.get('/api/records/completeness?source=hospital_births');
    expect(answer.status).toBe(200);
    const body = answer.body as unknown as {
      total: {
        records: number;
        found: number;
        notFound: number;
        pending: number;
        unlinked: number;
        completeness: number;
      };
      townships: { township: string; townshipName: string; records: number; found: number }[];
      months: { month: string; records: number }[];
      years: string[];
    };
    const inCounty = (await stored('hospital_births')).length;
    const records = await app.db
      .selectFrom('department_records')
      .select('record_id')
      .where('source', '=', 'hospital_births')
      .where('jurisdiction_code', 'like', '652926%')
      .execute();
    expect(body.total.records).toBe(records.length);
    expect(inCounty).toBeGreaterThanOrEqual(records.length);
    expect(body.total.found + body.total.notFound + body.total.pending + body.total.unlinked).toBe(
      body.total.records,
    );
    expect(body.total.completeness).toBeCloseTo(body.total.found / body.total.records, 10);
    // The generator's truth: the births the register holds.
    const truth = county.truth.hospital_births;
    const held = records.filter((r) => (truth.get(r.record_id) ?? '') !== '').length;
    expect(Math.abs(body.total.found - held)).toBeLessThanOrEqual(2);
    expect(body.townships.map((t) => t.township).sort()).toEqual([TOWNSHIP, OTHER_TOWNSHIP].sort());
    expect(body.townships.reduce((n, t) => n + t.records, 0)).toBe(body.total.records);
    expect(body.months.reduce((n, m) => n + m.records, 0)).toBe(body.total.records);
    expect(body.townships.every((t) => t.townshipName !== '')).toBe(true);

    const township = await (
      await signedIn('township')
    ).get('/api/records/completeness?source=hospital_births&year=2023');
    expect(township.status).toBe(200);
    const own = township.body as unknown as typeof body;
    expect(own.townships.map((t) => t.township)).toEqual([TOWNSHIP]);
    expect(own.months.every((m) => m.month.startsWith('2023-'))).toBe(true);
    const forbidden = await (
      await signedIn('township')
    ).get(`/api/records/completeness?source=hospital_births&jurisdiction=${OTHER_TOWNSHIP}`);
    expect(forbidden.status).toBe(403);
  });
});
