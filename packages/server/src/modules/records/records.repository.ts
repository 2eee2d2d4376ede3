// SQL of department records: which record_ids are stored already (with their content hash), and
// inserting a file's new records in slices.
import type { Executor } from '../audit';

export interface NewRecord {
  recordId: string;
  payload: Record<string, unknown>;
  contentHash: string;
  idNumberIndex: string | null;
  jurisdictionCode: string | null;
  recordDate: string | null;
}

const SLICE = 1000;

export async function existingRecords(
  db: Executor,
  source: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < ids.length; i += SLICE) {
    const rows = await db
      .selectFrom('department_records')
      .select(['record_id', 'content_hash'])
      .where('source', '=', source)
      .where('record_id', 'in', ids.slice(i, i + SLICE))
      .execute();
    for (const row of rows) found.set(row.record_id, row.content_hash);
  }
  return found;
}

export async function insertRecords(
  db: Executor,
  importId: string,
  source: string,
  records: readonly NewRecord[],
): Promise<void> {
  for (let i = 0; i < records.length; i += 500) {
    await db
      .insertInto('department_records')
      .values(
        records.slice(i, i + 500).map((r) => ({
          source,
          record_id: r.recordId,
          import_id: importId,
          payload: JSON.stringify(r.payload),
          content_hash: r.contentHash,
          id_number_index: r.idNumberIndex,
          jurisdiction_code: r.jurisdictionCode,
          record_date: r.recordDate,
        })),
      )
      .execute();
  }
}

export async function countBySource(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('department_records')
    .select(['source', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('source')
    .execute();
  return new Map(rows.map((r) => [r.source, Number(r.n)]));
}
