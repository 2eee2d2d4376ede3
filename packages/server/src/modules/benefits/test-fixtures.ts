// Register data and actors for this folder's db tests (not exported by index.ts). The persons are
// created through the register's own import, so screening reads real projections.
import { citizenIdCheckDigit, Role, type Actor, type Role as RoleType } from '@renkou/core';
import { writeDataset } from '../../testing/register-fixtures';
import type { openTestApplication } from '../../testing/test-application';

type App = Awaited<ReturnType<typeof openTestApplication>>;

const id = (first17: string) => `${first17}${citizenIdCheckDigit(first17)}`;
export const LI_XIUYING_ID = id('65292619650410002');

export const DATASET = '{ "coverage": "652926", "start": "2020-01-01", "end": "2026-12-31" }';

// 拜城镇 (652926100): M1 and F1 lost their only child C1 in 2020 (特扶, child died); M2 has two
// living children (not eligible). 铁热克镇 (652926101): M3 lost her only child C4.
export const BENEFIT_PERSONS = `person_id,id_number,name,sex,birth_date,ethnicity,hukou_code,residence_code,household_id,relation,marital_status,mother_id,father_id,children_ever_born,hukou_type
M1,${LI_XIUYING_ID},李秀英,2,1965-04-10,01,652926100002,,H1,spouse,20,,,1,agricultural
F1,,张伟,1,1963-02-01,01,652926100002,,H1,head,20,,,,agricultural
C1,,张小龙,1,1990-03-01,01,652926100002,,H1,child,10,M1,F1,,agricultural
M2,,王丽,2,1966-01-01,01,652926100002,,H2,head,20,,,2,agricultural
C2,,赵一,2,1992-05-01,01,652926100002,,H2,child,10,M2,,,agricultural
C3,,赵二,1,1994-07-01,01,652926100002,,H2,child,10,M2,,,agricultural
M3,,马红,2,1964-06-01,01,652926101001,,H3,head,20,,,1,agricultural
C4,,马小军,1,1988-09-09,01,652926101001,,H3,child,10,M3,,,agricultural
`;

const EVENT_HEADER =
  'event_id,type,date,person_id,mother_id,father_id,name,sex,hukou_code,residence_code,from_code,to_code,field,value,reason,target_event_id';

export const BENEFIT_EVENTS = `${EVENT_HEADER}
D1,death,2020-05-01,C1,,,,,,,,,,,,
D4,death,2021-01-01,C4,,,,,,,,,,,,
`;

export function deathEvents(eventId: string, personKey: string, date: string): string {
  return `${EVENT_HEADER}\n${eventId},death,${date},${personKey},,,,,,,,,,,,\n`;
}

export async function importBenefitRegister(app: App): Promise<void> {
  const result = await app.register.importDirectory(
    writeDataset({ persons: BENEFIT_PERSONS, events: BENEFIT_EVENTS, dataset: DATASET }),
    { username: 'tester' },
  );
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture rows rejected: ${JSON.stringify(errors)}`);
}

export async function recordDeath(app: App, eventId: string, personKey: string, date: string): Promise<void> {
  const result = await app.register.importDirectory(
    writeDataset({ events: deathEvents(eventId, personKey, date), dataset: DATASET }),
    { username: 'tester' },
  );
  if (result.accepted !== 1) throw new Error(`death not recorded: ${JSON.stringify(result.problems)}`);
}

let next = 0x100;
/** An actor with its own user id (a UUID: the audit log stores user ids as uuid). */
export function person(role: RoleType, scope: string, username: string): Actor {
  next += 1;
  return {
    userId: `00000000-0000-7000-8000-${next.toString(16).padStart(12, '0')}`,
    username,
    role,
    scope,
  };
}

export function staff() {
  return {
    village: person(Role.VillageWorker, '652926100002', 'village'),
    townA: person(Role.TownshipOfficer, '652926100', 'town-a'),
    townB: person(Role.TownshipOfficer, '652926100', 'town-b'),
    town2: person(Role.TownshipOfficer, '652926101', 'town-2'),
    county: person(Role.CountyOfficer, '652926', 'county'),
    finance1: person(Role.Finance, '652926', 'finance-1'),
    finance2: person(Role.Finance, '652926', 'finance-2'),
    finance3: person(Role.Finance, '652926', 'finance-3'),
  };
}
