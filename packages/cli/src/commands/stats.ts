import type { Command } from 'commander';
import { contextFrom, withApplication, type GlobalOptions } from '../context';
import { registerStatsRebuild } from './stats-rebuild';

interface StatsOptions {
  jurisdiction: string;
  from: string;
  to: string;
  basis: 'residence' | 'hukou';
  children: boolean;
}

const fixed = (value: number | null, digits: number) => (value === null ? '—' : value.toFixed(digits));

export function registerStats(program: Command): void {
  const stats = program.command('stats');
  registerStatsRebuild(stats);
  stats
    .description(
      'the indicators of spec/indicators.md for a jurisdiction and period, with its child jurisdictions',
    )
    // Checked in the action, not as required options: commander would demand them of `stats rebuild` too.
    .option('--jurisdiction <code>', 'division code, e.g. 652926 (required)')
    .option('--from <date>', 'first day of the period (YYYY-MM-DD, required)')
    .option('--to <date>', 'last day of the period (YYYY-MM-DD, required)')
    .option('--basis <basis>', 'residence (现住地口径) or hukou (户籍口径)', 'residence')
    .option('--no-children', 'omit the child jurisdictions')
    .action(async (options: StatsOptions, command: Command) => {
      for (const name of ['jurisdiction', 'from', 'to'] as const)
        if (!options[name])
          command.error(`error: required option '--${name}' not specified`, {
            exitCode: 2,
            code: 'commander.missingMandatoryOptionValue',
          });
      const { config, output } = contextFrom(command.optsWithGlobals<GlobalOptions>());
      if (options.basis !== 'residence' && options.basis !== 'hukou')
        throw new Error(`--basis must be residence or hukou, not ${String(options.basis)}`);
      const result = await withApplication(config, (app) =>
        app.statistics.compute({
          jurisdiction: options.jurisdiction,
          from: options.from,
          to: options.to,
          basis: options.basis,
          children: options.children,
        }),
      );
      const line = (name: string, i: typeof result.indicators) =>
        `${name.padEnd(14)} 年末人口 ${String(i.population_end).padStart(8)}  出生 ${String(i.births).padStart(6)}  死亡 ${String(i.deaths).padStart(6)}  出生率 ${fixed(i.cbr, 2).padStart(6)}‰  死亡率 ${fixed(i.cdr, 2).padStart(6)}‰  出生性别比 ${fixed(i.srb, 1).padStart(6)}  总和生育率 ${fixed(i.tfr, 2)}`;
      output.result(
        result,
        [
          `${result.jurisdiction} ${result.from} 至 ${result.to}（${result.basis === 'residence' ? '现住地' : '户籍'}口径）`,
          line(result.jurisdiction, result.indicators),
          ...(result.children ?? []).map((c) => line(c.name, c.indicators)),
        ].join('\n'),
      );
    });
}
