// Link runs: one department's records against the whole register, or the register against itself
// (source 'register': its duplicates, 重复登记), as a background job with progress (the web app's 核对
// page) or awaited (`renkou link --source`). The linking itself runs in a worker thread
// (link-in-worker.ts) so the server keeps answering. Every decision or pair is stored with the weights
// that made it; a rerun replaces the untouched ones and keeps the clerks' work.
import {
  authorize,
  DomainError,
  ErrorCode,
  LINK_RUN_SOURCES,
  LINKABLE_SOURCES,
  Permission,
  REGISTER_SOURCE,
  uuidv7,
  type Actor,
  type Clock,
  type LinkableSource,
  type LinkRunSource,
  type LinkRunView,
} from '@renkou/core';
import { sql, type Db } from '@renkou/db';
import type { CryptoProvider } from '../../crypto/crypto-provider';
import type { AuditService, Executor } from '../audit';
import type { JurisdictionService } from '../jurisdictions';
import {
  findRun,
  finishRun,
  insertRun,
  latestRuns,
  replaceOpenDecisions,
  runningRun,
  setRunProgress,
  type DecisionClass,
  type RunProgress,
} from './link-runs.repository';
import type { DuplicatePair } from './duplicate-pairs';
import { MATCH_AT } from './link-decisions';
import { replaceOpenPairs } from './duplicates.repository';
import { BIRTH_SOURCES, refreshSameBirths } from './same-births';
import { decideInWorker, findDuplicatesInWorker } from './link-in-worker';
import {
  linkSourceToRegister,
  loadDuplicateInput,
  type DecideLinks,
  type FindDuplicates,
  type LinkDecision,
} from './record-linking';

export interface LinkRunResult {
  runId: string;
  /** A source's decisions (none for the register's own run). */
  decisions: LinkDecision[];
  /** The register's duplicate pairs (none for a source's run). */
  pairs: DuplicatePair[];
  counts: Record<string, number>;
}

type Who = { actor: Actor } | { username: string };
type Report = (stage: string, done: number, total: number) => void;

const CLASS_OF: Record<LinkDecision['decision'], DecisionClass> = {
  match: 'auto_match',
  review: 'review',
  non_match: 'non_match',
};

export function isLinkableSource(source: string): source is LinkableSource {
  return (LINKABLE_SOURCES as readonly string[]).includes(source);
}

export function isLinkRunSource(source: string): source is LinkRunSource {
  return (LINK_RUN_SOURCES as readonly string[]).includes(source);
}

export class LinkRunsService {
  /** Progress of runs in this process (inside the storing transaction the row cannot show it). */
  private readonly progress = new Map<string, RunProgress>();
  /** A run still 'running' from before this process started was cut off (a restart, a kill). */
  private readonly startedAt: Date;
  /** Runs in progress in this process, to stop them on shutdown. */
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly crypto: CryptoProvider,
    private readonly jurisdictions: JurisdictionService,
    /** Where the linking runs: a worker thread, or inline (the tests' reference). */
    private readonly decide: DecideLinks = decideInWorker,
    private readonly findDuplicates: FindDuplicates = findDuplicatesInWorker,
  ) {
    this.startedAt = clock.now();
  }

  /** Starts a run in the background; answers at once with its id to poll. County-wide: reads every person. */
  async start(actor: Actor, source: string): Promise<{ runId: string }> {
    authorize(actor, Permission.PersonWrite, (await this.jurisdictions.coverage()) ?? '');
    const runId = await this.open(source, actor.username);
    void this.execute(runId, source, { actor }).catch(() => undefined);
    return { runId };
  }

  /** Runs and waits (the command line, tests). */
  async run(source: string, username: string): Promise<LinkRunResult> {
    const runId = await this.open(source, username);
    return this.execute(runId, source, { username });
  }

  /** Stops the runs in progress (their workers end; each run is stored as failed). */
  stopAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }

  async status(actor: Actor, id: string): Promise<LinkRunView> {
    authorize(actor, Permission.PersonRead);
    const row = await findRun(this.db, id);
    if (!row) throw new DomainError(ErrorCode.NotFound, `比对任务 ${id} 不存在`);
    return this.view(row);
  }

  /** The last run of each source (the 核对 page's header). */
  async latest(actor: Actor): Promise<LinkRunView[]> {
    authorize(actor, Permission.PersonRead);
    return (await latestRuns(this.db)).map((row) => this.view(row));
  }

  private view(row: NonNullable<Awaited<ReturnType<typeof findRun>>>): LinkRunView {
    const cutOff = row.status === 'running' && new Date(row.started_at) < this.startedAt;
    return {
      id: row.id,
      source: row.source,
      status: cutOff ? 'failed' : row.status,
      startedAt: new Date(row.started_at).toISOString(),
      finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
      startedBy: row.started_by,
      progress: this.progress.get(row.id) ?? row.progress,
      counts: row.counts,
      failure: cutOff ? '比对任务因服务重启而中断，请重新开始' : row.failure,
    };
  }

  private async open(source: string, username: string): Promise<string> {
    if (!isLinkRunSource(source))
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `${source} 还没有比对模型（已有：${LINK_RUN_SOURCES.join('、')}）`,
        [{ field: 'source', reason: 'no linkage model' }],
      );
    const running = await runningRun(this.db, source);
    if (running && new Date(running.started_at) >= this.startedAt)
      throw new DomainError(ErrorCode.Conflict, `${source} 的比对正在进行中，请等它完成`);
    if (running) await finishRun(this.db, running.id, this.clock.now(), { failure: '服务重启，任务中断' });
    const id = uuidv7(this.clock.now().getTime());
    await insertRun(this.db, { id, source, startedAt: this.clock.now(), startedBy: username });
    this.progress.set(id, { stage: 'queued', done: 0, total: 1 });
    return id;
  }

  private async execute(runId: string, source: string, who: Who): Promise<LinkRunResult> {
    const report: Report = (stage, done, total) => this.progress.set(runId, { stage, done, total });
    const controller = new AbortController();
    this.running.set(runId, controller);
    try {
      // Let the caller answer first (inline, the linkage takes the event loop).
      await new Promise((resolve) => setImmediate(resolve));
      return source === REGISTER_SOURCE
        ? await this.storeDuplicates(runId, who, report, controller.signal)
        : await this.storeDecisions(runId, source, who, report, controller.signal);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await finishRun(this.db, runId, this.clock.now(), { failure: message }).catch(() => undefined);
      throw error;
    } finally {
      this.progress.delete(runId);
      this.running.delete(runId);
    }
  }

  private async storeDecisions(
    runId: string,
    source: string,
    who: Who,
    report: Report,
    signal: AbortSignal,
  ): Promise<LinkRunResult> {
    const decisions = await linkSourceToRegister(this.db, this.crypto, source, report, this.decide, signal);
    if (signal.aborted) throw new Error('比对任务已取消');
    await this.storing(runId, decisions.length, report);
    const counts = {
      records: decisions.length,
      autoMatch: decisions.filter((d) => d.decision === 'match').length,
      review: decisions.filter((d) => d.decision === 'review').length,
      nonMatch: decisions.filter((d) => d.decision === 'non_match').length,
      kept: 0,
    };
    const createdAt = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      counts.kept = await replaceOpenDecisions(
        trx,
        runId,
        source,
        decisions.map((d) => ({
          id: uuidv7(createdAt.getTime()),
          recordId: d.recordId,
          personKey: d.personKey,
          probability: d.probability,
          matchWeight: d.matchWeight,
          comparisons: d.comparisons,
          class: CLASS_OF[d.decision],
        })),
        createdAt,
        async (done) => report('store', done, decisions.length),
      );
      // The missing births changed: pair the hukou rows and hospital births of one baby again.
      if (BIRTH_SOURCES.includes(source)) await refreshSameBirths(trx, this.crypto, createdAt);
      await this.finished(trx, runId, who, source, counts);
    });
    // The lists join thousands of fresh decisions; without statistics (PGlite has no autovacuum) the
    // planner chose a plan that ran for minutes on a 30 k county's marriages instead of 0.1 s.
    await sql`ANALYZE department_records, link_decisions`.execute(this.db);
    return { runId, decisions, pairs: [], counts };
  }

  /** The register against itself: pairs of persons likely registered twice, for the clerks to decide. */
  private async storeDuplicates(
    runId: string,
    who: Who,
    report: Report,
    signal: AbortSignal,
  ): Promise<LinkRunResult> {
    const input = await loadDuplicateInput(this.db, this.crypto, report);
    const pairs = await this.findDuplicates(input, report, signal);
    if (signal.aborted) throw new Error('比对任务已取消');
    await this.storing(runId, pairs.length, report);
    const counts = {
      persons: input.persons.rows.length,
      pairs: pairs.length,
      likely: pairs.filter((p) => p.probability >= MATCH_AT).length,
      kept: 0,
    };
    const createdAt = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      counts.kept = await replaceOpenPairs(
        trx,
        runId,
        pairs.map((p) => ({ ...p, id: uuidv7(createdAt.getTime()) })),
        createdAt,
        async (done) => report('store', done, pairs.length),
      );
      await this.finished(trx, runId, who, REGISTER_SOURCE, counts);
    });
    return { runId, decisions: [], pairs, counts };
  }

  private async storing(runId: string, total: number, report: Report): Promise<void> {
    report('store', 0, total);
    await setRunProgress(this.db, runId, { stage: 'store', done: 0, total });
  }

  private async finished(
    trx: Executor,
    runId: string,
    who: Who,
    source: string,
    counts: Record<string, number>,
  ): Promise<void> {
    await finishRun(trx, runId, this.clock.now(), { counts });
    await this.audit.record(trx, 'actor' in who ? { actor: who.actor } : { username: who.username }, {
      action: 'records.link',
      targetType: 'link_run',
      targetIds: [runId],
      details: { source, ...counts },
    });
  }
}
