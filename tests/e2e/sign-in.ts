// Signing the demo users in, through the login page or over HTTP (they share one password), and the
// register the demo seeded.
import { request, type APIRequestContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const DEMO_PASSWORD = 'Renkou#Demo2026';

/** The signed-in layout: the user's name on a wide screen, the menu button on a phone. */
export const signedIn = (page: Page) =>
  page.getByTestId('current-user').or(page.getByTestId('menu-toggle')).first();

/** Signs in through the login page and waits for the signed-in layout. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await signedIn(page).waitFor();
}

/** An HTTP client with the session cookie of a demo user. */
export async function apiAs(baseUrl: string, username: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: baseUrl });
  const login = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  return api;
}

/** The last calendar year the demo register covers in full (the dashboards' default period). */
export async function lastFullYear(api: APIRequestContext): Promise<number> {
  const { dataset } = (await (await api.get('/api/register/dataset')).json()) as {
    dataset: { start: string; end: string } | null;
  };
  if (!dataset) throw new Error('renkou demo seeded no register (RENKOU_DEMO_PERSONS); these tests need one');
  return Number(dataset.end.slice(0, 4)) - (dataset.end.endsWith('-12-31') ? 0 : 1);
}
