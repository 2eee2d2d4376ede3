import type { Command } from 'commander';
import { contextFrom, withApplication, type GlobalOptions } from '../context';

interface ProjectOptions {
  jurisdiction: string;
  base: string;
  years: string;
  tfr?: string;
  migration: boolean;
}

const names = { low: '低方案', medium: '中方案', high: '高方案' } as const;
const int = (n: number) => Math.round(n).toLocaleString('zh-CN');

export function registerProject(program: Command): void {
  program
    .command('project')
    .description('cohort-component projection from the register: low, medium and high fertility scenarios')
    .requiredOption('--jurisdiction <code>', 'division code, e.g. 652926')
    .requiredOption(
      '--base <date>',
      'base date (YYYY-MM-DD): population on this day, rates from the 5 years before',
    )
    .option('--years <n>', 'years to project, 5 to 50 (in 5-year steps)', '20')
    .option('--tfr <x>', 'total fertility of the medium scenario (default: observed)')
    .option('--no-migration', 'a closed population (no net migration)')
    .action(async (options: ProjectOptions, command: Command) => {
      const { config, output } = contextFrom(command.optsWithGlobals<GlobalOptions>());
      const years = Number(options.years);
      const tfr = options.tfr === undefined ? undefined : Number(options.tfr);
      const result = await withApplication(config, (app) =>
        app.statistics.project({
          jurisdiction: options.jurisdiction,
          base: options.base,
          years,
          ...(tfr !== undefined ? { tfr } : {}),
          migration: options.migration,
        }),
      );
      const { observed } = result;
      const lines = [
        `${result.jurisdiction} 基期 ${result.base}（基期率取自 ${result.window.from} 至 ${result.window.to}）`,
        `观测：总和生育率 ${observed.tfr.toFixed(2)}，出生性别比 ${observed.srb.toFixed(1)}，预期寿命 男 ${observed.e0Male.toFixed(1)} 女 ${observed.e0Female.toFixed(1)}`,
      ];
      for (const scenario of result.scenarios) {
        lines.push(`${names[scenario.name]}（总和生育率 ${scenario.tfr.toFixed(2)}）`);
        lines.push('  年份      总人口   年出生   3-5岁   6-11岁  12-14岁   65岁+   80岁+');
        for (const y of scenario.years)
          lines.push(
            `  ${y.year}  ${int(y.total).padStart(9)} ${(y.birthsPerYear === null ? '—' : int(y.birthsPerYear)).padStart(8)} ${int(y.age3to5).padStart(7)} ${int(y.age6to11).padStart(8)} ${int(y.age12to14).padStart(8)} ${int(y.age65plus).padStart(7)} ${int(y.age80plus).padStart(7)}`,
          );
      }
      output.result(result, lines.join('\n'));
    });
}
