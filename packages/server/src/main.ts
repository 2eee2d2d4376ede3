// Composition root for `renkou serve`: configuration → application → HTTP server → audit sealer.
import type { Application } from './application';
import type { Config } from './config';
import { buildHttpApp } from './http/http-app';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const SEAL_INTERVAL_MS = 2000;

export async function startServer(app: Application, config: Config): Promise<RunningServer> {
  const server = await buildHttpApp(app, {
    logLevel: config.logLevel,
    secureCookies: config.secureCookies,
    webDir: config.webDir,
  });
  await server.listen({ port: config.port, host: config.host });
  const sealer = setInterval(() => {
    app.audit
      .sealPending()
      .catch((error: unknown) => server.log.error({ err: error }, 'audit sealing failed'));
  }, SEAL_INTERVAL_MS);
  sealer.unref();
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://${config.host}:${port}`,
    close: async () => {
      clearInterval(sealer);
      await server.close();
      await app.audit.sealPending();
    },
  };
}
