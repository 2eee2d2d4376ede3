// Imports started from the web app: an upload is kept in the work folder and previewed (header,
// first rows, a proposed column mapping); the import then runs in the background while the page
// polls its progress; problems and the report stay with the import's id.
import { authorize, DomainError, ErrorCode, Permission, type Actor } from '@renkou/core';
import type { Db } from '@renkou/db';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { guessKind, suggestColumn, type TableKind } from './import/column-aliases';
import type { Dataset, ImportFiles, ImportProgress } from './import/register-import';
import { FileFault, openTable, type ColumnMapping } from './import/table-reader';
import type { RegisterService } from './register.service';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface UploadPreview {
  uploadId: string;
  fileName: string;
  kind: TableKind;
  header: string[];
  sample: string[][];
  suggestedMapping: Record<string, string>;
}

export interface ImportStatus {
  id: string;
  status: 'running' | 'done' | 'failed';
  progress: ImportProgress | null;
  counts: Record<string, number> | null;
  failure: string | null;
}

interface UploadMeta {
  username: string;
  fileName: string;
  path: string;
}

export class ImportJobs {
  private readonly progress = new Map<string, ImportProgress>();

  constructor(
    private readonly db: Db,
    private readonly register: RegisterService,
    private readonly workDir: string,
  ) {}

  private uploadDir(id: string): string {
    return join(this.workDir, 'uploads', id);
  }

  /** Keeps an uploaded table and shows what it holds; a faulty file is refused here already. */
  async preview(actor: Actor, fileName: string, content: Buffer): Promise<UploadPreview> {
    authorize(actor, Permission.PersonWrite);
    const ext = extname(fileName).toLowerCase();
    if (ext !== '.csv' && ext !== '.xlsx') {
      throw new DomainError(ErrorCode.ValidationFailed, '只接受 .csv 或 .xlsx 文件');
    }
    const uploadId = randomUUID();
    const dir = this.uploadDir(uploadId);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `upload${ext}`);
    writeFileSync(path, content);
    const table = await openTable(path).catch((error: unknown) => {
      if (error instanceof FileFault) throw new DomainError(ErrorCode.ValidationFailed, error.message);
      throw error;
    });
    const sample: string[][] = [];
    for await (const row of table.rows()) {
      sample.push(table.header.map((h) => row.cells[h] ?? ''));
      if (sample.length >= 5) break;
    }
    const meta: UploadMeta = { username: actor.username, fileName, path };
    writeFileSync(join(dir, 'upload.json'), JSON.stringify(meta));
    const kind = guessKind(table.header);
    return {
      uploadId,
      fileName,
      kind,
      header: table.header,
      sample,
      suggestedMapping: Object.fromEntries(table.header.map((h) => [h, suggestColumn(h, kind)])),
    };
  }

  /** Starts the import of previewed uploads; answers at once with the id to poll. */
  async start(
    actor: Actor,
    request: { uploads: { uploadId: string; kind: TableKind; mapping: ColumnMapping }[]; dataset?: Dataset },
  ): Promise<{ importId: string }> {
    const dataset = (await this.register.dataset()) ?? request.dataset;
    if (!dataset) {
      throw new DomainError(ErrorCode.ValidationFailed, '首次导入须说明数据集的覆盖范围和起止日期', [
        { field: 'dataset', reason: '必填' },
      ]);
    }
    authorize(actor, Permission.PersonWrite, dataset.coverage);
    const files: ImportFiles = {};
    for (const upload of request.uploads) {
      const metaPath = join(this.uploadDir(upload.uploadId), 'upload.json');
      const meta = existsSync(metaPath)
        ? (JSON.parse(readFileSync(metaPath, 'utf8')) as UploadMeta)
        : undefined;
      if (!meta || meta.username !== actor.username) {
        throw new DomainError(ErrorCode.NotFound, `上传的文件 ${upload.uploadId} 不存在`);
      }
      files[upload.kind] = { path: meta.path, mapping: upload.mapping };
    }
    const importId = randomUUID();
    const reportDir = join(this.workDir, 'imports', importId);
    mkdirSync(reportDir, { recursive: true });
    const run = this.register.importFiles(files, dataset, {
      username: actor.username,
      importId,
      reportDir,
      sourceName: request.uploads.map((u) => u.uploadId).join(','),
      onProgress: (p) => this.progress.set(importId, p),
    });
    // The import row is written before the first await inside importFiles; its outcome is read from the database.
    await this.waitForRow(importId);
    run.catch(() => undefined).finally(() => this.progress.delete(importId));
    return { importId };
  }

  private async requireImport(actor: Actor, id: string) {
    authorize(actor, Permission.PersonWrite);
    const row = await this.db
      .selectFrom('register_imports')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || row.started_by !== actor.username)
      throw new DomainError(ErrorCode.NotFound, `导入 ${id} 不存在`);
    return row;
  }

  async status(actor: Actor, id: string): Promise<ImportStatus> {
    const row = await this.requireImport(actor, id);
    return {
      id,
      status: row.status,
      progress: this.progress.get(id) ?? null,
      counts: row.status === 'done' ? row.counts : null,
      failure: row.failure,
    };
  }

  async problems(
    actor: Actor,
    id: string,
    query: { page: number; pageSize: number; severity?: 'error' | 'warning' },
  ) {
    await this.requireImport(actor, id);
    let q = this.db.selectFrom('register_import_problems').where('import_id', '=', id);
    if (query.severity) q = q.where('severity', '=', query.severity);
    const total = Number(
      (await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    );
    const items = await q
      .select(['file', 'row_no as row', 'severity', 'field', 'code', 'message'])
      .orderBy('file')
      .orderBy('row_no')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    return { items, total };
  }

  async reportPath(actor: Actor, id: string): Promise<string> {
    await this.requireImport(actor, id);
    const path = join(this.workDir, 'imports', id, 'import-report.csv');
    if (!existsSync(path)) throw new DomainError(ErrorCode.NotFound, '报告尚未生成');
    return path;
  }

  private async waitForRow(id: string): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const row = await this.db
        .selectFrom('register_imports')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst();
      if (row) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
