import type { Command } from 'commander';
import { createDatabase, migrate } from '@renkou/db';
import { contextFrom, type GlobalOptions } from '../context';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply database migrations (also applied on every start)')
    .action(async (_options: object, command: Command) => {
      const { config, output } = contextFrom(command.optsWithGlobals<GlobalOptions>());
      const db = await createDatabase(config.database);
      try {
        const result = await migrate(db);
        output.result(
          result,
          result.applied.length
            ? `已应用迁移：${result.applied.join(', ')}`
            : `数据库已是最新（${result.alreadyApplied} 个迁移）`,
        );
      } finally {
        await db.destroy();
      }
    });
}
