// `renkou generate --coverage CODE --persons N --from DATE --to DATE --seed S --out DIR [--tfr X] [--srb X]`
// (spec/interchange.md §3): writes a synthetic register dataset (dataset.json, persons.csv,
// events.csv) and department files (hospital_births.csv, hukou.csv, civil_deaths.csv,
// civil_marriages.csv) with their truth (truth/*.csv). Villages come from the national division list
// under the coverage. Defaults: 拜城县 (652926) at its 2020 census size, 2010-01-01 to 2024-12-31 (15 years), seed 1.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import {
  BAICHENG_POPULATION,
  DEFAULT_COVERAGE,
  DEFAULT_FROM,
  DEFAULT_OUTSIDE_PLACES,
  DEFAULT_TO,
  SYNTHETIC_PERSON_COLUMNS,
  SYNTHETIC_FILES,
  SyntheticOptionsError,
  createSyntheticCounty,
  normalizeJurisdictionCode,
  type SyntheticCounty,
  type SyntheticFile,
  type VillageInput,
} from '@renkou/core';
import { readDivisions } from '@renkou/server';
import type { GlobalOptions } from '../context';
import { HandledFailure } from '../failure';
import { Output } from '../output';
import { CsvFileWriter } from './generate-files';

interface GenerateOptions {
  coverage: string;
  persons?: number;
  from: string;
  to: string;
  seed: number;
  out: string;
  tfr?: number;
  srb?: number;
}

function integer(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number');
  return Number(value);
}

function decimal(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) throw new InvalidArgumentError('expected a number');
  return number;
}

/** The villages (村/居委会) under the coverage, with their townships, from the national list. */
export async function villagesUnder(coverage: string): Promise<VillageInput[]> {
  const townships = new Map<string, string>();
  const villages: VillageInput[] = [];
  for await (const row of readDivisions(coverage, 5)) {
    if (!row.code.startsWith(coverage)) continue;
    if (row.level === 4) townships.set(row.code, row.name);
    if (row.level === 5 && row.parentCode) {
      villages.push({
        code: row.code,
        name: row.name,
        townshipCode: row.parentCode,
        townshipName: townships.get(row.parentCode) ?? '',
      });
    }
  }
  return villages;
}

/** Writes every file of the county into `out`; returns the rows written per file. */
export async function writeCounty(
  county: SyntheticCounty,
  out: string,
  onYear: (year: number) => void = () => undefined,
): Promise<Record<string, number>> {
  mkdirSync(join(out, 'truth'), { recursive: true });
  const { coverage, from, to } = county.options;
  writeFileSync(
    join(out, 'dataset.json'),
    `${JSON.stringify({ coverage, start: from, end: to }, null, 2)}\n`,
  );
  const persons = new CsvFileWriter(join(out, 'persons.csv'), SYNTHETIC_PERSON_COLUMNS);
  for (const row of county.persons()) await persons.write(row);
  await persons.close();
  const writers = Object.fromEntries(
    Object.entries(SYNTHETIC_FILES).map(([file, columns]) => [
      file,
      new CsvFileWriter(join(out, `${file}.csv`), columns),
    ]),
  ) as Record<SyntheticFile, CsvFileWriter>;
  let year = '';
  try {
    for (const record of county.records()) {
      if (record.file === 'events' && (year === '' || !record.row.date.startsWith(year))) {
        year = record.row.date.slice(0, 4);
        onYear(Number(year));
      }
      const wait = writers[record.file].write(record.row);
      if (wait) await wait;
    }
  } finally {
    for (const writer of Object.values(writers)) await writer.close();
  }
  return Object.fromEntries([
    ['persons.csv', persons.rows],
    ...Object.entries(writers).map(([file, writer]) => [`${file}.csv`, writer.rows]),
  ]);
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('write a synthetic register dataset and department files with known truth')
    .option('--coverage <code>', 'division code of the county', DEFAULT_COVERAGE)
    .option('--persons <n>', `baseline persons (default: the 2020 census, ${BAICHENG_POPULATION})`, integer)
    .option('--from <date>', 'start date (the baseline)', DEFAULT_FROM)
    .option('--to <date>', 'end date', DEFAULT_TO)
    .option('--seed <n>', 'random seed', integer, 1)
    .option('--tfr <x>', 'total fertility rate (default 1.8)', decimal)
    .option('--srb <x>', 'sex ratio at birth, boys per 100 girls (default 106)', decimal)
    .requiredOption('--out <dir>', 'output folder')
    .action(async (options: GenerateOptions, command: Command) => {
      const output = new Output(command.optsWithGlobals<GlobalOptions>().json ?? false);
      const started = Date.now();
      let coverage: string;
      try {
        coverage = normalizeJurisdictionCode(options.coverage);
      } catch {
        throw new HandledFailure(`区划代码格式不正确：${options.coverage}`);
      }
      const villages = await villagesUnder(coverage);
      if (villages.length === 0) throw new HandledFailure(`区划 ${coverage} 下没有村（居）委会`);
      let county: SyntheticCounty;
      try {
        county = createSyntheticCounty({
          villages,
          coverage,
          outsidePlaces: DEFAULT_OUTSIDE_PLACES.filter((place) => !place.code.startsWith(coverage)),
          from: options.from,
          to: options.to,
          seed: options.seed,
          ...(options.persons === undefined ? {} : { persons: options.persons }),
          ...(options.tfr === undefined ? {} : { tfr: options.tfr }),
          ...(options.srb === undefined ? {} : { srb: options.srb }),
        });
      } catch (error) {
        if (error instanceof SyntheticOptionsError) throw new HandledFailure(error.message);
        throw error;
      }
      const firstYear = Number(county.options.from.slice(0, 4));
      const bar = output.progress('生成', Number(county.options.to.slice(0, 4)) - firstYear + 1);
      let files: Record<string, number>;
      try {
        files = await writeCounty(county, options.out, (year) => bar.update(year - firstYear));
      } finally {
        bar.stop();
      }
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      output.result(
        {
          out: options.out,
          coverage,
          start: county.options.from,
          end: county.options.to,
          persons: county.options.persons,
          seed: county.options.seed,
          tfr: county.options.tfr,
          srb: county.options.srb,
          files,
          seconds,
        },
        [
          `已生成 ${coverage} ${county.options.from} 至 ${county.options.to}（种子 ${county.options.seed}）→ ${options.out}`,
          ...Object.entries(files).map(([file, rows]) => `  ${file}: ${rows} 行`),
          `用时 ${seconds} 秒`,
        ].join('\n'),
      );
    });
}
