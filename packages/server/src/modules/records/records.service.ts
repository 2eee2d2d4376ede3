// `renkou import records --source NAME FILE`: one department's file, all or nothing (spec §2). Any
// bad row rejects the whole file with a report naming row, field and reason; a good file is stored
// in one transaction, idempotent by (source, record_id): the same record again is unchanged, the
// same record_id with other content is a conflict that rejects the file. A marriage or divorce record
// is stored as its two parties (record_id#1, record_id#2: marriage-parties.ts in core), each linked to
// the register on its own; counts and reports still speak of the file's rows.
import {
  authorize,
  canonicalJson,
  chinaDate,
  DomainError,
  ErrorCode,
  MARRIAGE_SOURCE,
  marriageOfParty,
  marriageParties,
  RECORD_SOURCES,
  readRecordRow,
  sensitiveRecordColumns,
  Permission,
  uuidv7,
  type Actor,
  type Clock,
  type RecordImportResult,
  type RecordProblemRow,
  type RecordSource,
  type RecordSourceInfo,
} from '@renkou/core';
import type { Db } from '@renkou/db';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { CryptoProvider } from '../../crypto/crypto-provider';
import type { AuditService } from '../audit';
import type { JurisdictionService } from '../jurisdictions';
import { FileFault, openTable, requireColumns } from '../register';
import { CompletenessService } from './completeness.service';
import { DuplicatesService, type EventRecorder } from './duplicates.service';
import { MarriagesService } from './marriages.service';
import { isLinkableSource, LinkRunsService, type LinkRunResult } from './link-runs.service';
import { countBySource, existingRecords, insertRecords, type NewRecord } from './records.repository';
import { WorklistsService } from './worklists.service';

/** The column holding the record's place (for scopes) and its own date, per source. */
const PLACE_COLUMN: Record<string, string> = {
  hospital_births: 'address_code',
  hukou: 'hukou_code',
  civil_deaths: 'address_code',
};
const DATE_COLUMN: Record<string, string> = {
  hospital_births: 'birth_date',
  hukou: 'event_date',
  civil_deaths: 'death_date',
  civil_marriages: 'date',
};
/** The ID number the blind index keeps: a newborn's record is found through its mother. */
const MAIN_ID_COLUMN: Record<string, string> = {
  hospital_births: 'mother_id_number',
  hukou: 'id_number',
  civil_deaths: 'id_number',
  // a party's own (the record is stored as its two parties)
  civil_marriages: 'id_number',
};
/** A party's ID number and the spouse's, sealed at rest like the file's ID columns. */
const PARTY_SENSITIVE_COLUMNS = ['id_number', 'spouse_id_number'];

/** The file row's record_id of a stored record (a marriage party's is its record's). */
const fileRecordId = (source: string, recordId: string) =>
  source === MARRIAGE_SOURCE ? marriageOfParty(recordId).recordId : recordId;

export class RecordsService {
  /** Link runs against the register (background jobs with progress, or awaited by the CLI). */
  readonly runs: LinkRunsService;
  readonly worklists: WorklistsService;
  readonly completeness: CompletenessService;
  /** The register's own duplicates (重复登记), found by a 'register' run. */
  readonly duplicates: DuplicatesService;
  /** Civil-affairs marriages and divorces the register lacks (婚姻登记未入库). */
  readonly marriages: MarriagesService;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly crypto: CryptoProvider,
    private readonly jurisdictions: JurisdictionService,
    register: EventRecorder,
  ) {
    this.runs = new LinkRunsService(db, audit, clock, crypto, jurisdictions);
    this.duplicates = new DuplicatesService(db, audit, clock, crypto, register);
    this.marriages = new MarriagesService(db, audit, clock, crypto);
    this.worklists = new WorklistsService(db, audit, clock, crypto);
    this.completeness = new CompletenessService(db);
  }

  sourceOf(name: string): RecordSource {
    const source = RECORD_SOURCES[name];
    if (!source)
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `未知的数据来源 ${name}；可用：${Object.keys(RECORD_SOURCES).join('、')}`,
        [{ field: 'source', reason: 'unknown source' }],
      );
    return source;
  }

  async importFile(sourceName: string, path: string, username: string): Promise<RecordImportResult> {
    const source = this.sourceOf(sourceName);
    const table = await openTable(path);
    requireColumns(
      table,
      source.columns.filter((c) => c.required).map((c) => c.name),
    );
    const today = chinaDate(this.clock.now());
    const problems: RecordProblemRow[] = [];
    const records: NewRecord[] = [];
    const rowOf = new Map<string, number>();
    for await (const { rowNo, cells } of table.rows()) {
      const result = readRecordRow(source, cells, today);
      if (!result.ok) {
        problems.push(...result.problems.map((p) => ({ row: rowNo, ...p })));
        continue;
      }
      const id = result.values.record_id as string;
      const first = rowOf.get(id);
      if (first !== undefined) {
        problems.push({
          row: rowNo,
          field: 'record_id',
          code: 'DUPLICATE_RECORD_ID',
          message: `record_id ${id} 与第 ${first} 行重复`,
        });
        continue;
      }
      rowOf.set(id, rowNo);
      if (source.name === MARRIAGE_SOURCE)
        records.push(...marriageParties(result.values).map((party) => this.toRecord(source, party)));
      else records.push(this.toRecord(source, result.values));
    }
    const importId = uuidv7(this.clock.now().getTime());
    const startedAt = this.clock.now();
    let added = 0;
    if (problems.length === 0) {
      try {
        added = await this.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('record_imports')
            .values({
              id: importId,
              source: source.name,
              file_name: basename(path),
              started_at: startedAt,
              status: 'done',
              created_by: username,
            })
            .execute();
          const existing = await existingRecords(
            trx,
            source.name,
            records.map((r) => r.recordId),
          );
          const conflicting = new Set<string>();
          const fresh = records.filter((r) => {
            const hash = existing.get(r.recordId);
            const id = fileRecordId(source.name, r.recordId);
            if (hash !== undefined && hash !== r.contentHash && !conflicting.has(id)) {
              conflicting.add(id); // once per file row, though both parties of a marriage differ
              problems.push({
                row: rowOf.get(id) ?? 0,
                field: 'record_id',
                code: 'RECORD_ID_CONFLICT',
                message: `record_id ${id} 已导入过内容不同的记录`,
              });
            }
            return hash === undefined;
          });
          if (problems.length > 0) throw new RejectedFile();
          await insertRecords(trx, importId, source.name, fresh);
          return new Set(fresh.map((r) => fileRecordId(source.name, r.recordId))).size;
        });
      } catch (error) {
        if (!(error instanceof RejectedFile)) throw error;
      }
    }
    const status = problems.length === 0 ? 'done' : 'rejected';
    const result: RecordImportResult = {
      importId,
      source: source.name,
      status,
      rows: rowOf.size + new Set(problems.map((p) => p.row)).size,
      added: status === 'done' ? added : 0,
      unchanged: status === 'done' ? rowOf.size - added : 0,
      problems: problems.sort((a, b) => a.row - b.row),
    };
    if (status === 'rejected') {
      result.report = `${path}.report.csv`;
      writeReport(result.report, result.problems);
      await this.db
        .insertInto('record_imports')
        .values({
          id: importId,
          source: source.name,
          file_name: basename(path),
          started_at: startedAt,
          status,
          created_by: username,
        })
        .execute();
    }
    await this.db
      .updateTable('record_imports')
      .set({
        finished_at: this.clock.now(),
        counts: JSON.stringify({
          rows: result.rows,
          added: result.added,
          unchanged: result.unchanged,
          problems: problems.length,
        }),
      })
      .where('id', '=', importId)
      .execute();
    await this.audit.record(
      this.db,
      { username },
      {
        action: 'records.import',
        targetType: 'record_import',
        targetIds: [importId],
        details: { source: source.name, status, added: result.added, problems: problems.length },
      },
    );
    return result;
  }

  /** The sources with their stored records and last link run (the 核对 page's header). */
  async sources(actor: Actor): Promise<RecordSourceInfo[]> {
    const runs = await this.runs.latest(actor);
    const counts = await countBySource(this.db);
    return Object.values(RECORD_SOURCES).map((source) => ({
      name: source.name,
      label: source.label,
      records: counts.get(source.name) ?? 0,
      linkable: isLinkableSource(source.name),
      lastRun: runs.find((r) => r.source === source.name) ?? null,
    }));
  }

  /** A department file uploaded from the web app: the same all-or-nothing import as the CLI's. */
  async importUpload(
    actor: Actor,
    sourceName: string,
    fileName: string,
    content: Buffer,
  ): Promise<RecordImportResult> {
    authorize(actor, Permission.PersonWrite, (await this.jurisdictions.coverage()) ?? '');
    const ext = extname(fileName).toLowerCase();
    if (ext !== '.csv' && ext !== '.xlsx')
      throw new DomainError(ErrorCode.ValidationFailed, '只接受 .csv 或 .xlsx 文件');
    const dir = mkdtempSync(join(tmpdir(), 'renkou-records-'));
    try {
      const path = join(dir, basename(fileName).replace(/[^\w.\-\u4e00-\u9fff]/g, '_'));
      writeFileSync(path, content);
      const { report: _onServer, ...result } = await this.importFile(sourceName, path, actor.username).catch(
        (error: unknown) => {
          if (error instanceof FileFault) throw new DomainError(ErrorCode.ValidationFailed, error.message);
          throw error;
        },
      );
      return { ...result, problems: result.problems.slice(0, 200) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /**
   * Links the stored records of a source against the register and stores the run's decisions; for
   * 'register', the register against itself, storing its duplicate pairs.
   */
  async link(sourceName: string, username: string): Promise<LinkRunResult> {
    // The run refuses a name without a model, listing those it has ('register' among them).
    return this.runs.run(sourceName, username);
  }

  private toRecord(source: RecordSource, values: Record<string, string>): NewRecord {
    const open: Record<string, string> = { ...values };
    const secret: Record<string, string> = {};
    const sensitive =
      source.name === MARRIAGE_SOURCE ? PARTY_SENSITIVE_COLUMNS : sensitiveRecordColumns(source);
    for (const column of sensitive) {
      if (open[column]) secret[column] = open[column] as string;
      delete open[column];
    }
    const mainId = values[MAIN_ID_COLUMN[source.name] ?? ''];
    const place = values[PLACE_COLUMN[source.name] ?? ''];
    const date = values[DATE_COLUMN[source.name] ?? ''];
    return {
      recordId: values.record_id as string,
      payload:
        Object.keys(secret).length > 0
          ? { ...open, sealed: this.crypto.encrypt(JSON.stringify(secret)) }
          : open,
      contentHash: this.crypto.hmacSm3('content-hash', canonicalJson(values)),
      idNumberIndex: mainId ? this.crypto.hmacSm3('blind-index', mainId) : null,
      jurisdictionCode: place || null,
      recordDate: date || null,
    };
  }
}

class RejectedFile extends Error {}

function writeReport(path: string, problems: RecordProblemRow[]): void {
  const quote = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
  const lines = [
    'row,field,code,message',
    ...problems.map((p) => [p.row, p.field, p.code, p.message].map(quote).join(',')),
  ];
  writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`);
}
