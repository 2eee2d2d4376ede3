import type { Command } from 'commander';
import { contextFrom, withApplication, type GlobalOptions } from '../context';
import { HandledFailure } from '../failure';

export function registerAuditVerify(program: Command): void {
  const audit = program.command('audit').description('audit log');
  audit
    .command('verify')
    .description(
      'verify the hash chain of the audit log; exits 1 when a row was altered, removed or inserted',
    )
    .action(async (_options: object, command: Command) => {
      const { config, output } = contextFrom(command.optsWithGlobals<GlobalOptions>());
      const report = await withApplication(config, (app) => app.audit.verify());
      output.result(
        report,
        report.ok
          ? `审计日志链完整：已校验 ${report.checked} 条，待封存 ${report.pending} 条`
          : `审计日志链被破坏：\n${report.problems.join('\n')}`,
      );
      if (!report.ok) throw new HandledFailure(`审计日志链被破坏：${report.problems.length} 处`);
    });
}
