// Configuration from the environment, validated once at start-up; every problem is listed at once.
import { join } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  RENKOU_DATA_DIR: z.string().min(1).default('./data'),
  RENKOU_MASTER_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64,}$/, 'must be at least 64 hex characters (32 bytes)')
    .optional(),
  RENKOU_TLS: z.enum(['true', 'false']).default('false'),
  RENKOU_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RENKOU_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(480).default(30),
  RENKOU_ADMIN_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(480).default(15),
  RENKOU_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  RENKOU_WEB_DIR: z.string().optional(),
  /** Tests only: a file holding how many days the business clock runs ahead (offset-clock.ts). */
  RENKOU_CLOCK_FILE: z.string().min(1).optional(),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  masterKeyHex?: string;
  masterKeyFile: string;
  secureCookies: boolean;
  logLevel: string;
  sessionIdleMinutes: number;
  adminSessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  webDir: string;
  /** Tests only: see RENKOU_CLOCK_FILE. */
  clockFile?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment (and CLI overrides); throws ConfigError naming every bad variable. */
export function loadConfig(
  env: Record<string, string | undefined>,
  overrides: { dataDir?: string; port?: number } = {},
): Config {
  const parsed = envSchema.safeParse({
    ...env,
    ...(overrides.dataDir ? { RENKOU_DATA_DIR: overrides.dataDir } : {}),
    ...(overrides.port !== undefined ? { PORT: String(overrides.port) } : {}),
  });
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: join(e.RENKOU_DATA_DIR, 'pglite') },
    dataDir: e.RENKOU_DATA_DIR,
    ...(e.RENKOU_MASTER_KEY ? { masterKeyHex: e.RENKOU_MASTER_KEY } : {}),
    masterKeyFile: join(e.RENKOU_DATA_DIR, 'master.key'),
    secureCookies: e.RENKOU_TLS === 'true',
    logLevel: e.RENKOU_LOG_LEVEL,
    sessionIdleMinutes: e.RENKOU_SESSION_IDLE_MINUTES,
    adminSessionIdleMinutes: e.RENKOU_ADMIN_SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.RENKOU_SESSION_ABSOLUTE_HOURS,
    webDir: e.RENKOU_WEB_DIR ?? join(import.meta.dirname, '..', '..', 'web', 'dist'),
    ...(e.RENKOU_CLOCK_FILE ? { clockFile: e.RENKOU_CLOCK_FILE } : {}),
  };
}
