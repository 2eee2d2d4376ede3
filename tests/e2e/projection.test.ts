// The projection page in Chromium: the county officer opens 人口预测, runs the default projection (the
// county, the end of the register's last full year, 20 years) and sees the numbers GET
// /api/stats/projection gives: the observed TFR, the medium scenario's population in the last year in
// the cards and the table, the scenarios ordered low ≤ medium ≤ high; charts download as PNG and Excel;
// the pyramid steps through the years; a village too small for a life table gets the server's reason.
import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadsFromToolbox, launchBrowser } from './browser';
import { startDemoServer, type StartedServer } from './server-process';
import { apiAs, lastFullYear, signedIn, signIn } from './sign-in';

const COUNTY = '652926'; // 拜城县, the scope of the demo user `county`

interface ProjectedYear {
  year: number;
  total: number;
}
interface Projection {
  observed: { tfr: number };
  scenarios: { name: 'low' | 'medium' | 'high'; tfr: number; years: ProjectedYear[] }[];
}

let server: StartedServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let api: APIRequestContext;
let base: string;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  api = await apiAs(server.url, 'county');
  // The page's default base: the end of the last calendar year the register covers in full.
  base = `${await lastFullYear(api)}-12-31`;
});
afterAll(async () => {
  await api?.dispose();
  await browser?.close();
  await server?.stop();
});

/** Signs in unless the browser context keeps the session of an earlier test (the login page then sends it on). */
async function signInOnce(page: Page, username: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').or(signedIn(page)).first().waitFor();
  if (await signedIn(page).isVisible()) return;
  await signIn(page, server.url, username);
}

const number = (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 0 });
const large = (v: number) =>
  v >= 1e5
    ? `${(v / 1e4).toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}万`
    : number(v);

async function dataValue(page: Page, selector: string): Promise<number> {
  return Number(await page.locator(selector).getAttribute('data-value'));
}

describe('population projection in Chromium', () => {
  it('shows the API projection of the county, scenarios in order, with downloads', async () => {
    const answer = await api.get(`/api/stats/projection?jurisdiction=${COUNTY}&base=${base}&years=20`);
    expect(answer.status()).toBe(200);
    const projection = (await answer.json()) as Projection;
    const lastOf = (name: string) => projection.scenarios.find((s) => s.name === name)?.years.at(-1);
    const medium = lastOf('medium');
    if (!medium) throw new Error('no medium scenario');

    const page = await browser.context.newPage();
    await signInOnce(page, 'county');
    await page.getByTestId('menu-statistics-projection').click();
    await page.locator('[data-testid="proj-page"][data-state="idle"]').waitFor();
    // The form's defaults: 20 years from the end of the last full year.
    expect(await page.locator('.proj-field-base input').inputValue()).toBe(base);
    await page.getByTestId('proj-run').click();
    await page.locator('[data-testid="proj-page"][data-state="ready"]').waitFor({ timeout: 60_000 });
    expect(page.url()).toContain(`j=${COUNTY}`);
    expect(page.url()).toContain(`base=${base}`);
    expect(page.url()).toContain('years=20');

    // The observed TFR, and the medium scenario's last year as the API gives it, in the card and the table.
    expect(await dataValue(page, '[data-testid="proj-observed-tfr"]')).toBe(projection.observed.tfr);
    expect(await page.getByTestId('proj-final-medium').getAttribute('data-year')).toBe(String(medium.year));
    expect(await dataValue(page, '[data-testid="proj-final-medium"]')).toBe(medium.total);
    expect(await page.getByTestId('proj-final-medium-text').textContent()).toBe(
      large(Math.round(medium.total)),
    );
    const cell = page.locator(
      `[data-testid="proj-cell"][data-year="${medium.year}"][data-scenario="medium"][data-key="total"]`,
    );
    expect(Number(await cell.getAttribute('data-value'))).toBe(medium.total);
    expect(await cell.textContent()).toBe(number(Math.round(medium.total)));

    // Low ≤ medium ≤ high in the last year, as displayed.
    const shown = async (name: string) => {
      const value = await dataValue(page, `[data-testid="proj-final-${name}"]`);
      expect(value).toBe(lastOf(name)?.total);
      return value;
    };
    const [low, mid, high] = [await shown('low'), await shown('medium'), await shown('high')];
    expect(low).toBeLessThanOrEqual(mid);
    expect(mid).toBeLessThanOrEqual(high);

    // Each chart on its own canvas; the total's toolbox saves the PNG, then the data as Excel.
    for (const id of ['total', 'births', 'age3to5', 'age6to11', 'age12to14', 'age65plus', 'age80plus']) {
      await page.getByTestId(`chart-proj-${id}`).locator('canvas').first().waitFor();
    }
    await downloadsFromToolbox(page, 'chart-proj-total');
    const [workbook] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('proj-table-excel').click(),
    ]);
    expect(workbook.suggestedFilename()).toMatch(/^人口预测_.*\.xlsx$/);
    expect(
      readFileSync(await workbook.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    // The pyramid opens on the medium scenario's last year; the slider goes back to the base year.
    const pyramid = page.getByTestId('proj-pyramid');
    expect(await pyramid.getAttribute('data-scenario')).toBe('medium');
    expect(await pyramid.getAttribute('data-year')).toBe(String(medium.year));
    await page.getByTestId('proj-pyramid-slider').locator('.ant-slider-handle').focus();
    await page.keyboard.press('Home');
    expect(await pyramid.getAttribute('data-year')).toBe(base.slice(0, 4));
    await page.getByTestId('proj-pyramid-play').click();
    await page
      .locator(`[data-testid="proj-pyramid"][data-year="${Number(base.slice(0, 4)) + 5}"]`)
      .waitFor({ timeout: 5_000 });

    // On a phone the page fits the screen.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByTestId('chart-proj-total').locator('canvas').first().waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('shows the server’s reason when a village is too small for a life table', async () => {
    const townships = (await (await api.get(`/api/jurisdictions/${COUNTY}/children`)).json()) as {
      items: { code: string }[];
    };
    const township = townships.items[0]?.code ?? '';
    const villages = (await (await api.get(`/api/jurisdictions/${township}/children`)).json()) as {
      items: { code: string }[];
    };
    const village = villages.items[0]?.code ?? '';
    const answer = await api.get(`/api/stats/projection?jurisdiction=${village}&base=${base}&years=20`);
    expect(answer.status()).toBe(400);
    const { message } = (await answer.json()) as { message: string };
    expect(message).toContain('生命表');

    const page = await browser.context.newPage();
    await signInOnce(page, 'county');
    await page.goto(`${server.url}/statistics/projection?j=${village}&base=${base}&years=20`);
    await page.locator('[data-testid="proj-page"][data-state="error"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('proj-error').textContent()).toBe(message);
    await page.close();
  });
});
