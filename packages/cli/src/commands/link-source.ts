// `renkou link --source NAME [--out FILE]` (spec/interchange.md §3): a department's imported records
// against the register, or (NAME register) the register against itself for its duplicates. The run and every decision are stored (the 核对 worklists read them; a rerun
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
      "link a department's imported records against the register (hospital_births, civil_deaths, hukou), or the register against itself (register: its duplicates)",
    )
    .option(
      '--out <file>',
      'write record_id,person_id,match_probability,decision (register: person_id_l,person_id_r,match_probability)',
    )
    .action(async (options: { source?: string; out?: string }, command: Command) => {
      if (!options.source) {
        command.help({ error: true });
        return;
      }
      const source = options.source;
      const { config, output } = contextFrom(command.optsWithGlobals<GlobalOptions>());
      const { runId, decisions, pairs, counts } = await withApplication(config, (app) =>
        app.records.link(source, 'cli'),
      );
      if (source === 'register') {
        if (options.out) {
          const lines = pairs.map(
            (p) => `${p.personKeyA},${p.personKeyB},${Number(p.probability.toPrecision(6))}`,
          );
          writeFileSync(options.out, `person_id_l,person_id_r,match_probability\n${lines.join('\n')}\n`);
        }
        output.result(
          { ...counts, run_id: runId, ...(options.out ? { out: options.out } : {}) },
          `登记库查重：${counts.persons ?? 0} 人，可能重复 ${counts.pairs ?? 0} 对（很可能 ${counts.likely ?? 0} 对）；已保存（任务 ${runId}，保留已处理的 ${counts.kept ?? 0} 对），请在“核对 → 重复登记”中逐对处理`,
        );
        return;
      }
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
