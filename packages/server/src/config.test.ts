import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to PGlite in ./data', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'pglite', dataDir: 'data/pglite' });
    expect(config.port).toBe(3000);
    expect(config.sessionIdleMinutes).toBe(30);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/renkou' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@127.0.0.1:5432/renkou',
    });
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        RENKOU_MASTER_KEY: 'short',
        RENKOU_TLS: 'maybe',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'RENKOU_MASTER_KEY', 'RENKOU_TLS'])
        expect(problems).toContain(name);
    }
  });
});
