import type { Command } from 'commander';
import { contextFrom, withApplication, type GlobalOptions } from '../context';

export function registerExportRegister(program: Command): void {
  const exports =
    program.commands.find((c) => c.name() === 'export') ??
    program.command('export').description('export files');
  exports
    .command('register <dir>')
    .description('write the register as dataset.json, persons.csv and events.csv (re-importable)')
    .action(async (dir: string, _options: object, command: Command) => {
      const { config, output } = contextFrom(command.optsWithGlobals<GlobalOptions>());
      const counts = await withApplication(config, (app) => app.register.exportDirectory(dir, 'cli'));
      output.result(
        { ...counts, dir },
        `已导出 ${counts.persons} 名基线人员、${counts.events} 个事件到 ${dir}`,
      );
    });
}
