// `renkou link --source NAME [--out FILE]` (spec/interchange.md §3): a department's imported records
// against the register. The run and every decision are stored (the 核对 worklists read them; a rerun
// keeps what clerks resolved); with --out, also writes record_id,person_id,match_probability,decision.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { contextFrom, withApplication, type GlobalOptions } from '../context';

export function registerLinkSource(program: Command): void {
  const link =
    program.commands.find((c) => c.name() === 'link') ??
    program.command('link').description('record linkage');
  link
    .option(
      '--source <name>',
      "link a department's imported records against the register (hospital_births, civil_deaths)",
    )
    .option('--out <file>', 'write record_id,person_id,match_probability,decision')
    .action(async (options: { source?: string; out?: string }, command: Command) => {
      if (!options.source) {
        command.help({ error: true });
        return;
      }
      const source = options.source;
      const { config, output } = contextFrom(command.optsWithGlobals<GlobalOptions>());
      const { runId, decisions, counts } = await withApplication(config, (app) =>
        app.records.link(source, 'cli'),
      );
      if (options.out) {
        const lines = decisions.map(
          (d) => `${d.recordId},${d.personKey ?? ''},${Number(d.probability.toPrecision(6))},${d.decision}`,
        );
        writeFileSync(options.out, `record_id,person_id,match_probability,decision\n${lines.join('\n')}\n`);
      }
      const count = (d: string) => decisions.filter((x) => x.decision === d).length;
      const summary = {
        records: decisions.length,
        match: count('match'),
        review: count('review'),
        non_match: count('non_match'),
        run_id: runId,
        kept: counts.kept ?? 0,
      };
      output.result(
        { ...summary, ...(options.out ? { out: options.out } : {}) },
        `${source}：${summary.records} 条记录，匹配 ${summary.match}，待人工核对 ${summary.review}，未找到 ${summary.non_match}；已保存（任务 ${runId}，保留已处理的 ${summary.kept} 条）${options.out ? `（结果：${options.out}）` : ''}`,
      );
    });
}
