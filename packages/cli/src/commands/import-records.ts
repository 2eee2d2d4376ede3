import type { Command } from 'commander';
import { contextFrom, withApplication, type GlobalOptions } from '../context';
import { HandledFailure } from '../failure';

export function registerImportRecords(program: Command): void {
  const imports =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('import files');
  imports
    .command('records <file>')
    .description(
      "import one department's file (hospital_births, hukou, civil_deaths, civil_marriages); any bad row rejects the whole file, listed in FILE.report.csv",
    )
    .requiredOption('--source <name>', 'hospital_births | hukou | civil_deaths | civil_marriages')
    .action(async (file: string, options: { source: string }, command: Command) => {
      const { config, output } = contextFrom(command.optsWithGlobals<GlobalOptions>());
      const result = await withApplication(config, (app) =>
        app.records.importFile(options.source, file, 'cli'),
      );
      const firstProblems = result.problems
        .slice(0, 10)
        .map((p) => `  第 ${p.row} 行 ${p.field}：${p.message}`);
      output.result(
        result,
        result.status === 'done'
          ? `已导入 ${result.source}：${result.rows} 行，新增 ${result.added}，未变 ${result.unchanged}`
          : [`文件未导入：${result.problems.length} 处问题（报告：${result.report}）`, ...firstProblems].join(
              '\n',
            ),
      );
      if (result.status === 'rejected')
        throw new HandledFailure(
          `${file}：文件未导入，${result.problems.length} 处问题，见 ${result.report}`,
        );
    });
}
