// The benefits pages in Chromium: the county officer opens 利益导向项目 and sees 特扶 at ¥590.00 a
// month (the national amount since 2022-07-01), then runs a 特扶 screening over the demo county and
// opens one decision's explanation, which names the rules that passed or failed. Then a 育儿补贴 case
// entered and approved by the village level (over HTTP) appears on the township's printable 公示 with
// only the permitted columns, and the dashboard and the worklists (life events, 年审) open. Last, one
// application walks from entry through a 1-day 公示 (the server's test clock, RENKOU_CLOCK_FILE, is
// moved two days ahead) and the township and county reviews to a paid batch, and the person page
// shows it paid.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startDemoServer, type StartedServer } from './server-process';
import { DEMO_PASSWORD, signIn } from './sign-in';

const WALK_PASSWORD = 'Renkou#Walk2026x';

let server: StartedServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

// The server's business clock runs as many days ahead as this file says (none while it is absent).
const clockDir = mkdtempSync(join(tmpdir(), 'renkou-clock-'));
const clockFile = join(clockDir, 'days-ahead');

beforeAll(async () => {
  process.env.RENKOU_CLOCK_FILE = clockFile;
  server = await startDemoServer();
  delete process.env.RENKOU_CLOCK_FILE;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(clockDir, { recursive: true, force: true });
});

describe('benefits pages in Chromium', () => {
  it('shows 特扶 at ¥590.00 and a screening decision with its explanation', async () => {
    const page = await browser.context.newPage();
    await signIn(page, server.url, 'county');

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

  it('posts an approved case on the printable 公示 and opens the dashboard and the worklists', async () => {
    // Over HTTP: the township enters a 育儿补贴 case for an eligible child, the county approves it
    // at the village level with a 7-day 公示.
    const township = await apiSession('township');
    const screening = (await township.get(
      '/api/benefits/programmes/yuer_butie/screening?outcome=eligible&pageSize=1',
    )) as { total: number; items: { personKey: string; name: string }[] };
    expect(screening.total).toBeGreaterThan(0);
    const child = screening.items[0]!;
    const entered = (await township.post('/api/benefits/applications', {
      programmeCode: 'yuer_butie',
      personKey: child.personKey,
      channel: 'family',
    })) as { id: string };
    const county = await apiSession('county');
    await county.post(`/api/benefits/applications/${entered.id}/actions`, {
      action: 'villageApprove',
      noticeDays: 7,
    });

    // The first test left the county signed in: start from the login page again.
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signIn(page, server.url, 'township');
    await page.getByTestId('menu-benefit-notices').click();
    const row = page.getByTestId('notice-row').filter({ hasText: child.name });
    await row.waitFor();
    expect(await row.textContent()).toContain('¥3,600.00');
    // Only the permitted columns: number, name, village, programme, amount, masked ID number.
    const headers = await page.getByTestId('notice-doc').first().locator('th').allTextContents();
    expect(headers).toEqual(['序号', '姓名', '村（居）', '项目', '金额', '身份证号']);
    expect(await page.getByTestId('notice-doc').first().textContent()).toMatch(/公示期为\d{4}年/);
    expect(await page.getByTestId('notice-excel').isEnabled()).toBe(true);

    // 项目概况 and the worklists open on the township's data.
    await page.getByTestId('menu-benefit-dashboard').click();
    await page.locator('[data-testid="benefit-dashboard"][data-state="ready"]').waitFor();
    expect(await page.getByTestId('dashboard-paid').textContent()).toMatch(/^¥[\d,]+\.\d{2}$/);
    await page.getByTestId('dashboard-month-chart').locator('canvas').first().waitFor();
    await page.getByTestId('menu-benefit-worklist').click();
    await page.getByTestId('life-event-table').waitFor();
    await page.getByRole('tab', { name: '年审' }).click();
    await page.getByTestId('review-table').waitFor();
    await page.close();
  });

  it('walks one application from entry through the 公示 and the reviews to a paid batch', async () => {
    // Separation of duties needs more people than the demo has: the administrator adds them.
    const admin = await apiSession('admin');
    const extra = async (username: string, role: string) => {
      const created = (await admin.post('/api/users', {
        username,
        displayName: username,
        role,
        scope: '652926',
      })) as { temporaryPassword: string };
      const first = await apiSession(username, created.temporaryPassword);
      await first.post('/api/auth/password', {
        currentPassword: created.temporaryPassword,
        newPassword: WALK_PASSWORD,
      });
    };
    for (const [username, role] of [
      ['county2', 'county_officer'],
      ['county3', 'county_officer'],
      ['finance2', 'finance'],
      ['finance3', 'finance'],
    ] as const) {
      await extra(username, role);
    }

    // Entry by the township for a child under 3 who has no case yet, with the family's bank account.
    const township = await apiSession('township');
    const screening = (await township.get(
      '/api/benefits/programmes/yuer_butie/screening?outcome=eligible&pageSize=20',
    )) as { items: { personKey: string; name: string }[] };
    let entered: { id: string; personKey: string } | undefined;
    for (const candidate of screening.items) {
      entered = (await township
        .post('/api/benefits/applications', {
          programmeCode: 'yuer_butie',
          personKey: candidate.personKey,
          channel: 'family',
          bankAccount: '6228480012345678',
          accountName: candidate.name,
        })
        .catch(() => undefined)) as { id: string; personKey: string } | undefined;
      if (entered) break;
    }
    expect(entered).toBeDefined();
    const id = entered!.id;
    const act = async (username: string, body: unknown) =>
      (await (
        await apiSession(username, username === 'county' ? DEMO_PASSWORD : WALK_PASSWORD)
      ).post(`/api/benefits/applications/${id}/actions`, body)) as { status: string };
    expect((await act('county2', { action: 'villageApprove', noticeDays: 1 })).status).toBe('public_notice');

    // Two days later the 公示 is over (sessions started before the jump have expired).
    writeFileSync(clockFile, '2');
    expect((await act('county2', { action: 'closeNotice' })).status).toBe('township_review');
    expect((await act('county', { action: 'townshipApprove' })).status).toBe('county_review');
    expect((await act('county3', { action: 'countyApprove' })).status).toBe('enrolled');

    // Finance: built by one person, approved by another, paid out by a third; the bank pays it.
    // The server's business date (two days ahead now) decides the year to pay.
    const serverToday = (await (await apiSession('county')).get('/api/benefits/notices?village=652926')) as {
      date: string;
    };
    const year = serverToday.date.slice(0, 4);
    const finance = await apiSession('finance');
    const batch = (await finance.post('/api/benefits/batches', {
      programmeCode: 'yuer_butie',
      period: year,
      jurisdiction: '652926100',
      budgetFen: 100_000_000,
    })) as { id: string; lineCount: number; totalFen: number };
    expect(batch.lineCount).toBe(1);
    await (await apiSession('finance2', WALK_PASSWORD)).post(`/api/benefits/batches/${batch.id}/approve`);
    const payer = await apiSession('finance3', WALK_PASSWORD);
    const file = (await payer.post(`/api/benefits/batches/${batch.id}/bank-file`, { format: 'csv' })) as {
      content: string;
    };
    const results = file.content
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => {
        const [reference, account, , amount] = line.split(',');
        return `${reference},${account},${amount},成功,`;
      });
    const imported = (await payer.post(`/api/benefits/batches/${batch.id}/bank-results`, {
      fileName: 'result.csv',
      content: ['reference,account,amount,result,reason', ...results].join('\n'),
    })) as { paid: number; paidFen: number };
    expect(imported).toMatchObject({ paid: 1, paidFen: batch.totalFen });

    // The person page shows the family's benefit as enrolled and paid.
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signIn(page, server.url, 'township');
    await page.goto(`${server.url}/persons/${encodeURIComponent(entered!.personKey)}`);
    const benefits = page.getByTestId('person-benefits');
    await benefits.locator('.ant-table-row').first().waitFor();
    const text = (await benefits.textContent()) ?? '';
    expect(text).toContain('已纳入');
    // ¥ with two decimals from integer fen.
    const cents = String(batch.totalFen % 100).padStart(2, '0');
    expect(text).toContain(`¥${Math.floor(batch.totalFen / 100).toLocaleString('en-US')}.${cents}`);
    await page.close();
  });
});

/** A signed-in HTTP session of a demo user (the session cookie of its login). */
async function apiSession(username: string, password = DEMO_PASSWORD) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as unknown;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body),
  };
}
