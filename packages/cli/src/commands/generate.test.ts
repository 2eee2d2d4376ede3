import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSyntheticCounty } from '@renkou/core';
import { villagesUnder, writeCounty } from './generate';
import { CsvFileWriter } from './generate-files';

const dir = mkdtempSync(join(tmpdir(), 'renkou-generate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renkou generate', () => {
  it('reads the villages of 拜城县 from the national division list', async () => {
    const villages = await villagesUnder('652926');
    expect(villages.length).toBeGreaterThan(150);
    expect(villages.every((v) => v.code.startsWith('652926') && v.code.length === 12)).toBe(true);
    expect(villages.find((v) => v.townshipCode === '652926100')?.townshipName).toBe('拜城镇');
  });

  it('writes the dataset, the department files and their truth', async () => {
    const villages = await villagesUnder('652926');
    const county = createSyntheticCounty({
      villages,
      persons: 300,
      from: '2018-01-01',
      to: '2019-12-31',
      seed: 2,
    });
    const out = join(dir, 'county');
    const files = await writeCounty(county, out);
    expect(JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8'))).toEqual({
      coverage: '652926',
      start: '2018-01-01',
      end: '2019-12-31',
    });
    expect(files['persons.csv']).toBe(300);
    for (const [file, rows] of Object.entries(files)) {
      const lines = readFileSync(join(out, file), 'utf8').split('\r\n').filter(Boolean);
      expect(lines.length).toBe(rows + 1);
    }
    expect(
      readFileSync(join(out, 'truth/hukou.csv'), 'utf8').startsWith('record_id,person_id,errors\r\n'),
    ).toBe(true);
  });

  it('quotes cells as RFC 4180 says', async () => {
    const path = join(dir, 'quoted.csv');
    const writer = new CsvFileWriter(path, ['a', 'b', 'c']);
    await writer.write({ a: 'x,y', b: 'say "hi"', c: 'two\nlines' });
    await writer.write({ a: '买买提·艾力' });
    await writer.close();
    expect(readFileSync(path, 'utf8')).toBe('a,b,c\r\n"x,y","say ""hi""","two\nlines"\r\n买买提·艾力,,\r\n');
  });
});
