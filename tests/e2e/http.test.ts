// The started product over real HTTP: health, request ids, the session cookie and the OpenAPI page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type StartedServer } from './server-process';

let server: StartedServer;
beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(async () => server?.stop());

describe('started server', () => {
  it('prints the demo accounts and answers health with a request id', async () => {
    expect(server.output()).toContain('演示账号');
    const response = await fetch(`${server.url}/api/health`);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets an http-only session cookie at login and ends the session at logout', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'county', password: 'Renkou#Demo2026' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = cookie.split(';')[0] ?? '';
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: session } });
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('county');
    await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie: session } });
    const after = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: session } });
    expect(after.status).toBe(401);
  });

  it('serves the API documentation and the web app from its own origin', async () => {
    expect((await fetch(`${server.url}/api/docs`)).status).toBe(200);
    const page = await fetch(`${server.url}/users`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[a-z]/i);
  });
});
