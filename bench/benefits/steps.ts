// The steps of the benefits benchmark on a register that is already in the database, shared by
// benefits.bench.ts (a generated county imported into a fresh database) and existing.ts (a register
// imported beforehand). Every measured step is a call of the application's own services:
//   1. screening of 奖扶 and of 育儿补贴 over the whole register (ScreeningService.screen, the call the
//      screening page makes: counts over every living person with the hukou in the county, first page
//      of 50 decisions with explanations);
//   2. a sample of applications through the whole review by the services (applications.create, then
//      the bulk action actMany for each level: village review and 公示, closing the 公示 a day later,
//      township and county approval) — the product's only path to an enrolment;
//   3. per programme: payments.build of the period's batch, payments.approve, and the bank file with
//      payments.exportBankFile as CSV and as XLSX.
// Between 2 and 3 the rest of the candidates (up to --lines per programme) are enrolled by a shortcut,
// because the product has no bulk enrolment and its per-case path (five transactions per case, each
// with an audit row) takes about as long per case as step 2 measures. The shortcut writes the rows the
// review would have written — the core's createApplication and transition() give the state and the
// trail, the decision is screenFamily's on the family read by the services' familiesOf, the columns are
// those of the services' inserts — 500 cases per transaction with one audit row per transaction.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addDays,
  addMonths,
  chinaDate,
  createApplication as createBenefitApplication,
  DAY,
  DomainError,
  monthOfDate,
  Role,
  scheduleOn,
  screenFamily,
  transition,
  uuidv7,
  type Actor,
  type ApplicationCommand,
  type BenefitApplication,
  type DeclaredFacts,
  type ProgrammeDefinition,
} from '@renkou/core';
import {
  sql,
  type BenefitApplicationsTable,
  type BenefitApplicationStepsTable,
  type BenefitEnrolmentsTable,
  type BenefitNoticesTable,
  type Insertable,
} from '@renkou/db';
import { createApplication, type Application } from '@renkou/server';
import { stateOf } from '../../packages/server/src/modules/benefits/application.repository';
import { maskAccount } from '../../packages/server/src/modules/benefits/benefits-context';
import {
  familiesOf,
  livingPersonsPage,
  personRecords,
  type OpenSensitive,
} from '../../packages/server/src/modules/benefits/family.repository';
import { measureStep, type StepFigures } from './measure';

export const PROGRAMMES = ['jiangfu', 'yuer_butie'] as const;
export type ProgrammeCode = (typeof PROGRAMMES)[number];

export const programmeLabels: Record<ProgrammeCode, string> = {
  jiangfu: '奖扶',
  yuer_butie: '育儿补贴',
};

export interface StepOptions {
  /** Division code of the county (the actors' scope and the batches' jurisdiction). */
  scope: string;
  /** The day the register is screened on (the generated registers end on 2024-12-31). */
  screeningDate: string;
  /** The payment period of the batches ('2025'; both programmes are paid yearly). */
  period: string;
  /** First month of the enrolments (so that the whole period is due). */
  enrolFrom: string;
  /** Lines wanted per batch: live enrolments of the programme are topped up to this many. */
  targetLines: number;
  /** Cases per programme taken through the services' review (step 2). */
  serviceSample: number;
  /** Where the bank files are written (not timed); undefined: not written. */
  filesDir?: string;
  /** 奖扶's national ¥960 is marked unverified (held out of batches): confirm it for the county. */
  confirmJiangfuAmount: boolean;
}

export interface ProgrammeFigures {
  code: ProgrammeCode;
  screening: Record<string, number>;
  candidates: number;
  liveBefore: number;
  service: {
    attempted: number;
    enrolled: number;
    refusedAtEntry: number;
    refusedInReview: number;
    msPerCase: number | null;
    phasesMs: Record<string, number>;
  };
  bulkEnrolled: number;
  batch?: {
    id: string;
    lines: number;
    totalFen: number;
    held: number;
    alreadyInBatches: number;
    csvBytes: number;
    xlsxBytes: number;
  };
  shortOfTarget: boolean;
}

export interface StepsResult {
  steps: StepFigures[];
  programmes: ProgrammeFigures[];
  today: string;
  notes: string[];
}

type Log = (message: string) => void;

interface Candidate {
  personKey: string;
  birthDate: string;
  declared: DeclaredFacts;
}

function officer(role: Role, scope: string, username: string): Actor {
  return { userId: randomUUID(), username, role, scope };
}

/** A deterministic 19-digit account number of a person (a 62… debit card number). */
function accountOf(personKey: string): string {
  let hash = 2166136261;
  for (const ch of personKey) hash = Math.imul(hash ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  const second = Math.imul(hash ^ 0x9e3779b9, 2654435761) >>> 0;
  return `622848${String(hash).padStart(10, '0').slice(0, 10)}${String(second % 1000).padStart(3, '0')}`;
}

/** Who decides what: entry, each review level, and the three finance roles (四权分离). */
function staffOf(scope: string) {
  return {
    entrant: officer(Role.CountyOfficer, scope, 'bench-entrant'),
    village: officer(Role.CountyOfficer, scope, 'bench-village-review'),
    township: officer(Role.CountyOfficer, scope, 'bench-township-review'),
    county: officer(Role.CountyOfficer, scope, 'bench-county-approval'),
    builder: officer(Role.Finance, scope, 'bench-finance-build'),
    approver: officer(Role.Finance, scope, 'bench-finance-approve'),
    exporter: officer(Role.Finance, scope, 'bench-finance-export'),
  };
}
type Staff = ReturnType<typeof staffOf>;

/**
 * The candidates of each programme on the screening date, by the services' own page reader, family
 * loader and the core's decision (the same as the screening service), keeping only the keys:
 * 育儿补贴's eligible children, and 奖扶's parents who lack nothing but the declared 1973–2001 history.
 */
async function collectCandidates(
  app: Application,
  programmes: ProgrammeDefinition[],
  scope: string,
  date: string,
  log: Log,
): Promise<Map<string, Candidate[]>> {
  const open: OpenSensitive = (sealed) => app.register.cipher.openPerson(sealed);
  const out = new Map<string, Candidate[]>(programmes.map((p) => [p.code, []]));
  let after: string | null = null;
  let seen = 0;
  for (;;) {
    const page = await livingPersonsPage(app.db, scope, after, 1000);
    if (page.length === 0) break;
    after = page[page.length - 1]!.person_key;
    seen += page.length;
    const families = await familiesOf(app.db, page, open);
    for (const row of page) {
      for (const programme of programmes) {
        if (!row.hukou_code.startsWith(programme.regionPrefix)) continue;
        const decision = screenFamily(programme, families.get(row.person_key)!, date);
        const history =
          decision.outcome === 'needs_review' &&
          decision.missingFacts.length === 1 &&
          decision.missingFacts[0] === 'qualifyingHistory1973To2001';
        if (decision.outcome === 'eligible' || history) {
          out.get(programme.code)!.push({
            personKey: row.person_key,
            birthDate: row.birth_date,
            declared: history ? { qualifyingHistory1973To2001: true } : {},
          });
        }
      }
    }
    if (seen % 100_000 < 1000) log(`candidates: ${seen.toLocaleString('en-US')} persons read`);
    if (page.length < 1000) break;
  }
  return out;
}

async function liveApplicants(app: Application, programmeCode: string): Promise<Set<string>> {
  const rows = await app.db
    .selectFrom('benefit_applications')
    .select('person_key')
    .where('programme_code', '=', programmeCode)
    .where('status', 'not in', ['rejected', 'withdrawn', 'terminated'])
    .execute();
  return new Set(rows.map((r) => r.person_key));
}

async function liveEnrolments(app: Application, programmeCode: string, scope: string): Promise<number> {
  const row = await app.db
    .selectFrom('benefit_enrolments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('programme_code', '=', programmeCode)
    .where('status', 'in', ['active', 'suspended'])
    .where('hukou_code', 'like', `${scope}%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Step 2: cases entered and reviewed through the services, each level as one bulk action. */
async function enrolThroughServices(
  app: Application,
  later: Application,
  staff: Staff,
  programme: ProgrammeDefinition,
  candidates: Candidate[],
  options: StepOptions,
  today: string,
  log: Log,
): Promise<ProgrammeFigures['service'] & { used: Set<string> }> {
  // An application is decided on the day it is entered: 育儿补贴 only for children under 3 today.
  const firstMonth = addMonths(monthOfDate(today), -36);
  const usable = candidates.filter(
    (c) => programme.code !== 'yuer_butie' || c.birthDate.slice(0, 7) >= firstMonth,
  );
  const ids: string[] = [];
  const used = new Set<string>();
  let refusedAtEntry = 0;
  const phasesMs: Record<string, number> = {};
  let t = performance.now();
  for (const candidate of usable) {
    if (ids.length >= options.serviceSample || refusedAtEntry > options.serviceSample) break;
    const account = accountOf(candidate.personKey);
    try {
      const view = await app.benefits.applications.create(staff.entrant, {
        programmeCode: programme.code,
        personKey: candidate.personKey,
        channel: 'worker',
        declared: candidate.declared,
        bankAccount: account,
        accountName: `户主${candidate.personKey.slice(-6)}`,
      });
      ids.push(view.id);
      used.add(candidate.personKey);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refusedAtEntry += 1;
      used.add(candidate.personKey);
    }
  }
  phasesMs.create = performance.now() - t;
  let refusedInReview = 0;
  const bulk = async (
    phase: string,
    on: Application,
    actor: Actor,
    action: Parameters<Application['benefits']['applications']['actMany']>[2],
  ) => {
    t = performance.now();
    const result = await on.benefits.applications.actMany(actor, ids, action);
    phasesMs[phase] = performance.now() - t;
    if (result.refused > 0) {
      refusedInReview += result.refused;
      const first = result.results.find((r) => !r.ok);
      log(`${programme.code} ${phase}: ${result.refused} refused, e.g. ${first?.code}: ${first?.message}`);
      const refused = new Set(result.results.filter((r) => !r.ok).map((r) => r.id));
      ids.splice(0, ids.length, ...ids.filter((id) => !refused.has(id)));
    }
  };
  await bulk('villageApprove', app, staff.village, { action: 'villageApprove', noticeDays: 1 });
  // The 公示 of one day is over on the next day: the rest runs on a clock one day ahead.
  await bulk('closeNotice', later, staff.village, { action: 'closeNotice' });
  await bulk('townshipApprove', later, staff.township, { action: 'townshipApprove' });
  await bulk('countyApprove', later, staff.county, { action: 'countyApprove', enrolFrom: options.enrolFrom });
  const totalMs = Object.values(phasesMs).reduce((a, b) => a + b, 0);
  const attempted = ids.length + refusedAtEntry + refusedInReview;
  return {
    attempted,
    enrolled: ids.length,
    refusedAtEntry,
    refusedInReview,
    msPerCase: ids.length > 0 ? totalMs / ids.length : null,
    phasesMs,
    used,
  };
}

/** The shortcut: the rows the review writes, for many cases per transaction (see the header). */
async function enrolInBulk(
  app: Application,
  staff: Staff,
  programme: ProgrammeDefinition,
  candidates: Candidate[],
  options: StepOptions,
  today: string,
  log: Log,
): Promise<number> {
  const open: OpenSensitive = (sealed) => app.register.cipher.openPerson(sealed);
  const tomorrow = addDays(today, 1);
  const category = programme.categories.length === 1 ? programme.categories[0]! : null;
  const chain: [ApplicationCommand, Actor, string][] = [
    [{ type: 'villageApprove', noticeDays: 1 }, staff.village, today],
    [{ type: 'closeNotice' }, staff.village, tomorrow],
    [{ type: 'townshipApprove' }, staff.township, tomorrow],
    [{ type: 'countyApprove', enrolFrom: options.enrolFrom }, staff.county, tomorrow],
  ];
  const usernames = new Map(Object.values(staff).map((a) => [a.userId, a.username]));
  let enrolled = 0;
  for (let i = 0; i < candidates.length; i += 500) {
    const chunk = candidates.slice(i, i + 500);
    const rows = await personRecords(
      app.db,
      chunk.map((c) => c.personKey),
    );
    const byKey = new Map(rows.map((r) => [r.person_key, r]));
    const declared = new Map(chunk.map((c) => [c.personKey, c.declared]));
    const families = await familiesOf(app.db, rows, open, declared);
    const now = app.clock.now();
    const applications: Insertable<BenefitApplicationsTable>[] = [];
    const steps: Insertable<BenefitApplicationStepsTable>[] = [];
    const notices: Insertable<BenefitNoticesTable>[] = [];
    const enrolments: Insertable<BenefitEnrolmentsTable>[] = [];
    for (const candidate of chunk) {
      const person = byKey.get(candidate.personKey);
      const family = families.get(candidate.personKey);
      if (!person || !family) continue;
      const decision = screenFamily(programme, family, options.screeningDate);
      const chosen = decision.category ?? category;
      if (decision.outcome === 'ineligible' || chosen === null) continue;
      let state: BenefitApplication = createBenefitApplication({
        id: uuidv7(now.getTime()),
        programmeCode: programme.code,
        beneficiaryId: person.person_key,
        channel: 'worker',
        enteredBy: staff.entrant.userId,
        date: today,
      });
      for (const [command, actor, date] of chain) {
        const next = transition(state, command, { userId: actor.userId, date });
        if (!next.ok) throw new Error(`${programme.code} ${person.person_key}: ${next.error.message}`);
        state = next.value;
      }
      const account = accountOf(person.person_key);
      const sealed = app.crypto.encrypt(account);
      const accountName = `户主${person.person_key.slice(-6)}`;
      applications.push({
        id: state.id,
        programme_code: programme.code,
        person_key: person.person_key,
        hukou_code: person.hukou_code,
        channel: 'worker' as const,
        entered_by: staff.entrant.userId,
        entered_on: today,
        status: state.status,
        state: stateOf(state),
        declared: JSON.stringify(candidate.declared),
        screening: JSON.stringify(decision),
        account_sealed: sealed,
        account_masked: maskAccount(account),
        account_name: accountName,
        version: 1 + chain.length,
        updated_at: now,
      });
      state.trail.forEach((step, index) =>
        steps.push({
          application_id: state.id,
          step_no: index + 1,
          action: step.action,
          from_status: step.from,
          to_status: step.to,
          date: step.date,
          user_id: step.userId,
          username: usernames.get(step.userId) ?? null,
          reason: step.reason ?? null,
          at: now,
        }),
      );
      const schedule = scheduleOn(chosen, today, person.hukou_code);
      notices.push({
        id: uuidv7(now.getTime()),
        application_id: state.id,
        round: 1,
        village_code: person.hukou_code,
        programme_code: programme.code,
        person_name: person.name,
        id_number_masked: person.id_number_masked,
        amount_fen: schedule?.amountFen ?? 0,
        amount_basis: schedule?.basis ?? 'once',
        first_day: today,
        last_day: today,
        taken_down_on: tomorrow,
      });
      enrolments.push({
        id: uuidv7(now.getTime()),
        application_id: state.id,
        programme_code: programme.code,
        person_key: person.person_key,
        hukou_code: person.hukou_code,
        category_code: chosen.code,
        from_month: state.enrolment!.fromMonth,
        suspended_from: null,
        ends_before: null,
        status: 'active',
        account_sealed: sealed,
        account_masked: maskAccount(account),
        account_name: accountName,
        created_at: now,
        updated_at: now,
      });
    }
    if (applications.length === 0) continue;
    await app.db.transaction().execute(async (trx) => {
      await trx.insertInto('benefit_applications').values(applications).execute();
      for (let s = 0; s < steps.length; s += 2000)
        await trx
          .insertInto('benefit_application_steps')
          .values(steps.slice(s, s + 2000))
          .execute();
      await trx.insertInto('benefit_notices').values(notices).execute();
      await trx.insertInto('benefit_enrolments').values(enrolments).execute();
      await app.audit.record(
        trx,
        { username: 'bench-bulk-enrolment' },
        {
          action: 'benefit.application.bench_bulk_enrol',
          targetType: 'benefit_application',
          targetIds: applications.map((a) => a.id),
          jurisdiction: options.scope,
          details: {
            programmeCode: programme.code,
            cases: applications.length,
            enrolFrom: options.enrolFrom,
          },
        },
      );
    });
    enrolled += applications.length;
    if ((i / 500) % 20 === 19) log(`${programme.code}: ${enrolled.toLocaleString('en-US')} enrolled in bulk`);
  }
  return enrolled;
}

export async function runBenefitSteps(
  app: Application,
  options: StepOptions,
  log: Log,
): Promise<StepsResult> {
  const steps: StepFigures[] = [];
  const notes: string[] = [];
  const staff = staffOf(options.scope);
  const today = chinaDate(app.clock.now());
  const later = createApplication({
    db: app.db,
    crypto: app.crypto,
    clock: { now: () => new Date(app.clock.now().getTime() + DAY) },
  });

  if (options.confirmJiangfuAmount) {
    // A county adds its own schedule of the national amount, verified: the highest amount in force
    // applies and on a tie the narrower region's, so 奖扶 is payable there (no top-up in money).
    const national = await app.benefits.programmes.get('jiangfu');
    const current = scheduleOn(national.categories[0]!, options.screeningDate, options.scope);
    if (current && !current.verified) {
      await app.benefits.programmes.addSchedule(staff.county, 'jiangfu', 'standard', {
        effectiveFrom: options.screeningDate,
        amountFen: current.amountFen,
        basis: 'per_year',
        region: options.scope,
        source: `bench: the county confirms the national amount (${current.amountFen} fen a year)`,
        verified: true,
      });
      notes.push(
        `奖扶: the national ¥${current.amountFen / 100} a year is marked unverified (held out of batches); the bench added county ${options.scope}'s confirmation of the same amount from ${options.screeningDate} (programmes.addSchedule, append-only).`,
      );
    }
  }
  const programmes = await Promise.all(PROGRAMMES.map((code) => app.benefits.programmes.get(code)));
  const figures: ProgrammeFigures[] = [];

  // 1. Screening over the whole register, as the screening page asks for it.
  for (const programme of programmes) {
    const code = programme.code as ProgrammeCode;
    const { result, figures: step } = await measureStep(
      `screen_${code}`,
      `screening ${programmeLabels[code]} over the whole register (counts + page 1 of 50)`,
      () =>
        app.benefits.screening.screen(staff.county, {
          programmeCode: code,
          date: options.screeningDate,
          page: 1,
          pageSize: 50,
        }),
      (r) => ({
        persons: r.counts.eligible + r.counts.ineligible + r.counts.needs_review,
        eligible: r.counts.eligible,
        needsReview: r.counts.needs_review,
        ineligible: r.counts.ineligible,
        items: r.items.length,
      }),
    );
    steps.push(step);
    log(`${step.label}: ${(step.ms / 1000).toFixed(1)} s ${JSON.stringify(step.detail)}`);
    figures.push({
      code,
      screening: { ...result.counts },
      candidates: 0,
      liveBefore: 0,
      service: {
        attempted: 0,
        enrolled: 0,
        refusedAtEntry: 0,
        refusedInReview: 0,
        msPerCase: null,
        phasesMs: {},
      },
      bulkEnrolled: 0,
      shortOfTarget: false,
    });
  }

  // Preparation (not a product step): the candidates' keys.
  const { result: candidates, figures: prep } = await measureStep(
    'prepare_candidates',
    'preparation: candidates of both programmes (familiesOf + screenFamily, keys only)',
    () => collectCandidates(app, programmes, options.scope, options.screeningDate, log),
    (r) => Object.fromEntries([...r].map(([code, list]) => [code, list.length])),
  );
  steps.push(prep);
  log(`${prep.label}: ${(prep.ms / 1000).toFixed(1)} s ${JSON.stringify(prep.detail)}`);

  // 2. Enrolment: a sample through the services, the rest by the shortcut, up to the target.
  for (const programme of programmes) {
    const entry = figures.find((f) => f.code === programme.code)!;
    const taken = await liveApplicants(app, programme.code);
    const all = candidates.get(programme.code) ?? [];
    entry.candidates = all.length;
    entry.liveBefore = await liveEnrolments(app, programme.code, options.scope);
    const fresh = all.filter((c) => !taken.has(c.personKey));
    let wanted = Math.max(0, options.targetLines - entry.liveBefore);
    const label = programmeLabels[entry.code];
    if (wanted > 0 && options.serviceSample > 0 && fresh.length > 0) {
      const { result, figures: step } = await measureStep(
        `enrol_service_${entry.code}`,
        `${label}: applications through the review services (create + 4 bulk actions)`,
        () =>
          enrolThroughServices(
            app,
            later,
            staff,
            programme,
            fresh,
            { ...options, serviceSample: Math.min(options.serviceSample, wanted) },
            today,
            log,
          ),
        (r) => ({
          cases: r.enrolled,
          refused: r.refusedAtEntry + r.refusedInReview,
          msPerCase: r.msPerCase === null ? null : Math.round(r.msPerCase * 10) / 10,
        }),
      );
      steps.push(step);
      const { used, ...service } = result;
      entry.service = service;
      wanted -= service.enrolled;
      const rest = fresh.filter((c) => !used.has(c.personKey));
      fresh.splice(0, fresh.length, ...rest);
      log(`${step.label}: ${(step.ms / 1000).toFixed(1)} s ${JSON.stringify(step.detail)}`);
    }
    if (wanted > 0 && fresh.length > 0) {
      const { result, figures: step } = await measureStep(
        `enrol_bulk_${entry.code}`,
        `${label}: enrolment shortcut (review rows written 500 cases per transaction)`,
        () => enrolInBulk(app, staff, programme, fresh.slice(0, wanted), options, today, log),
        (n) => ({ cases: n }),
      );
      steps.push(step);
      entry.bulkEnrolled = result;
      wanted -= result;
      log(`${step.label}: ${(step.ms / 1000).toFixed(1)} s ${JSON.stringify(step.detail)}`);
    }
    entry.shortOfTarget = wanted > 0;
  }

  // Budgets for the period's year (approval checks them), large enough for any batch here.
  const year = Number(options.period.slice(0, 4));
  for (const programme of programmes) {
    await app.benefits.budgets.set(staff.approver, {
      programmeCode: programme.code,
      year,
      jurisdiction: options.scope,
      amountFen: 1_000_000_000_000,
      document: 'bench',
    });
  }

  // 3. The batch of each programme: build, approve, bank file as CSV and XLSX.
  for (const entry of figures) {
    const label = programmeLabels[entry.code];
    let built;
    try {
      built = await measureStep(
        `build_${entry.code}`,
        `${label}: build the ${options.period} batch`,
        () =>
          app.benefits.payments.build(staff.builder, {
            programmeCode: entry.code,
            period: options.period,
            jurisdiction: options.scope,
            budgetFen: 1_000_000_000_000,
          }),
        (r) => ({
          lines: r.lineCount,
          totalFen: r.totalFen,
          held: r.held.length,
          alreadyInBatches: r.alreadyInBatches,
        }),
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.details[0]?.reason !== 'BENEFIT_BATCH_EMPTY') throw error;
      notes.push(
        `${label}: no batch: ${error.message} (no enrolment is due for ${options.period}: no candidates, or every line already in a batch of an earlier run — then pass another --period or use a fresh copy of the database).`,
      );
      log(`${label}: ${error.message}`);
      continue;
    }
    steps.push(built.figures);
    log(
      `${built.figures.label}: ${(built.figures.ms / 1000).toFixed(1)} s ${JSON.stringify(built.figures.detail)}`,
    );
    const batch = built.result;
    const approved = await measureStep(
      `approve_${entry.code}`,
      `${label}: approve the batch`,
      () => app.benefits.payments.approve(staff.approver, batch.id),
      (r) => ({ status: r.status }),
    );
    steps.push(approved.figures);
    const files: Record<string, number> = {};
    for (const format of ['csv', 'xlsx'] as const) {
      const exported = await measureStep(
        `export_${format}_${entry.code}`,
        `${label}: bank file ${format.toUpperCase()}${format === 'xlsx' ? ' (re-export)' : ''}`,
        () => app.benefits.payments.exportBankFile(staff.exporter, batch.id, format),
        (r) => ({
          lines: r.lineCount,
          bytes:
            r.encoding === 'base64' ? Buffer.from(r.content, 'base64').length : Buffer.byteLength(r.content),
        }),
      );
      steps.push(exported.figures);
      files[format] = Number(exported.figures.detail.bytes);
      if (exported.result.lineCount !== batch.lineCount)
        notes.push(
          `${label} ${format}: ${exported.result.lineCount} lines in the file, ${batch.lineCount} in the batch.`,
        );
      if (options.filesDir) {
        mkdirSync(options.filesDir, { recursive: true });
        writeFileSync(
          join(options.filesDir, exported.result.fileName),
          exported.result.encoding === 'base64'
            ? Buffer.from(exported.result.content, 'base64')
            : exported.result.content,
        );
      }
      log(
        `${exported.figures.label}: ${(exported.figures.ms / 1000).toFixed(1)} s ${JSON.stringify(exported.figures.detail)}`,
      );
    }
    entry.batch = {
      id: batch.id,
      lines: batch.lineCount,
      totalFen: batch.totalFen,
      held: batch.held.length,
      alreadyInBatches: batch.alreadyInBatches,
      csvBytes: files.csv ?? 0,
      xlsxBytes: files.xlsx ?? 0,
    };
    if (batch.lineCount < options.targetLines)
      notes.push(
        `${label}: the batch has ${batch.lineCount.toLocaleString('en-US')} lines, fewer than the ${options.targetLines.toLocaleString('en-US')} wanted: the register gives ${entry.candidates.toLocaleString('en-US')} candidates on ${options.screeningDate}${batch.held.length ? `, ${batch.held.length} lines held back` : ''}.`,
      );
  }
  return { steps, programmes: figures, today, notes };
}

/** persons and register events in the database (for the result file). */
export async function registerSize(app: Application): Promise<{ persons: number; events: number }> {
  const row = await sql<{ persons: string; events: string }>`
    SELECT (SELECT count(*) FROM persons)::text AS persons, (SELECT count(*) FROM register_events)::text AS events`.execute(
    app.db,
  );
  return { persons: Number(row.rows[0]?.persons ?? 0), events: Number(row.rows[0]?.events ?? 0) };
}
