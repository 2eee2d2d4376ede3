// Debian's Chromium driven by playwright-core, with the flags this closed network needs, and a check of
// the chart toolbox's downloads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export async function launchBrowser(
  viewport = { width: 1366, height: 860 },
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'renkou-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Clicks a chart's toolbox (top right, drawn on the canvas): the PNG, then the data behind it as Excel. */
export async function downloadsFromToolbox(page: Page, testId: string): Promise<void> {
  const chart = await page.getByTestId(testId).boundingBox();
  if (!chart) throw new Error(`no chart ${testId}`);
  for (const [fromRight, extension] of [
    [58, /\.png$/],
    [21, /\.xlsx$/],
  ] as const) {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.mouse.click(chart.x + chart.width - fromRight, chart.y + 20),
    ]);
    expect(file.suggestedFilename()).toMatch(extension);
  }
}
