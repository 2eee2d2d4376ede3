import type { Command } from 'commander';
import { contextFrom, withApplication, type GlobalOptions } from '../context';
import { HandledFailure } from '../failure';

export function registerRegisterVerify(program: Command): void {
  const register = program.command('register').description('population register');
  register
    .command('verify')
    .description('replay the event log and prove the persons projection and place history equal it')
    .action(async (_options: object, command: Command) => {
      const { config, output } = contextFrom(command.optsWithGlobals<GlobalOptions>());
      const report = await withApplication(config, (app) => app.register.verify());
      output.result(
        report,
        report.ok
          ? `登记库一致：重放 ${report.events} 条日志，${report.persons} 人与投影完全相同`
          : `登记库与日志不一致：\n${report.problems.join('\n')}`,
      );
      if (!report.ok) throw new HandledFailure(`登记库投影与日志不一致：${report.problems.length} 处`);
    });
}
