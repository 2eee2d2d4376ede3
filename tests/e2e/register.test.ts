// The register in Chromium: a township officer registers a birth to a woman of the demo register and
// finds the child by pinyin, and a newcomer's hukou transfer from outside the county; a person of
// another township reads as not found; a leader has no forms; a county officer sees a full ID number
// only after stating a purpose and re-entering the password.
import type { APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startDemoServer, type StartedServer } from './server-process';
import { apiAs, DEMO_PASSWORD, signIn } from './sign-in';

const TOWNSHIP = '652926100'; // 拜城镇, the scope of the demo user `township`
const CHILD_NAME = '滕瑞霖';
const CHILD_PINYIN = 'tengruilin';
const NEWCOMER_NAME = '鲍文澜';
const NEWCOMER_PINYIN = 'baowenlan';

interface PersonSummary {
  personKey: string;
  name: string;
  sex: number;
  birthDate: string;
  idNumberMasked: string | null;
  residenceCode: string;
  hukouCode: string;
  status: string;
}

let server: StartedServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  const api = await apiAs(server.url, 'township');
  const { dataset } = (await (await api.get('/api/register/dataset')).json()) as { dataset: unknown };
  await api.dispose();
  if (!dataset) throw new Error('renkou demo seeded no register (RENKOU_DEMO_PERSONS); these tests need one');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function persons(api: APIRequestContext, query: string): Promise<PersonSummary[]> {
  const response = await api.get(`/api/persons?${query}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: PersonSummary[] }).items;
}

const ageOn = (birthDate: string, day: Date) =>
  (day.getTime() - Date.parse(`${birthDate}T00:00:00Z`)) / (365.2425 * 86_400_000);

describe('register pages in Chromium', () => {
  it('registers a birth to a woman of the register and finds the child by pinyin', async () => {
    // A woman of 拜城镇 aged 20–40 who lives and is registered there.
    const api = await apiAs(server.url, 'township');
    const women = await persons(api, `sex=2&status=resident&jurisdiction=${TOWNSHIP}&pageSize=50`);
    await api.dispose();
    const today = new Date();
    const mother = women.find(
      (w) =>
        ageOn(w.birthDate, today) >= 20 &&
        ageOn(w.birthDate, today) <= 40 &&
        w.idNumberMasked !== null &&
        w.residenceCode.startsWith(TOWNSHIP) &&
        w.hukouCode.startsWith(TOWNSHIP),
    );
    expect(mother, 'a woman aged 20–40 in 拜城镇').toBeDefined();
    if (!mother) return;
    const birthDate = new Date(today.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);

    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signIn(page, server.url, 'township');
    await page.getByTestId('menu-register-birth').click();

    // The mother, found by name and told apart by her masked ID number.
    await page.getByTestId('birth-mother-search').click();
    await page.keyboard.type(mother.name);
    await page
      .getByTestId('birth-mother-option')
      .filter({ hasText: mother.idNumberMasked ?? '' })
      .first()
      .click();
    await page.getByTestId('birth-name').fill(CHILD_NAME);
    await page.getByTestId('birth-sex').getByText('女').click();
    await page.getByTestId('birth-date').click();
    await page.getByTestId('birth-date').fill(birthDate);
    await page.keyboard.press('Tab');
    // The hukou village comes prefilled with the mother's.
    await expect.poll(() => page.getByTestId('birth-hukou').textContent()).toContain(mother.hukouCode);
    await page.getByTestId('birth-submit').click();

    // The child's page opens.
    await page.waitForURL(/\/persons\/b-/);
    await expect.poll(() => page.getByTestId('person-detail').textContent()).toContain(CHILD_NAME);
    await expect.poll(() => page.getByTestId('person-family').textContent()).toContain(mother.name);

    // 人口查询 by pinyin finds the child; a click opens the page with the birth on the timeline.
    await page.getByTestId('menu-persons').click();
    await page.getByTestId('person-search-input').fill(CHILD_PINYIN);
    await page.getByTestId('person-search-button').click();
    const row = page.getByTestId('person-table').getByText(CHILD_NAME).first();
    await row.click();
    await expect.poll(() => page.getByTestId('person-detail').textContent()).toContain(CHILD_NAME);
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain(birthDate);
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('出生');
    await page.close();
  });

  it('registers a newcomer from outside the county on the hukou form and finds them by pinyin', async () => {
    // A village of 拜城镇 to settle in: any resident's hukou village there.
    const api = await apiAs(server.url, 'township');
    const local = (await persons(api, `status=resident&jurisdiction=${TOWNSHIP}&pageSize=50`)).find((p) =>
      p.hukouCode.startsWith(TOWNSHIP),
    );
    await api.dispose();
    expect(local, 'a resident of 拜城镇').toBeDefined();
    if (!local) return;
    const village = local.hukouCode.padEnd(12, '0');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signIn(page, server.url, 'township');
    await page.goto(`${server.url}/register/new/hukou`);
    await page.getByTestId('subject-mode').getByText('辖区外迁入的新人员').click();
    await page.getByTestId('arrival-name').fill(NEWCOMER_NAME);
    await page.getByTestId('arrival-sex').getByText('男').click();
    await page.getByTestId('arrival-birth-date').fill('1988-07-15');
    await page.getByTestId('arrival-id-number').fill('650102198807150030');
    await page.getByTestId('event-date').click();
    await page.getByTestId('event-date').fill(yesterday);
    await page.keyboard.press('Tab');
    // A newcomer's origin is typed as a code from the start (乌鲁木齐市天山区).
    await page.getByTestId('event-from-code').fill('650102000000');
    await page.getByText('辖区外地址，输入区划代码').click();
    await page.getByTestId('event-to-code').fill(village);
    await page.getByTestId('event-submit').click();

    await page.waitForURL(/\/persons\/a-/);
    await expect.poll(() => page.getByTestId('person-detail').textContent()).toContain(NEWCOMER_NAME);
    await page.getByTestId('menu-persons').click();
    await page.getByTestId('person-search-input').fill(NEWCOMER_PINYIN);
    await page.getByTestId('person-search-button').click();
    await page.getByTestId('person-table').getByText(NEWCOMER_NAME).first().click();
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain(yesterday);
    await page.close();
  });

  it('keeps another township out and shows leaders no register forms', async () => {
    // Someone of 铁热克镇 who neither lives nor is registered in 拜城镇.
    const api = await apiAs(server.url, 'township2');
    const other = (await persons(api, 'status=resident&pageSize=50')).find(
      (p) => !p.residenceCode.startsWith(TOWNSHIP) && !p.hukouCode.startsWith(TOWNSHIP),
    );
    await api.dispose();
    expect(other, 'a person of 铁热克镇').toBeDefined();
    if (!other) return;

    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, server.url, 'township');
    await page.goto(`${server.url}/persons/${encodeURIComponent(other.personKey)}`);
    await page.getByTestId('person-not-found').waitFor();
    expect(await page.getByTestId('person-detail').count()).toBe(0);

    // The search page works on a phone: results as cards, nothing wider than the screen.
    await page.goto(`${server.url}/persons`);
    await page.getByTestId('person-table').locator('.ant-card').first().waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId('logout-button').click();
    await page.getByTestId('login-username').waitFor();

    await page.setViewportSize({ width: 1366, height: 860 });
    await signIn(page, server.url, 'leader');
    await page.getByTestId('menu-home').waitFor();
    expect(await page.getByTestId('menu-register-birth').count()).toBe(0);
    expect(await page.getByTestId('menu-register-import').count()).toBe(0);
    await page.goto(`${server.url}/register/new/birth`);
    await expect.poll(() => page.locator('body').textContent()).toContain('无权');
    await page.close();
  });

  it('shows the full ID number only with a purpose and the password re-entered', async () => {
    const api = await apiAs(server.url, 'county');
    const person = (await persons(api, 'status=resident&pageSize=20')).find((p) => p.idNumberMasked);
    await api.dispose();
    expect(person).toBeDefined();
    if (!person) return;

    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signIn(page, server.url, 'county');
    await page.goto(`${server.url}/persons/${encodeURIComponent(person.personKey)}`);
    await page.getByTestId('reveal-id-button').click();
    await page.getByTestId('reveal-purpose').fill('核对出生登记');
    await page.getByTestId('reveal-submit').click();
    await page.getByTestId('reveal-password').fill(DEMO_PASSWORD);
    await page.getByTestId('reveal-submit').click();
    await expect.poll(() => page.getByTestId('revealed-id').textContent()).toMatch(/^\d{17}[\dX]$/);
    const full = (await page.getByTestId('revealed-id').textContent()) ?? '';
    expect(full.slice(-4)).toBe(person.idNumberMasked?.slice(-4));
    await page.close();
  });
});
