// The benefits pages in Chromium: the county officer opens 利益导向项目 and sees 特扶 at ¥590.00 a
// month (the national amount since 2022-07-01), then runs a 特扶 screening over the demo county and
// opens one decision's explanation, which names the rules that passed or failed.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startDemoServer, type StartedServer } from './server-process';

const DEMO_PASSWORD = 'Renkou#Demo2026';

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

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').or(page.getByTestId('menu-toggle')).first().waitFor();
}

describe('benefits pages in Chromium', () => {
  it('shows 特扶 at ¥590.00 and a screening decision with its explanation', async () => {
    const page = await browser.context.newPage();
    await signIn(page, 'county');

    // 利益导向项目: 特扶's amount in force for a child who died.
    await page.getByTestId('menu-benefit-programmes').click();
    const tefu = page.locator('[data-testid="programme-row"][data-key="tefu"]');
    await tefu.waitFor();
    expect(await tefu.textContent()).toContain('特扶');
    const died = tefu.locator('[data-testid="programme-current"][data-category="child_died"]');
    expect(await died.textContent()).toContain('¥590.00');
    // The schedule history opens under the row: the earlier amount is kept, not overwritten.
    await tefu.click();
    const history = page.getByTestId('programme-schedules').first();
    await history.waitFor();
    expect(await history.textContent()).toContain('2022-07-01');

    // 资格筛查: 特扶 over the officer's own county.
    await page.getByTestId('menu-benefit-screening').click();
    await page.getByTestId('screening-programme').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '特扶' }).first().click();
    await page.getByTestId('screening-run').click();
    const summary = page.getByTestId('screening-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(Number(await summary.getAttribute('data-total'))).toBeGreaterThan(0);
    const rows = page.getByTestId('screening-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    const outcome = await rows.first().getByTestId('screening-outcome').textContent();
    expect(['符合', '不符合', '需核实']).toContain(outcome?.trim());

    // The explanation: the programme's verdict and the rules under it, each marked.
    await rows.first().click();
    const explanation = page.getByTestId('screening-explanation').first();
    await explanation.waitFor();
    const text = (await explanation.textContent()) ?? '';
    expect(text).toContain('特扶');
    expect(text).toMatch(/符合|不符合|无法判断/);
    expect(await explanation.locator('li').count()).toBeGreaterThan(2);
    await page.close();
  });
});
