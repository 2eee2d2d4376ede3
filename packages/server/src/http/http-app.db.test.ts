// Scope rules, role rules and bad input through the real HTTP stack on a seeded county.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../testing/http-client';
import { openTestApplication, seedCounty } from '../testing/test-application';
import { buildHttpApp } from './http-app';

type App = Awaited<ReturnType<typeof openTestApplication>>;
let app: App;
let server: FastifyInstance;

beforeAll(async () => {
  app = await openTestApplication();
  await seedCounty(app);
  server = await buildHttpApp(app);
});
afterAll(async () => {
  await server.close();
  await app.close();
});

async function signedIn(username: string): Promise<TestClient> {
  const client = new TestClient(server);
  const answer = await client.login(username);
  expect(answer.status).toBe(200);
  return client;
}

describe('jurisdiction scope', () => {
  it('gives a township officer its own township and 403 on another', async () => {
    const township = await signedIn('township');
    const root = await township.get('/api/jurisdictions/root');
    expect(root.body).toMatchObject({ code: '652926100', name: '拜城镇' });
    const own = await township.get('/api/jurisdictions/652926100/children');
    expect(own.status).toBe(200);
    expect((own.body.items as unknown[]).length).toBeGreaterThan(0);
    const other = await township.get('/api/jurisdictions/652926101/children');
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('FORBIDDEN');
    expect((await township.get('/api/jurisdictions/652926101')).status).toBe(403);
    expect((await township.get('/api/jurisdictions/652926')).status).toBe(403);
  });

  it('searches only inside the scope', async () => {
    const township = await signedIn('township2');
    const found = await township.get(`/api/jurisdictions?q=${encodeURIComponent('居委会')}&limit=100`);
    const codes = (found.body.items as { code: string }[]).map((i) => i.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => c.startsWith('652926101'))).toBe(true);
  });

  it('lets the county officer walk the whole county lazily', async () => {
    const county = await signedIn('county');
    const townships = await county.get('/api/jurisdictions/652926/children');
    expect((townships.body.items as unknown[]).length).toBe(14);
    const padded = await county.get('/api/jurisdictions/652926100000');
    expect(padded.body).toMatchObject({ code: '652926100', level: 4 });
  });

  it('answers an unknown code with UNKNOWN_JURISDICTION', async () => {
    const county = await signedIn('county');
    const answer = await county.get('/api/jurisdictions/652926999');
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('UNKNOWN_JURISDICTION');
    expect((await county.get('/api/jurisdictions/12345/children')).body.code).toBe('UNKNOWN_JURISDICTION');
  });
});

describe('roles', () => {
  it('refuses writes to a leader and user lists to a township officer', async () => {
    const leader = await signedIn('leader');
    const create = await leader.post('/api/users', {
      username: 'newbie',
      displayName: '新人',
      role: 'village_worker',
      scope: '652926100',
    });
    expect(create.status).toBe(403);
    expect((await leader.get('/api/users')).status).toBe(403);
    expect((await (await signedIn('township')).get('/api/users')).status).toBe(403);
  });

  it('keeps the auditor to the audit console', async () => {
    const auditor = await signedIn('auditor');
    expect((await auditor.get('/api/audit')).status).toBe(200);
    expect((await auditor.get('/api/jurisdictions/root')).status).toBe(403);
    expect((await auditor.get('/api/users')).status).toBe(403);
    const verify = await auditor.post('/api/audit/verify');
    expect(verify.body).toMatchObject({ ok: true });
  });

  it('lets the admin create a user, who must change the temporary password first', async () => {
    const admin = await signedIn('admin');
    const created = await admin.post('/api/users', {
      username: 'Wang.Li',
      displayName: '王丽',
      role: 'village_worker',
      scope: '652926100002',
    });
    expect(created.status).toBe(200);
    const temporary = created.body.temporaryPassword as string;
    expect(temporary).toHaveLength(16);
    const user = new TestClient(server);
    const login = await user.login('wang.li', temporary);
    expect(login.body.mustChangePassword).toBe(true);
    expect((await user.get('/api/jurisdictions/root')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await user.post('/api/auth/password', {
      currentPassword: temporary,
      newPassword: 'password1',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('PASSWORD_POLICY');
    const changed = await user.post('/api/auth/password', {
      currentPassword: temporary,
      newPassword: 'Village#Worker88',
    });
    expect(changed.body.mustChangePassword).toBe(false);
    expect((await user.get('/api/jurisdictions/root')).body.code).toBe('652926100002');
  });

  it('refuses a scope outside the manager scope and an unknown scope', async () => {
    const admin = await signedIn('admin');
    const unknown = await admin.post('/api/users', {
      username: 'ghost',
      displayName: '无',
      role: 'leader',
      scope: '652926999',
    });
    expect(unknown.body.code).toBe('UNKNOWN_JURISDICTION');
    const duplicate = await admin.post('/api/users', {
      username: 'county',
      displayName: '重复',
      role: 'leader',
      scope: '652926',
    });
    expect(duplicate.status).toBe(409);
  });
});

describe('bad input', () => {
  it('answers malformed JSON, missing fields and unknown fields with 400 and a stable code', async () => {
    const malformed = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('MALFORMED_REQUEST');
    const client = new TestClient(server);
    const missing = await client.post('/api/auth/login', { username: 'admin' });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    const extra = await client.post('/api/auth/login', { username: 'admin', password: 'x', role: 'admin' });
    expect(extra.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers without a session with 401 and unknown routes with 404', async () => {
    const client = new TestClient(server);
    expect((await client.get('/api/users')).body.code).toBe('UNAUTHENTICATED');
    expect((await client.get('/api/nothing-here')).status).toBe(404);
  });

  it('serves the OpenAPI description', async () => {
    const response = await server.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toContain('/api/jurisdictions/{code}/children');
  });
});
