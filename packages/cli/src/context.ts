import { loadConfig, openApplication, type Application, type Config } from '@renkou/server';
import { Output } from './output';

export interface GlobalOptions {
  data?: string;
  json?: boolean;
}

export interface CommandContext {
  config: Config;
  output: Output;
}

export function contextFrom(options: GlobalOptions, overrides: { port?: number } = {}): CommandContext {
  return {
    config: loadConfig(process.env, { ...(options.data ? { dataDir: options.data } : {}), ...overrides }),
    output: new Output(options.json ?? false),
  };
}

/** Opens the application, runs the work, seals the audit rows it wrote and closes everything. */
export async function withApplication<T>(config: Config, work: (app: Application) => Promise<T>): Promise<T> {
  const app = await openApplication(config);
  try {
    return await work(app);
  } finally {
    await app.audit.sealPending().catch(() => undefined);
    await app.close();
  }
}
