// A signed-in HTTP client over Fastify's inject (no socket), for route tests.
import type { FastifyInstance } from 'fastify';
import { TEST_PASSWORD } from './test-application';

export interface Answer {
  status: number;
  body: Record<string, unknown> & { code?: string; message?: string };
}

export class TestClient {
  private cookie = '';
  constructor(private readonly server: FastifyInstance) {}

  /** A client signed in as `username` (with the test password); throws when the login fails. */
  static async signedIn(server: FastifyInstance, username: string): Promise<TestClient> {
    const client = new TestClient(server);
    const answer = await client.login(username);
    if (answer.status !== 200)
      throw new Error(`login of ${username}: ${answer.status} ${answer.body.message}`);
    return client;
  }

  async login(username: string, password = TEST_PASSWORD): Promise<Answer> {
    const response = await this.server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    const setCookie = response.headers['set-cookie'];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (first) this.cookie = first.split(';')[0] ?? '';
    return { status: response.statusCode, body: response.json() };
  }

  async request(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown): Promise<Answer> {
    const response = await this.server.inject({
      method,
      url,
      headers: this.cookie ? { cookie: this.cookie } : {},
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });
    return { status: response.statusCode, body: response.json() };
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload?: unknown) {
    return this.request('POST', url, payload);
  }
  patch(url: string, payload: unknown) {
    return this.request('PATCH', url, payload);
  }
}
