// 核对 in Chromium: the county officer uploads the demo county's hospital births, links them against
// the register with the progress bar, opens 漏报出生, resolves one missing birth with a reason and
// lands on the birth registration form prefilled with the hospital's record.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startDemoServer, type StartedServer } from './server-process';
import { signIn } from './sign-in';

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
});
