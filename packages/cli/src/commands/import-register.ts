import type { Command } from 'commander';
import { contextFrom, withApplication, type GlobalOptions } from '../context';

export function registerImportRegister(program: Command): void {
  const imports =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('import files');
  imports
    .command('register <dir>')
    .description(
      'import a register dataset (dataset.json, persons.csv/.xlsx, events.csv/.xlsx); bad rows are rejected and listed in DIR/import-report.csv',
    )
    .action(async (dir: string, _options: object, command: Command) => {
      const { config, output } = contextFrom(command.optsWithGlobals<GlobalOptions>());
      const counter = output.counter();
      const result = await withApplication(config, (app) =>
        app.register.importDirectory(dir, {
          username: 'cli',
          onProgress: (p) => counter.update(`${p.file}：已读 ${p.rows.toLocaleString('zh-CN')} 行`),
        }),
      );
      counter.stop();
      const { accepted, rejected, unchanged, warnings, report } = result;
      const summary = { accepted, rejected, unchanged, warnings, report };
      const firstProblems = result.problems
        .filter((p) => p.severity === 'error')
        .slice(0, 10)
        .map((p) => `  ${p.file} 第 ${p.row} 行 ${p.field}：${p.message}`);
      output.result(
        summary,
        [
          `导入完成：接受 ${accepted}，拒绝 ${rejected}，未变 ${unchanged}，警告 ${warnings}`,
          accepted === 0 && rejected === 0 && unchanged > 0 ? '此前已导入过同样的数据，登记库没有变化。' : '',
          ...firstProblems,
          rejected > 10 ? `  …其余见报告` : '',
          `报告：${report}`,
        ]
          .filter((l) => l !== '')
          .join('\n'),
      );
    });
}
