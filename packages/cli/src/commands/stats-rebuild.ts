import type { Command } from 'commander';
import { contextFrom, withApplication, type GlobalOptions } from '../context';
import { HandledFailure } from '../failure';

/** `renkou stats rebuild`: the aggregate tables recomputed from the register, compared with what they held. */
export function registerStatsRebuild(stats: Command): void {
  stats
    .command('rebuild')
    .description(
      'recompute the statistics aggregate tables from the register and report how far the incremental state was off',
    )
    .action(async (_options: object, command: Command) => {
      const { config, output } = contextFrom(command.optsWithGlobals<GlobalOptions>());
      const report = await withApplication(config, (app) => app.statistics.cubes.rebuild());
      if (!report) throw new HandledFailure('登记库还没有数据，无需重建统计汇总表');
      const { cells } = report;
      output.result(
        report,
        [
          `统计汇总表已重建：${report.persons} 人，用时 ${report.seconds.toFixed(1)} 秒`,
          `人口 ${cells.population} 行（区划×月），出生与死亡 ${cells.events} 格，迁移 ${cells.moves} 格，现住与户籍 ${cells.residents} 行`,
          report.differences === null
            ? '首次建立汇总表（此前没有可比较的增量结果）'
            : report.differences === 0
              ? '重建结果与增量维护的结果完全相同'
              : `重建前的汇总表有 ${report.differences} 行与重建结果不同（已改正）`,
        ].join('\n'),
      );
    });
}
