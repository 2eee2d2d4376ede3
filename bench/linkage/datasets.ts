// The benchmark files of ../shared/benchmarks/linkage/ that have truth, how their truth is encoded
// (SCORES.md), which model file links them, the trivial rule, and the published scores to show
// alongside.
import { join } from 'node:path';
import type { RecordTable } from '@renkou/core';
import { readCsvTable } from '../../packages/cli/src/commands/link-files';
import { benchRoot } from '../lib/discover';
import { loadDepartmentFile, loadMarriageParties, type LoadedDataset } from './synthetic';

export const dataRoot = join(benchRoot, '..', '..', 'shared', 'benchmarks', 'linkage');
export const modelsDir = join(benchRoot, 'linkage', 'models');

export interface Published {
  system: string;
  bestF1: number;
  atHalfF1?: number;
}

export interface BenchDataset {
  key: string;
  files: string[];
  model: string;
  /** The person a record belongs to, from its id (or from a column: see `truthColumn`). */
  truthFromId?: (id: string) => string;
  truthColumn?: string;
  /** Same ID number, or same name and date of birth (keys that must all agree, per rule). */
  trivialRules: string[][];
  published?: Published[];
  /** Included only with --all (slow or redundant). */
  extended?: boolean;
  /** Tables and truth from elsewhere than `files` (the generator's department files). */
  load?: (log: (message: string) => void) => Promise<LoadedDataset>;
  /** The synthetic county whose register `load` links against (built before the clock starts). */
  county?: string;
}

const febrlPerson = (id: string) => /^rec-(\d+)-/.exec(id)?.[1] ?? id;
const dsgenPerson = (id: string) => String(Math.floor(Number(id) / 10));
const febrlTrivial = [['soc_sec_id'], ['given_name', 'surname', 'date_of_birth']];

const dsgenPublished: Record<string, Published[]> = {
  '1000': [
    { system: 'FEBRL SVM (supervised)', bestF1: 0.944 },
    { system: 'FEBRL best unsupervised', bestF1: 0.865 },
  ],
  '2500': [
    { system: 'FEBRL SVM (supervised)', bestF1: 0.917 },
    { system: 'FEBRL best unsupervised', bestF1: 0.834 },
  ],
  '5000': [
    { system: 'FEBRL SVM (supervised)', bestF1: 0.884 },
    { system: 'FEBRL best unsupervised', bestF1: 0.807 },
  ],
  '10000': [
    { system: 'FEBRL SVM (supervised)', bestF1: 0.829 },
    { system: 'FEBRL best unsupervised', bestF1: 0.757 },
  ],
};

const sizes = ['1000', '2500', '5000', '10000'];

/** Same child ID, or same mother ID + birth date (a newborn's record carries the mother's), or same name + birth date. */
const birthTrivial = [
  ['citizenId(id_number)'],
  ['citizenId(mother_id_number)', 'birth_date'],
  ['name', 'birth_date'],
];

export const datasets: BenchDataset[] = [
  ...['1', '2', '3'].map((n): BenchDataset => ({
    key: `febrl${n}`,
    files: [`febrl/dataset${n}.csv`],
    model: 'febrl-dedupe.json',
    truthFromId: febrlPerson,
    trivialRules: febrlTrivial,
    ...(n === '3' ? { published: [{ system: 'Splink 4', bestF1: 0.9954, atHalfF1: 0.9929 }] } : {}),
  })),
  {
    key: 'febrl4',
    files: ['febrl/dataset4a.csv', 'febrl/dataset4b.csv'],
    model: 'febrl-link.json',
    truthFromId: febrlPerson,
    trivialRules: febrlTrivial,
    published: [{ system: 'Splink 4', bestF1: 0.9998, atHalfF1: 0.9992 }],
  },
  {
    key: 'fake_1000',
    files: ['splink/fake_1000.csv'],
    model: 'fake-1000.json',
    truthColumn: 'cluster',
    trivialRules: [['first_name', 'surname', 'dob'], ['email']],
    published: [{ system: 'Splink 4', bestF1: 0.862, atHalfF1: 0.806 }],
  },
  {
    key: 'historical_50k',
    files: ['splink/historical_figures_with_errors_50k.csv'],
    model: 'historical-50k.json',
    truthColumn: 'cluster',
    trivialRules: [['first_name', 'surname', 'dob']],
    published: [{ system: 'Splink 4 (5,000-record sample only)', bestF1: 0.59 }],
  },
  ...['A', 'C'].flatMap((letter) =>
    sizes.map((size): BenchDataset => ({
      key: `dsgen_${letter}_${size}`,
      files: [`febrl-dsgen/dataset_${letter}_${size}.csv`],
      model: 'dsgen-dedupe.json',
      truthFromId: dsgenPerson,
      trivialRules: febrlTrivial,
      ...(letter === 'C' ? { published: dsgenPublished[size] } : {}),
    })),
  ),
  ...['D', 'F'].flatMap((letter) =>
    sizes.map((size): BenchDataset => ({
      key: `dsgen_${letter}_${size}`,
      files: [
        `febrl-dsgen/dataset_${letter}_org_${size}.csv`,
        `febrl-dsgen/dataset_${letter}_dup_${size}.csv`,
      ],
      model: 'dsgen-link.json',
      truthFromId: dsgenPerson,
      trivialRules: febrlTrivial,
    })),
  ),
  ...chineseDatasets(),
];

function chineseDatasets(): BenchDataset[] {
  const load =
    (county: string, file: 'hospital_births' | 'civil_deaths', limit = Number.POSITIVE_INFINITY) =>
    (log: (message: string) => void) =>
      loadDepartmentFile(county, file, limit, log);
  return [
    {
      key: 'cn_births',
      files: ['synthetic demo 652926: hospital_births.csv', 'register persons'],
      model: 'chinese-births.json',
      trivialRules: birthTrivial,
      load: load('demo', 'hospital_births'),
      county: 'demo',
    },
    {
      key: 'cn_deaths',
      files: ['synthetic demo 652926: civil_deaths.csv', 'register persons'],
      model: 'chinese-deaths.json',
      trivialRules: [['citizenId(id_number)'], ['name', 'birth_date']],
      load: load('demo', 'civil_deaths'),
      county: 'demo',
    },
    {
      key: 'cn_marriages',
      files: ['synthetic demo 652926: civil_marriages.csv as its two parties', 'register persons'],
      model: 'chinese-marriages.json',
      trivialRules: [['citizenId(id_number)'], ['name', 'birth_date']],
      load: (log) => loadMarriageParties('demo', log),
      county: 'demo',
    },
    {
      key: 'cn_births_2m',
      files: ['synthetic 2 M 652926: first 200,000 rows of hospital_births.csv', 'register persons'],
      model: 'chinese-births.json',
      trivialRules: birthTrivial,
      load: load('2m', 'hospital_births', 200_000),
      county: '2m',
    },
  ];
}

/** The tables a dataset links: from its own loader (with truth labels), or its CSV files as the CLI reads them. */
export async function tablesOf(
  dataset: BenchDataset,
  log: (message: string) => void,
): Promise<LoadedDataset | { tables: RecordTable[] }> {
  if (dataset.load) return dataset.load(log);
  return { tables: await Promise.all(dataset.files.map((file) => readCsvTable(join(dataRoot, file)))) };
}
