import { describe, expect, it } from 'vitest';
// The benchmark's documented model: the file a county would copy is the one tested.
import birthsModel from '../../../../bench/linkage/models/chinese-births.json';
import { generateSyntheticCounty } from '../synthetic/generator';
import { HOSPITAL_BIRTH_COLUMNS } from '../synthetic/rows';
import { TEST_VILLAGES } from '../synthetic/test-villages';
import { countTruePairs, pairwiseAt, truthClusters } from './evaluation';
import { linkRecords } from './link';
import { parseModelConfig } from './model-config';
import { RegisterPersons, departmentTruthLabels } from './register-persons';

describe('hospital births linked to a generated register', () => {
  const county = generateSyntheticCounty({
    villages: TEST_VILLAGES,
    persons: 3000,
    from: '2015-01-01',
    to: '2024-12-31',
    seed: 11,
  });
  const register = new RegisterPersons();
  for (const row of county.persons) register.addPerson(row);
  const hospital: string[][] = [];
  const truth = new Map<string, string>();
  for (const record of county.records) {
    if (record.file === 'events') register.addEvent(record.row);
    else if (record.file === 'hospital_births') {
      const row = record.row;
      hospital.push(HOSPITAL_BIRTH_COLUMNS.map((column) => row[column]));
    } else if (record.file === 'truth/hospital_births') {
      truth.set(record.row.record_id, record.row.person_id);
    }
  }
  const births = { header: [...HOSPITAL_BIRTH_COLUMNS], rows: hospital };
  const persons = register.table();

  it('finds the newborns through the mother with F1 ≥ 0.98', () => {
    const parsed = parseModelConfig(birthsModel);
    // Fewer random pairs for u: enough for a county this small, and the test stays quick.
    const model = { ...parsed, training: { ...parsed.training, uMaxPairs: 100_000 } };
    const result = linkRecords(model, [births, persons]);
    const labels = truthClusters(departmentTruthLabels(births, truth, persons));
    const totalTrue = countTruePairs(labels, births.rows.length);
    // Enough births, with mistakes and some the register lacks, for the score to mean something.
    expect(births.rows.length).toBeGreaterThan(300);
    expect(totalTrue).toBeLessThan(births.rows.length);
    const { left, right, length } = result.pairs;
    const score = pairwiseAt(labels, left, right, result.scores.probabilities, model.threshold, totalTrue);
    expect(length).toBeGreaterThan(0);
    expect(score.f1).toBeGreaterThanOrEqual(0.98);
  }, 30_000);
});
