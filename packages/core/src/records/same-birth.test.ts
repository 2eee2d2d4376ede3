import { describe, expect, it } from 'vitest';
import {
  birthDateInId,
  nameAgreement,
  pairSameBirths,
  sameBirthScore,
  type BirthRecordBrief,
} from './same-birth';

const hospital: BirthRecordBrief = {
  recordId: 'HB1',
  name: '帕丽旦·乌布力',
  sex: '2',
  birthDate: '2023-04-30',
  place: '652926101003',
  idNumber: '',
};
const hukou: BirthRecordBrief = {
  recordId: 'HK1',
  name: '帕丽旦·乌布力',
  sex: '2',
  birthDate: '2023-04-30',
  place: '652926200201',
  idNumber: '652926202304300024',
};

describe('nameAgreement', () => {
  it('folds traditional characters and dots, hears homophones, forgives one typo in a long name', () => {
    expect(nameAgreement('阿孜古丽•买买提', '阿孜古麗·買買提')).toBe(3);
    expect(nameAgreement('高君伟', '高军伟')).toBe(2);
    expect(nameAgreement('库尔班·努尔', '库土班·努尔')).toBe(1);
  });

  it('takes another given name of a two-character name, or a missing name, as no agreement', () => {
    expect(nameAgreement('王伟', '王芳')).toBe(0);
    expect(nameAgreement('', '王芳')).toBe(0);
  });
});

describe('sameBirthScore', () => {
  it('pairs the same sex, a birth date within two days and a like name, whatever the villages', () => {
    expect(sameBirthScore(hospital, hukou)).toBeGreaterThan(0);
    expect(sameBirthScore({ ...hospital, birthDate: '2023-05-02' }, hukou)).toBeGreaterThan(0);
    expect(sameBirthScore({ ...hospital, birthDate: '2023-05-03' }, hukou)).toBe(0);
    expect(sameBirthScore({ ...hospital, sex: '1' }, hukou)).toBe(0);
  });

  it('reads the birth date inside the hukou row’s ID number when its own date was typed wrong', () => {
    expect(birthDateInId(hukou.idNumber)).toBe('2023-04-30');
    expect(sameBirthScore(hospital, { ...hukou, birthDate: '2023-05-19' })).toBeGreaterThan(0);
  });

  it('needs a like name, the same ID number, or (a name missing) the same village', () => {
    const other = { ...hukou, name: '阿依古丽·买买提' };
    expect(sameBirthScore(hospital, other)).toBe(0);
    expect(sameBirthScore({ ...hospital, idNumber: hukou.idNumber }, other)).toBeGreaterThanOrEqual(100);
    expect(sameBirthScore({ ...hospital, name: '' }, hukou)).toBe(0);
    expect(sameBirthScore({ ...hospital, name: '', place: hukou.place }, hukou)).toBeGreaterThan(0);
  });
});

describe('pairSameBirths', () => {
  it('pairs each record once, the strongest first: twins go to their own names', () => {
    const twin = { ...hukou, recordId: 'HK2', name: '帕提古丽·乌布力', idNumber: '652926202304300040' };
    const twinHospital = { ...hospital, recordId: 'HB2', name: '帕提古丽·乌布力' };
    const pairs = pairSameBirths([twinHospital, hospital], [twin, hukou]);
    expect(pairs.map((p) => [p.hukouRecordId, p.hospitalRecordId]).sort()).toEqual([
      ['HK1', 'HB1'],
      ['HK2', 'HB2'],
    ]);
  });

  it('never pairs two records a clerk split, and lets each pair with another record', () => {
    const second = { ...hospital, recordId: 'HB3', birthDate: '2023-05-01' };
    expect(pairSameBirths([hospital, second], [hukou])).toMatchObject([{ hospitalRecordId: 'HB1' }]);
    expect(pairSameBirths([hospital, second], [hukou], new Set(['HB1|HK1']))).toMatchObject([
      { hukouRecordId: 'HK1', hospitalRecordId: 'HB3' },
    ]);
    expect(pairSameBirths([hospital], [hukou], new Set(['HB1|HK1']))).toEqual([]);
  });

  it('leaves a hukou row without a hospital birth of the same baby unpaired', () => {
    expect(pairSameBirths([hospital], [{ ...hukou, sex: '1' }])).toEqual([]);
    expect(pairSameBirths([], [hukou])).toEqual([]);
  });
});
