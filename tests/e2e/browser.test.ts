// The product in Chromium: an administrator opens the division tree and creates a user who must
// change the temporary password at first sign-in; a village worker uses it on a phone screen.
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

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Opens a tree node by clicking its expander; its children are fetched only then. */
async function expandTreeNode(page: Page, name: string): Promise<void> {
  const node = page.locator('.ant-tree-treenode', { hasText: name }).last();
  await node.locator('.ant-tree-switcher').click();
}

describe('web app in Chromium', () => {
  it('lets the administrator open the division tree, create a user and sign out', async () => {
    const page = await browser.context.newPage();
    const childRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/children')) childRequests.push(r.url());
    });
    await signIn(page, 'admin', DEMO_PASSWORD);
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('系统管理员');

    // Divisions: the tree loads each level only when it is opened.
    await page.getByTestId('menu-jurisdictions').click();
    const tree = page.getByTestId('jurisdiction-tree');
    await tree.getByText('新疆维吾尔自治区').waitFor();
    expect(childRequests.some((u) => u.includes('652926'))).toBe(false);
    await expandTreeNode(page, '新疆维吾尔自治区');
    await expandTreeNode(page, '阿克苏地区');
    await expandTreeNode(page, '拜城县');
    await tree.getByText('拜城镇').first().click();
    await expect.poll(() => page.getByTestId('jurisdiction-details').textContent()).toContain('652926100');
    expect(childRequests.some((u) => u.includes('652926'))).toBe(true);

    // Users: create a township officer for 拜城镇 with a generated temporary password.
    await page.getByTestId('menu-users').click();
    await page.getByTestId('user-create-button').click();
    await page.getByTestId('user-form-username').fill('wang.fang');
    await page.getByTestId('user-form-displayname').fill('王芳');
    await page.getByTestId('user-form-role').click();
    await page.locator('.ant-select-item-option', { hasText: '乡镇' }).first().click();
    await page.getByTestId('user-form-scope').click();
    await page.keyboard.type('拜城镇');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '652926100' }).first().click();
    await page.getByTestId('user-form-submit').click();
    const temporary = (await page.getByTestId('temp-password').textContent())?.trim() ?? '';
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await page.getByTestId('temp-password-close').click();
    await page.getByTestId('temp-password').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('user-table').textContent()).toContain('王芳');

    // The administrator does not read the audit log (separation of duties): no menu entry.
    expect(await page.getByTestId('menu-audit').count()).toBe(0);
    await page.getByTestId('logout-button').click();
    await page.getByTestId('login-username').waitFor();

    // The new user must set a password of their own before anything else.
    await signIn(page, 'wang.fang', temporary);
    await page.getByTestId('new-password').waitFor();
    await page.getByTestId('current-password').fill(temporary);
    await page.getByTestId('new-password').fill('Baicheng#Town2026');
    await page.getByTestId('confirm-password').fill('Baicheng#Town2026');
    await page.getByTestId('password-submit').click();
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('王芳');
    // A township officer has no user administration in the menu and is refused the page.
    expect(await page.getByTestId('menu-users').count()).toBe(0);
    await page.goto(`${server.url}/users`);
    await expect.poll(() => page.locator('body').textContent()).toContain('无权');
    await page.getByTestId('logout-button').click();

    // The auditor sees the creation in the audit log, and the hash chain verifies.
    await signIn(page, 'auditor', DEMO_PASSWORD);
    await page.getByTestId('menu-audit').click();
    await expect.poll(() => page.getByTestId('audit-table').textContent()).toContain('user.create');
    await page.getByTestId('audit-verify-button').click();
    await expect.poll(() => page.getByTestId('audit-verify-result').textContent()).toContain('日志链完整');
    await page.close();
  });

  it('works for a village worker on a phone screen', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, 'village', DEMO_PASSWORD);
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('menu-jurisdictions').click();
    // The worker's tree starts at their own village and shows nothing outside it.
    await page.getByTestId('jurisdiction-tree').waitFor();
    await expect.poll(() => page.getByTestId('jurisdiction-details').textContent()).toContain('652926100');
    expect(await page.getByText('铁热克镇').count()).toBe(0);
    // A string, so the node-side typecheck needs no DOM types.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
