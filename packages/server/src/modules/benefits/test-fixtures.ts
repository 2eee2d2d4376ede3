// Register data, actors and shared setup (a fresh application, enrolment, paying a period) for this
// folder's db tests (not exported by index.ts). The persons are created through the register's own
// import, so screening reads real projections.
import {
  citizenIdCheckDigit,
  DAY,
  DomainError,
  Role,
  type Actor,
  type DeclaredFacts,
  type Role as RoleType,
} from '@renkou/core';
import { writeDataset } from '../../testing/register-fixtures';
import { openTestApplication } from '../../testing/test-application';

export type App = Awaited<ReturnType<typeof openTestApplication>>;

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
    town2b: person(Role.TownshipOfficer, '652926101', 'town-2b'),
    county: person(Role.CountyOfficer, '652926', 'county'),
    finance1: person(Role.Finance, '652926', 'finance-1'),
    finance2: person(Role.Finance, '652926', 'finance-2'),
    finance3: person(Role.Finance, '652926', 'finance-3'),
  };
}

export type Staff = ReturnType<typeof staff>;

/** A fresh application with the demo county's tree and the register above: each db test file's start. */
export async function openBenefitsApp(): Promise<App> {
  const app = await openTestApplication();
  await app.jurisdictions.loadCoverage('652926');
  await importBenefitRegister(app);
  return app;
}

/** The refusal a promise ends in (a DomainError), or a failure when it succeeds. */
export async function refused(
  promise: Promise<unknown>,
): Promise<{ code: string; reason: string | undefined; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError)
      return { code: error.code, reason: error.details[0]?.reason, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Register events (events.csv rows after the header) imported through the register; all must be accepted. */
export async function recordEvents(app: App, rows: readonly string[]): Promise<void> {
  const result = await app.register.importDirectory(
    writeDataset({ events: `${EVENT_HEADER}\n${rows.join('\n')}\n`, dataset: DATASET }),
    { username: 'tester' },
  );
  if (result.accepted !== rows.length) throw new Error(`events refused: ${JSON.stringify(result.problems)}`);
}

/**
 * Takes an application (特扶 unless told) for one person through the whole review to enrolment from
 * `enrolFrom`; the bank account's name is the person key unless given. The village review is done by
 * `villageReviewer`, else by whichever of 拜城镇's township officers did not enter it.
 */
export async function enrol(
  app: App,
  who: Staff,
  personKey: string,
  enteredBy: Actor,
  enrolFrom: string,
  accountName: string = personKey,
  options: { programmeCode?: string; villageReviewer?: Actor; declared?: DeclaredFacts } = {},
) {
  const { programmeCode = 'tefu', villageReviewer, declared } = options;
  const entered = await app.benefits.applications.create(enteredBy, {
    programmeCode,
    ...(declared ? { declared } : {}),
    personKey,
    channel: 'worker',
    bankAccount: `62284800${personKey === 'M1' ? '11112222' : personKey === 'F1' ? '33334444' : '55556666'}`,
    accountName,
  });
  const townA = villageReviewer ?? (enteredBy === who.townA ? who.townB : who.townA);
  await app.benefits.applications.act(townA, entered.id, { action: 'villageApprove', noticeDays: 1 });
  app.clock.advance(DAY);
  await app.benefits.applications.act(townA, entered.id, { action: 'closeNotice' });
  await app.benefits.applications.act(who.county, entered.id, { action: 'townshipApprove' });
  const county2 = { ...who.county, userId: '00000000-0000-7000-8000-00000000c002', username: 'county-2' };
  return app.benefits.applications.act(county2, entered.id, { action: 'countyApprove', enrolFrom });
}

/** Builds, approves and exports the period's 特扶 batch, and imports a bank result paying every line. */
export async function payAll(app: App, who: Staff, period: string, budgetFen: number) {
  const built = await app.benefits.payments.build(who.finance1, { programmeCode: 'tefu', period, budgetFen });
  await app.benefits.payments.approve(who.finance2, built.id);
  const file = await app.benefits.payments.exportBankFile(who.finance3, built.id);
  const rows = file.content
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => {
      const [reference, account, , amount] = line.split(',');
      return `${reference},${account},${amount},成功,`;
    });
  await app.benefits.bankResults.importBankResults(who.finance3, built.id, {
    fileName: 'result.csv',
    content: ['reference,account,amount,result,reason', ...rows].join('\n'),
  });
  return built;
}
