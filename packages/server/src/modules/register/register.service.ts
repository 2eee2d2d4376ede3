// The register's application service: imports, exports, verification, and (for the web app) the
// reads and writes of one person, all checked against the actor's permissions and scope.
import { chinaDate, DomainError, ErrorCode, type Clock } from '@renkou/core';
import { sql, type Db } from '@renkou/db';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AuditService } from '../audit';
import type { JurisdictionService } from '../jurisdictions';
import type { CryptoProvider } from '../../crypto/crypto-provider';
import { CodeBook } from './code-book';
import { RegisterCipher } from './register-cipher';
import { FileFault } from './import/table-reader';
import {
  filesOf,
  readManifest,
  runRegisterImport,
  type Dataset,
  type ImportFiles,
  type ImportProgress,
} from './import/register-import';
import type { ImportCounts, ImportProblem } from './import/import-tally';
import { exportRegister } from './register-export';
import { verifyRegister, type VerifyRegisterReport } from './register-verify';

const DATASET_KEY = 'register.dataset';

export interface ImportResult extends ImportCounts {
  importId: string;
  report: string;
  problems: ImportProblem[];
}

export interface ImportOptions {
  username: string | null;
  onProgress?: (progress: ImportProgress) => void;
  chunkSize?: number;
}

/**
 * A life event now in the register, for modules that act on it (benefits stop on death, and on a
 * record merged into another as its duplicate: `into` names the record that stays).
 */
export type LifeEvent =
  | { type: 'death'; personKey: string; date: string }
  | { type: 'merged'; personKey: string; date: string; into: string };
/** Hears the life events of one write (a form: one; an import: every death and merge it applied). */
export type LifeEventListener = (events: readonly LifeEvent[]) => Promise<unknown>;

export class RegisterService {
  private codes: CodeBook | undefined;
  private readonly lifeEventListeners: LifeEventListener[] = [];

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly jurisdictions: JurisdictionService,
    crypto: CryptoProvider,
  ) {
    this.cipher = new RegisterCipher(crypto);
  }

  readonly cipher: RegisterCipher;

  /**
   * Listeners run after the events are committed; they must be idempotent, because a rerun of an
   * import (or a retried form) tells them again. An import tells them all its events at once, so a
   * listener can find the few persons it cares about in one query instead of one per death.
   */
  onLifeEvents(listener: LifeEventListener): void {
    this.lifeEventListeners.push(listener);
  }

  async notifyLifeEvents(events: readonly LifeEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const listener of this.lifeEventListeners) await listener(events);
  }

  /** The division codes, read once per process (the tree changes only by `renkou init`). */
  async codeBook(): Promise<CodeBook> {
    this.codes ??= await CodeBook.open(this.db);
    return this.codes;
  }

  async dataset(): Promise<Dataset | undefined> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', DATASET_KEY)
      .executeTakeFirst();
    return row ? (row.value as Dataset) : undefined;
  }

  /** A dataset must match the register's: same coverage and start; its end may extend the register's. */
  private async adoptDataset(incoming: Dataset): Promise<Dataset> {
    await this.jurisdictions.requireExisting(incoming.coverage).catch(() => {
      throw new FileFault(
        'dataset.json',
        `覆盖范围 ${incoming.coverage} 不在已加载的区划中（先运行 renkou init --coverage）`,
      );
    });
    const current = await this.dataset();
    if (current && (current.coverage !== incoming.coverage || current.start !== incoming.start)) {
      throw new FileFault(
        'dataset.json',
        `数据集（${incoming.coverage}，自 ${incoming.start}）与登记库（${current.coverage}，自 ${current.start}）不一致`,
      );
    }
    const merged = current && current.end > incoming.end ? current : incoming;
    await this.db
      .insertInto('settings')
      .values({ key: DATASET_KEY, value: JSON.stringify(merged) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(merged) }))
      .execute();
    return merged;
  }

  /**
   * Imports a dataset folder. A faulty file throws FileFault (nothing applied); otherwise every row
   * is accepted, unchanged or rejected, and the report is written beside the input.
   */
  async importDirectory(dir: string, options: ImportOptions): Promise<ImportResult> {
    const manifest = readManifest(dir);
    return this.importFiles(filesOf(dir), manifest, { ...options, reportDir: dir, sourceName: dir });
  }

  /**
   * Imports files (each with an optional column mapping) into the register of `manifest`. The
   * import row is created first, so a job can be watched by its id while it runs.
   */
  async importFiles(
    files: ImportFiles,
    manifest: Dataset,
    options: ImportOptions & { reportDir: string; sourceName: string; importId?: string },
  ): Promise<ImportResult> {
    const importId = options.importId ?? randomUUID();
    const startedAt = this.clock.now();
    // The row first, so that the import can be watched (and its failure seen) from the start.
    await this.db
      .insertInto('register_imports')
      .values({
        id: importId,
        started_at: startedAt,
        started_by: options.username,
        source_name: options.sourceName,
        status: 'running',
      })
      .execute();
    try {
      const codes = await this.codeBook();
      const dataset = await this.adoptDataset(manifest);
      const tally = await runRegisterImport(this.db, files, {
        dataset,
        codes,
        writer: {
          cipher: this.cipher,
          source: `import:${importId}`,
          createdBy: options.username,
          today: chinaDate(startedAt),
        },
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
      });
      const report = join(options.reportDir, 'import-report.csv');
      tally.writeReport(report);
      // A bulk load leaves the planner blind (autovacuum may be off or late): searches took 10–100×
      // longer until the tables were analysed (bench/register). VACUUM too: until it marks the pages
      // all-visible, every index-only scan of a search visits the heap (200 k persons fresh from the
      // import: name p50 54 → 19 ms, pinyin 16 → 4 ms; PGlite has no autovacuum at all).
      if (tally.counts.accepted > 0)
        await sql`VACUUM (ANALYZE) persons, person_places, person_name_grams, register_events`.execute(
          this.db,
        );
      await this.db.transaction().execute(async (trx) => {
        const problems = tally.sortedProblems();
        for (let i = 0; i < problems.length; i += 1000) {
          await trx
            .insertInto('register_import_problems')
            .values(
              problems.slice(i, i + 1000).map((p) => ({
                import_id: importId,
                file: p.file,
                row_no: p.row,
                severity: p.severity,
                field: p.field,
                code: p.code,
                message: p.message,
              })),
            )
            .execute();
        }
        await trx
          .updateTable('register_imports')
          .set({ status: 'done', finished_at: this.clock.now(), counts: JSON.stringify(tally.counts) })
          .where('id', '=', importId)
          .execute();
        await this.audit.record(
          trx,
          { username: options.username ?? 'system' },
          {
            action: 'register.import',
            targetType: 'register_import',
            targetIds: [importId],
            jurisdiction: dataset.coverage,
            details: { ...tally.counts },
          },
        );
      });
      await this.notifyLifeEvents([
        ...tally.deaths.map((death): LifeEvent => ({ type: 'death', ...death })),
        ...tally.merges.map((merge): LifeEvent => ({ type: 'merged', ...merge })),
      ]);
      return { importId, report, ...tally.counts, problems: tally.sortedProblems() };
    } catch (error) {
      await this.db
        .updateTable('register_imports')
        .set({ status: 'failed', finished_at: this.clock.now(), failure: (error as Error).message })
        .where('id', '=', importId)
        .execute();
      throw error;
    }
  }

  async exportDirectory(dir: string, username: string | null): Promise<{ persons: number; events: number }> {
    const dataset = await this.requireDataset();
    const counts = await exportRegister(this.db, this.cipher, dir, dataset);
    await this.audit.record(
      this.db,
      { username: username ?? 'system' },
      {
        action: 'register.export',
        jurisdiction: dataset.coverage,
        details: { ...counts },
      },
    );
    return counts;
  }

  async verify(): Promise<VerifyRegisterReport> {
    const dataset = await this.dataset();
    if (!dataset) return { ok: true, persons: 0, events: 0, problems: [] };
    return verifyRegister(this.db, await this.codeBook(), this.cipher, dataset);
  }

  private async requireDataset(): Promise<Dataset> {
    const dataset = await this.dataset();
    if (!dataset) throw new DomainError(ErrorCode.NotFound, '登记库为空：尚未导入数据集');
    return dataset;
  }
}
