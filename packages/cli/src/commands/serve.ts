import type { Command } from 'commander';
import { openApplication, startServer, type Application, type Config } from '@renkou/server';
import { contextFrom, type GlobalOptions } from '../context';
import type { Output } from '../output';

/** Serves until SIGINT/SIGTERM, then closes the server and the database cleanly. */
export async function serveUntilStopped(app: Application, config: Config, output: Output): Promise<void> {
  const running = await startServer(app, config);
  output.info(`人口家庭服务信息平台已启动：${running.url}  （Ctrl+C 停止）`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  await app.close();
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the server and web app (never seeds)')
    .option('--port <port>', 'port', (v) => Number.parseInt(v, 10))
    .action(async (options: { port?: number }, command: Command) => {
      const { config, output } = contextFrom(
        command.optsWithGlobals<GlobalOptions>(),
        options.port ? { port: options.port } : {},
      );
      const app = await openApplication(config);
      await serveUntilStopped(app, config, output);
    });
}
