// `renkou link files A.csv [B.csv] --config MODEL.json --out PAIRS.csv [--clusters FILE]`
// (spec/interchange.md §3): deduplicates one file or links two with a model configuration
// (docs/linkage-model.md), writing `id_l,id_r,match_probability` for every scored pair. Nothing is
// written when an input or the model is bad. The benchmark reads files through readCsvTable too.
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import {
  CsvReader,
  LinkInputError,
  ModelConfigError,
  linkRecords,
  parseModelConfig,
  type LinkResult,
  type ModelConfig,
  type RecordTable,
} from '@renkou/core';
import { HandledFailure } from '../failure';
import { Output } from '../output';
import type { GlobalOptions } from '../context';

/** Reads a UTF-8 CSV file (BOM allowed, fields trimmed) in chunks; rejects other encodings. */
export async function readCsvTable(path: string): Promise<RecordTable> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const reader = new CsvReader(true);
  const rows: string[][] = [];
  try {
    for await (const chunk of createReadStream(path)) {
      for (const row of reader.push(decoder.decode(chunk as Buffer, { stream: true }))) rows.push(row);
    }
    for (const row of reader.push(decoder.decode())) rows.push(row);
  } catch (error) {
    if (error instanceof TypeError)
      throw new HandledFailure(`${path}: not valid UTF-8 (convert it, e.g. from GB18030)`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new HandledFailure(`${path}: no such file`);
    throw error;
  }
  for (const row of reader.end()) rows.push(row);
  const [header, ...body] = rows;
  if (!header) throw new HandledFailure(`${path}: empty file`);
  return { header, rows: body };
}

export function loadModel(path: string): ModelConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new HandledFailure(`${path}: cannot read the model configuration`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HandledFailure(`${path}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return parseModelConfig(json);
  } catch (error) {
    if (error instanceof ModelConfigError) throw new HandledFailure(`${path}: ${error.message}`);
    throw error;
  }
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes lines in large chunks, waiting when the stream is full. */
async function writeLines(
  path: string,
  header: string,
  lines: (emit: (line: string) => void) => void,
): Promise<void> {
  const stream = createWriteStream(path);
  let buffer = `${header}\n`;
  const pending: string[] = [];
  lines((line) => {
    buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      pending.push(buffer);
      buffer = '';
    }
  });
  pending.push(buffer);
  for (const chunk of pending) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}

export async function writePairs(path: string, result: LinkResult, minProbability: number): Promise<number> {
  const { ids, pairs, scores } = result;
  const quoted = ids.map(csvField);
  let written = 0;
  await writeLines(path, 'id_l,id_r,match_probability', (emit) => {
    for (let p = 0; p < pairs.length; p++) {
      const probability = scores.probabilities[p] as number;
      if (probability < minProbability) continue;
      emit(
        `${quoted[pairs.left[p] as number]},${quoted[pairs.right[p] as number]},${Number(probability.toPrecision(6))}`,
      );
      written++;
    }
  });
  return written;
}

export async function writeClusters(path: string, result: LinkResult): Promise<number> {
  const { ids, clusters } = result;
  await writeLines(path, 'id,cluster', (emit) => {
    for (let i = 0; i < ids.length; i++)
      emit(`${csvField(ids[i] as string)},${csvField(ids[clusters[i] as number] as string)}`);
  });
  return new Set(clusters).size;
}

/** The run as a JSON-friendly summary. */
export function summarize(result: LinkResult, model: ModelConfig) {
  let matches = 0;
  for (const p of result.scores.probabilities) if (p >= model.threshold) matches++;
  return {
    records: result.records.count,
    candidatePairs: result.pairs.length,
    matches,
    threshold: model.threshold,
    clusters: new Set(result.clusters).size,
    blocking: result.pairs.report,
    model: {
      lambda: result.model.lambda,
      lambdaSource: result.model.lambdaSource,
      uPairs: result.model.uPairs,
      emSessions: result.model.emSessions,
      comparisons: result.model.comparisons.map((c) => ({
        name: c.name,
        levels: c.labels,
        m: c.m,
        u: c.u,
        weights: c.weights,
        mSource: c.mSource,
      })),
    },
    timings: result.timings,
  };
}

export function registerLinkFiles(program: Command): void {
  const link =
    program.commands.find((c) => c.name() === 'link') ??
    program.command('link').description('record linkage');
  link
    .command('files')
    .description(
      'deduplicate one CSV file, or link two, with a model configuration; writes every scored pair',
    )
    .argument('<a>', 'CSV file (UTF-8, header row)')
    .argument('[b]', 'second CSV file (for linkType "link")')
    .requiredOption('--config <model>', 'model configuration JSON (docs/linkage-model.md)')
    .requiredOption('--out <pairs>', 'output CSV: id_l,id_r,match_probability')
    .option('--clusters <file>', 'also write id,cluster')
    .action(
      async (
        a: string,
        b: string | undefined,
        options: { config: string; out: string; clusters?: string },
        command: Command,
      ) => {
        const output = new Output(command.optsWithGlobals<GlobalOptions>().json ?? false);
        const model = loadModel(options.config);
        const tables = [await readCsvTable(a), ...(b ? [await readCsvTable(b)] : [])];
        let bar: { update(value: number): void; stop(): void } | null = null;
        let result: LinkResult;
        try {
          result = linkRecords(model, tables, {
            log: (message) => output.info(message),
            onProgress: (done, total) => {
              bar ??= output.progress('比较', total);
              bar.update(done);
            },
          });
        } catch (error) {
          if (error instanceof LinkInputError || error instanceof ModelConfigError)
            throw new HandledFailure(error.message);
          throw error;
        } finally {
          (bar as { stop(): void } | null)?.stop();
        }
        const written = await writePairs(options.out, result, model.outputMinProbability);
        const clusters = options.clusters ? await writeClusters(options.clusters, result) : null;
        const summary = {
          ...summarize(result, model),
          out: options.out,
          pairsWritten: written,
          clustersFile: options.clusters ?? null,
        };
        output.result(
          summary,
          [
            `记录 ${summary.records}，比较 ${summary.candidatePairs} 对，匹配 ${summary.matches} 对（概率 ≥ ${model.threshold}）`,
            `已写入 ${options.out}（${written} 对）${clusters !== null ? `，${options.clusters}（${clusters} 个聚类）` : ''}`,
          ].join('\n'),
        );
      },
    );
}
