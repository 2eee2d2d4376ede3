// A small register dataset for tests: two townships of 拜城县, a family, good rows and bad ones.
import { citizenIdCheckDigit } from '@renkou/core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const id = (first17: string) => `${first17}${citizenIdCheckDigit(first17)}`;
export const WANG_FANG_ID = id('65292619950707002');

export const PERSONS = `person_id,id_number,name,sex,birth_date,ethnicity,hukou_code,residence_code,household_id,relation,marital_status,mother_id,father_id,children_ever_born,village_note
P1,,阿依古丽•吐尔逊,2,1990-05-01,05,652926100002,,H1,spouse,20,,,1,
P2,,买买提·艾力,1,1988-03-02,05,652926100002,,H1,head,20,,,,
P3,${WANG_FANG_ID},王芳,2,1995-07-07,01,652926101001,,H2,head,10,,,,东头第三家
P4,,错误,3,1990-01-01,01,652926100002,,H3,head,10,,,,
P5,,古丽,2,2015-06-01,05,652926100002,,H1,child,10,P1,P2,,
`;

export const EVENTS = `event_id,type,date,person_id,mother_id,father_id,name,sex,hukou_code,residence_code,from_code,to_code,field,value,reason,target_event_id
E1,birth,2021-03-04,C1,P1,P2,艾力·买买提,1,652926100002,652926100002,,,,,,
E2,move,2022-01-10,P3,,,,,,,652926101001,652926100003,,,,
E3,birth,2021-05-05,C2,P2,,小明,1,652926100002,652926100002,,,,,,
E4,death,2023-02-30,P2,,,,,,,,,,,,
E5,move,2022-05-01,P1,,,,,,,652926100002,652926199999,,,,
E1,birth,2021-03-04,C1,P1,P2,艾力,1,652926100002,652926100002,,,,,,
E7,move,2022-06-01,C2,,,,,,,652926100002,652926100003,,,,
E8,move,2020-06-01,P1,,,,,,,652926100002,652926100003,,,,
E9,correction,2022-02-01,P3,,,,,,,,,name,王芳芳,户籍信息更正,
E10,void,2022-03-01,P3,,,,,,,,,,,误录,E2
`;

export function writeDataset(files: { persons?: string; events?: string; dataset?: string }): string {
  const dir = mkdtempSync(join(tmpdir(), 'renkou-register-'));
  writeFileSync(
    join(dir, 'dataset.json'),
    files.dataset ?? '{ "coverage": "652926", "start": "2020-01-01", "end": "2023-12-31" }',
  );
  if (files.persons !== undefined) writeFileSync(join(dir, 'persons.csv'), files.persons);
  if (files.events !== undefined) writeFileSync(join(dir, 'events.csv'), files.events);
  return dir;
}
