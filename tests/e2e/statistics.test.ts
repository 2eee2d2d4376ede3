// The statistics dashboard in Chromium: the county officer opens 统计分析 and sees the headline figures
// GET /api/stats gives for the last full year of the register, the pyramid drawn (PNG and data downloads
// from its toolbox), a drill-down to a township (one request each, none again on going back), the
// report's total row equal to the sum of its rows and its Excel workbook; the dashboard fits a phone.
import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadsFromToolbox, launchBrowser } from './browser';
import { startDemoServer, type StartedServer } from './server-process';
import { apiAs, lastFullYear, signIn } from './sign-in';

const COUNTY = '652926'; // 拜城县, the scope of the demo user `county`

type Indicators = Record<string, number | null | number[] | string | Record<string, unknown>>;
interface StatsResult {
  jurisdiction: string;
  indicators: Indicators;
  children?: { jurisdiction: string; name: string; indicators: Indicators }[];
}

const HEADLINES = [
  'population_end',
  'births',
  'deaths',
  'cbr',
  'cdr',
  'natural_growth_rate',
  'srb',
  'tfr',
  'share_65_plus',
];

let server: StartedServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let api: APIRequestContext;
let period: { from: string; to: string };

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  api = await apiAs(server.url, 'county');
  // The dashboard's default: the last calendar year the register covers in full.
  const year = await lastFullYear(api);
  period = { from: `${year}-01-01`, to: `${year}-12-31` };
});
afterAll(async () => {
  await api?.dispose();
  await browser?.close();
  await server?.stop();
});

async function stats(jurisdiction: string): Promise<StatsResult> {
  const response = await api.get(
    `/api/stats?jurisdiction=${jurisdiction}&from=${period.from}&to=${period.to}&basis=residence`,
  );
  expect(response.status()).toBe(200);
  return (await response.json()) as StatsResult;
}

/** Waits until the dashboard shows the answer for the division. */
async function dashboardReady(page: Page, code: string): Promise<void> {
  await page
    .locator(`[data-testid="stats-dashboard"][data-state="ready"][data-jurisdiction="${code}"]`)
    .waitFor({ timeout: 60_000 });
}

async function expectHeadlines(page: Page, indicators: Indicators): Promise<void> {
  for (const name of HEADLINES) {
    const value = indicators[name];
    const card = page.getByTestId(`stat-${name}`);
    expect(await card.getAttribute('data-value'), name).toBe(value === null ? '' : String(value));
  }
  const number = (v: unknown, digits = 0) =>
    (v as number).toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const large = (v: number) => (v >= 1e5 ? `${number(v / 1e4, 1)}万` : number(v));
  expect(await page.getByTestId('stat-population_end-text').textContent()).toBe(
    large(indicators.population_end as number),
  );
  expect(await page.getByTestId('stat-births-text').textContent()).toBe(large(indicators.births as number));
  if (indicators.cbr !== null) {
    expect(await page.getByTestId('stat-cbr-text').textContent()).toBe(`${number(indicators.cbr, 2)}‰`);
  }
  if (indicators.tfr !== null) {
    expect(await page.getByTestId('stat-tfr-text').textContent()).toBe(number(indicators.tfr, 2));
  }
}

describe('statistics dashboard in Chromium', () => {
  it('shows the API figures, the pyramid, drills down to a township and prints the report', async () => {
    const county = await stats(COUNTY);
    const townships = county.children ?? [];
    expect(townships.length).toBeGreaterThan(0);
    // The most populous township: it has births to show.
    const township = [...townships].sort(
      (a, b) => (b.indicators.population_end as number) - (a.indicators.population_end as number),
    )[0];
    if (!township) return;

    const page = await browser.context.newPage();
    const statsRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/stats?')) statsRequests.push(r.url());
    });
    await signIn(page, server.url, 'county');
    await page.getByTestId('menu-statistics').click();
    await dashboardReady(page, COUNTY);
    expect(page.url()).not.toContain('j=');
    await expectHeadlines(page, county.indicators);

    // The trend by year: the births the chart sums are the API's, and the year on screen is the
    // dashboard's own figure.
    const trendCard = page.locator('[data-testid="stats-trend"][data-state="ready"]');
    await trendCard.waitFor({ timeout: 60_000 });
    const trend = (await (
      await api.get(
        `/api/stats/trend?jurisdiction=${COUNTY}&from=${period.from.slice(0, 7)}&to=${period.to.slice(0, 7)}&granularity=year`,
      )
    ).json()) as { points: { births: number; population_end: number }[] };
    expect(trend.points[0]?.births).toBe(county.indicators.births);
    expect(trend.points[0]?.population_end).toBe(county.indicators.population_end);
    expect(Number(await trendCard.getAttribute('data-points'))).toBeGreaterThan(0);
    expect(await page.getByTestId('chart-trend').locator('canvas').count()).toBeGreaterThan(0);

    // 统计求实率: the card shows the API's counts of hospital births, or says no link run exists yet.
    const completeness = (await (
      await api.get(
        `/api/records/completeness?source=hospital_births&jurisdiction=${COUNTY}&year=${period.to.slice(0, 4)}`,
      )
    ).json()) as { lastLinkedAt: string | null; total: { records: number; found: number } };
    const completenessCard = page.locator(
      `[data-testid="stats-completeness"][data-state="${completeness.lastLinkedAt ? 'ready' : 'never-linked'}"]`,
    );
    await completenessCard.waitFor({ timeout: 60_000 });
    expect(await completenessCard.getAttribute('data-records')).toBe(String(completeness.total.records));
    expect(await completenessCard.getAttribute('data-found')).toBe(String(completeness.total.found));

    // The pyramid is drawn on a canvas of its own.
    const canvas = page.getByTestId('chart-pyramid').locator('canvas').first();
    await canvas.waitFor();
    expect((await canvas.boundingBox())?.width ?? 0).toBeGreaterThan(200);
    expect(await page.getByTestId('chart-srb').locator('canvas').count()).toBeGreaterThan(0);
    // Its toolbox (top right, drawn on the canvas): the PNG, then the data behind it as Excel.
    await page.getByTestId('chart-pyramid').scrollIntoViewIfNeeded();
    await downloadsFromToolbox(page, 'chart-pyramid');

    // Drill down: a click on the township's row asks for it as the division.
    await page.locator(`[data-testid="stats-child-link"][data-code="${township.jurisdiction}"]`).click();
    await dashboardReady(page, township.jurisdiction);
    expect(page.url()).toContain(`j=${township.jurisdiction}`);
    await expectHeadlines(page, (await stats(township.jurisdiction)).indicators);
    expect(await page.getByTestId('stats-subtitle').textContent()).toContain(township.name);

    // Back to the county: answered from memory, no third request.
    await page.goBack();
    await dashboardReady(page, COUNTY);
    expect(statsRequests).toHaveLength(2);

    // The report: one row per township, the total row the sum of the rows and the county's own counts.
    await page.getByTestId('stats-open-report').click();
    await page.locator('[data-testid="stats-report"][data-state="ready"]').waitFor();
    expect(await page.getByTestId('stats-report-row').count()).toBe(townships.length);
    for (const key of ['births', 'births_male', 'births_female', 'deaths', 'population_end']) {
      const rows = await page
        .locator(`[data-testid="stats-report-row"] td[data-key="${key}"]`)
        .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
      const total = Number(
        await page
          .locator(`[data-testid="stats-report-total"] td[data-key="${key}"]`)
          .getAttribute('data-value'),
      );
      expect(total, key).toBe(rows.reduce((a, b) => a + b, 0));
      expect(total, key).toBe(county.indicators[key]);
    }
    expect(statsRequests).toHaveLength(2);

    // The workbook is built in the browser.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('stats-report-excel').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');

    // On a phone the dashboard fits the screen.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goBack();
    await dashboardReady(page, COUNTY);
    await page.getByTestId('chart-pyramid').locator('canvas').first().waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(statsRequests).toHaveLength(2);
    await page.close();
  });
});
