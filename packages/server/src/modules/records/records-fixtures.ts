// A small generated county for this folder's db tests (not exported by index.ts): two real townships
// of 拜城县 from the loaded tree, the register imported through the register's own import, the
// generator's hospital births and civil-affairs deaths (and, when asked, its hukou rows) imported as
// department files, and the truth the generator wrote (which register person each record is about,
// '' when the register lacks it).
import { SYNTHETIC_FILES } from '@renkou/core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvText, importGeneratedRegister } from '../../testing/generated-county';
import type { openTestApplication } from '../../testing/test-application';

export type App = Awaited<ReturnType<typeof openTestApplication>>;

export const TOWNSHIP = '652926100';
export const OTHER_TOWNSHIP = '652926101';

type Source = 'hospital_births' | 'civil_deaths' | 'hukou';

export interface GeneratedCounty {
  /** record_id → person_id per source ('' = the register lacks the event). */
  truth: Record<Source, Map<string, string>>;
  hospitalRecords: number;
  /** Hukou birth row → the hospital birth of the same baby (every birth the hukou office recorded). */
  sameBaby: Map<string, string>;
}

type GeneratorRecord = Awaited<ReturnType<typeof importGeneratedRegister>>['county']['records'][number];

/**
 * The truth names no person for a baby the register lacks, so the baby is found by the generator's
 * order: it writes a birth's hospital record, its truth row, then the hukou birth row (giveBirth).
 */
function sameBabyOf(records: readonly GeneratorRecord[]): Map<string, string> {
  const pairs = new Map<string, string>();
  records.forEach((record, i) => {
    const row = record.row as Record<string, string>;
    if (record.file !== 'hukou' || row.event !== 'birth') return;
    // Left out if the order ever changes: the test of same-baby pairs checks every birth is here.
    const hospital = records[i - 2];
    if (hospital?.file === 'hospital_births')
      pairs.set(row.record_id as string, (hospital.row as Record<string, string>).record_id as string);
  });
  return pairs;
}

/** Generates the county, imports its register and department files; the tree must be loaded. */
export async function importGeneratedCounty(
  app: App,
  persons = 1500,
  sources: readonly Source[] = ['hospital_births', 'civil_deaths'],
): Promise<GeneratedCounty> {
  const { dir, rowsOf, county } = await importGeneratedRegister(app, {
    townships: [TOWNSHIP, OTHER_TOWNSHIP],
    persons,
    from: '2019-01-01',
    to: '2024-12-31',
    seed: 5,
    // More deaths the register never heard of than a real county has, so the list has items.
    missedDeathRate: 0.3,
  });
  for (const source of sources) {
    const path = join(dir, `${source}.csv`);
    writeFileSync(path, csvText(SYNTHETIC_FILES[source], rowsOf(source)));
    const result = await app.records.importFile(source, path, 'tester');
    if (result.status !== 'done')
      throw new Error(`${source}: ${JSON.stringify(result.problems.slice(0, 3))}`);
  }
  const truthOf = (source: string) =>
    new Map(rowsOf(`truth/${source}`).map((row) => [row.record_id as string, row.person_id as string]));
  return {
    truth: {
      hospital_births: truthOf('hospital_births'),
      civil_deaths: truthOf('civil_deaths'),
      hukou: truthOf('hukou'),
    },
    hospitalRecords: rowsOf('hospital_births').length,
    sameBaby: sameBabyOf(county.records),
  };
}

/**
 * Turns a source's first auto-match into a review pair and answers its id: the generated counties
 * are clean enough to leave no pair between the thresholds.
 */
export async function firstMatchAsReviewPair(app: App, source: Source): Promise<string> {
  const [pair] = await app.db
    .selectFrom('link_decisions')
    .select('id')
    .where('source', '=', source)
    .where('class', '=', 'auto_match')
    .orderBy('record_id')
    .limit(1)
    .execute();
  if (!pair) throw new Error(`no auto-match of ${source} to turn into a review pair`);
  await app.db
    .updateTable('link_decisions')
    .set({ class: 'review', verdict: null })
    .where('id', '=', pair.id)
    .execute();
  return pair.id;
}
