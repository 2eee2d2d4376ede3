// 核对 in Chromium: the county officer uploads the demo county's hospital births, links them against
// the register with the progress bar, opens 漏报出生, resolves one missing birth with a reason and
// lands on the birth registration form prefilled with the hospital's record; a record registered twice
// is merged; a marriage civil affairs registered and the register lacks is recorded from its list.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startDemoServer, type StartedServer } from './server-process';
import { signedIn, signIn } from './sign-in';

let server: StartedServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Entry {
  id: string;
  record: { name: string; sex: string; birthDate: string };
}

describe('reconciliation in Chromium', () => {
  it('resolves one missing birth and opens the prefilled birth form', async () => {
    const page = await browser.context.newPage();
    await signIn(page, server.url, 'county');
    await page.getByTestId('menu-records').click();
    const births = page.locator('[data-testid="records-source"][data-source="hospital_births"]');
    await births.waitFor();

    // The generator wrote the hospitals' file beside the demo register.
    await births
      .locator('input[type="file"]')
      .setInputFiles(join(server.dataDir, 'work', 'demo-dataset', 'hospital_births.csv'));
    await page.getByText(/已导入：新增 \d+ 条/).waitFor({ timeout: 60_000 });

    await births.getByTestId('records-run').click();
    await births.getByText(/最近比对/).waitFor({ timeout: 120_000 });

    await page.getByTestId('records-tab-unregistered_birth').click();
    const row = page.getByTestId('worklist-row').first();
    await row.waitFor({ timeout: 30_000 });
    const id = await row.getAttribute('data-id');
    const listed = await page.evaluate(async () => {
      const answer = await fetch('/api/records/worklists/unregistered_birth?pageSize=200');
      return (await answer.json()) as { items: Entry[] };
    });
    const entry = listed.items.find((e) => e.id === id);
    expect(entry).toBeDefined();

    await row.getByTestId('resolve-open').click();
    await page.getByTestId('resolve-reason').fill('医院有出生医学记录，登记库漏登');
    await page.getByTestId('resolve-submit').click();

    await page.waitForURL(/\/register\/new\/birth/, { timeout: 30_000 });
    const name = page.getByTestId('birth-name');
    await name.waitFor();
    await expect.poll(() => name.inputValue()).toBe(entry?.record.name);
    const date = await page
      .getByTestId('birth-date')
      .locator('input')
      .inputValue()
      .catch(async () => page.getByTestId('birth-date').inputValue());
    expect(date).toBe(entry?.record.birthDate);
    // The item has left the list.
    const after = await page.evaluate(async () => {
      const answer = await fetch('/api/records/worklists/unregistered_birth?pageSize=200');
      return (await answer.json()) as { items: Entry[] };
    });
    expect(after.items.map((e) => e.id)).not.toContain(id);
    await page.close();
  });

  it('finds a person registered twice and merges the second record into the first', async () => {
    // The browser context is still signed in as the county officer of the test above.
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await signedIn(page).waitFor();
    // A clerk registers someone already in the register again, as an arrival without the ID number.
    const twice = await page.evaluate(async () => {
      const found = (await (
        await fetch('/api/persons?jurisdiction=652926&status=resident&pageSize=50')
      ).json()) as {
        items: { personKey: string; name: string; sex: number; birthDate: string; hukouCode: string }[];
      };
      const person = found.items.find((p) => p.birthDate < '2000-01-01') ?? found.items[0];
      if (!person) throw new Error('no person to register twice');
      const answer = await fetch('/api/register/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          event_id: 'e2e-registered-twice',
          type: 'hukou',
          date: '2024-06-01',
          person_id: 'e2e-twice',
          from_code: '650102000000',
          to_code: person.hukouCode.padEnd(12, '0'),
          name: person.name,
          sex: String(person.sex),
          birth_date: person.birthDate,
        }),
      });
      if (!answer.ok) throw new Error(await answer.text());
      return person;
    });

    await page.getByTestId('menu-records').click();
    await page.getByTestId('records-tab-duplicates').click();
    await page.getByTestId('duplicates-run').click();
    const row = page.getByTestId('duplicate-row').filter({ hasText: twice.name }).first();
    await row.waitFor({ timeout: 120_000 });
    await row.getByTestId('duplicate-open').click();
    await page.getByTestId('duplicate-reason').fill('同一人重复登记，核对户口簿');
    await page.getByTestId('duplicate-submit').click();
    await page.getByText('已合并，另一条记录已标为重复').waitFor();

    // Record A (kept) is the smaller key: the original person; the second record is merged into it.
    const second = await page.evaluate(async () => {
      const answer = await fetch('/api/persons/e2e-twice');
      return ((await answer.json()) as { person: { status: string; duplicateOf: string | null } }).person;
    });
    expect(second).toEqual(expect.objectContaining({ status: 'merged', duplicateOf: twice.personKey }));
    await page.goto(`${server.url}/persons/e2e-twice`);
    await page.getByTestId('merged-notice').waitFor();
    await page.close();
  });

  it('lists a marriage civil affairs registered and the register lacks, and records it from the list', async () => {
    // Two never-married adults of one village whom no event of the dataset touches: civil affairs
    // married them, the register never heard of it.
    const dataset = join(server.dataDir, 'work', 'demo-dataset');
    const touched = new Set<string>();
    for (const key of readFileSync(join(dataset, 'events.csv'), 'utf8').match(/P\d{7}/g) ?? [])
      touched.add(key);
    const [header, ...lines] = readFileSync(join(dataset, 'persons.csv'), 'utf8').trim().split('\n');
    const columns = header!
      .replace(/^\uFEFF/, '')
      .trim()
      .split(',');
    const rows = lines.map((line) =>
      Object.fromEntries(
        line
          .trim()
          .split(',')
          .map((v, i) => [columns[i], v]),
      ),
    );
    const single = (sex: string) =>
      rows.filter(
        (r) =>
          r.sex === sex &&
          r.marital_status === '10' &&
          r.birth_date! < '1995-01-01' &&
          r.birth_date! > '1980-01-01' &&
          !touched.has(r.person_id!),
      );
    const man = single('1')[0]!;
    const woman = single('2').find((r) => r.hukou_code === man.hukou_code) ?? single('2')[0]!;
    const file = join(mkdtempSync(join(tmpdir(), 'renkou-e2e-')), 'civil_marriages.csv');
    writeFileSync(
      file,
      'record_id,event,date,id_number_1,name_1,id_number_2,name_2\n' +
        `E2E-M-1,marriage,2024-10-01,${man.id_number},${man.name},${woman.id_number},${woman.name}\n`,
    );

    const page = await browser.context.newPage();
    await page.goto(`${server.url}/records`);
    await signedIn(page).waitFor();
    const marriages = page.locator('[data-testid="records-source"][data-source="civil_marriages"]');
    await marriages.locator('input[type="file"]').setInputFiles(file);
    await page.getByText(/已导入：新增 1 条/).waitFor({ timeout: 60_000 });
    await marriages.getByTestId('records-run').click();
    await marriages.getByText(/最近比对/).waitFor({ timeout: 120_000 });

    await page.getByTestId('records-tab-marriages').click();
    const row = page.locator('[data-testid="marriage-row"][data-id="E2E-M-1"]');
    await row.waitFor({ timeout: 30_000 });
    await row.getByTestId('marriage-register').click();
    await page.waitForURL(/\/register\/new\/marriage\?person=/, { timeout: 30_000 });
    await page.getByTestId('event-submit').click();
    await page.waitForURL(/\/persons\//, { timeout: 30_000 });

    // The register now holds the marriage: the item has left the list.
    const after = await page.evaluate(async () => {
      const answer = await fetch('/api/records/marriages?pageSize=200');
      return (await answer.json()) as { items: { recordId: string }[] };
    });
    expect(after.items.map((e) => e.recordId)).not.toContain('E2E-M-1');
    await page.close();
  });
});
