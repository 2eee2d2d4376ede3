// Which hukou birth row records the same baby as a hospital birth the register lacks (ADR 0019). The
// pairing is recomputed from the decisions whenever they change (a link run of either source, a review
// pair made a non-match), so that the worklist queries only join a table. A pair whose two items a
// clerk has resolved is kept: a later file must not move a handled hukou row onto another baby. Two
// records a clerk split (不是同一个孩子, same_birth_splits) are never paired again.
import { pairSameBirths, type BirthRecordBrief } from '@renkou/core';
import { sql, type Insertable, type SameBirthSplitsTable } from '@renkou/db';
import type { CryptoProvider } from '../../crypto/crypto-provider';
import type { Executor } from '../audit';

/** The sources whose non-matches are missing births; a change to their decisions repairs the pairs. */
export const BIRTH_SOURCES: readonly string[] = ['hospital_births', 'hukou'];

const resolvedBirth = (recordColumn: string, source: string) =>
  sql<boolean>`exists (select 1 from link_decisions d join link_resolutions x on x.decision_id = d.id and x.item = 'unregistered_birth' where d.source = ${source} and d.record_id = ${sql.ref(recordColumn)})`;

/** Records that a paired hospital birth and hukou row are two babies; a retry changes nothing. */
export async function splitSameBirth(db: Executor, split: Insertable<SameBirthSplitsTable>): Promise<void> {
  await db
    .insertInto('same_birth_splits')
    .values(split)
    .onConflict((oc) => oc.columns(['hospital_record_id', 'hukou_record_id']).doNothing())
    .execute();
}

export async function isSplit(
  db: Executor,
  hospitalRecordId: string,
  hukouRecordId: string,
): Promise<boolean> {
  const found = await db
    .selectFrom('same_birth_splits')
    .select('split_at')
    .where('hospital_record_id', '=', hospitalRecordId)
    .where('hukou_record_id', '=', hukouRecordId)
    .executeTakeFirst();
  return found !== undefined;
}

export async function refreshSameBirths(db: Executor, crypto: CryptoProvider, at: Date): Promise<number> {
  await db
    .deleteFrom('same_birth_records')
    .where((eb) =>
      eb.not(
        eb.and([
          resolvedBirth('same_birth_records.hukou_record_id', 'hukou'),
          resolvedBirth('same_birth_records.hospital_record_id', 'hospital_births'),
        ]),
      ),
    )
    .execute();
  const rows = await db
    .selectFrom('link_decisions as d')
    .innerJoin('department_records as r', (join) =>
      join.onRef('r.source', '=', 'd.source').onRef('r.record_id', '=', 'd.record_id'),
    )
    .leftJoin('same_birth_records as kept', (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([eb('d.source', '=', 'hukou'), eb('kept.hukou_record_id', '=', eb.ref('d.record_id'))]),
          eb.and([
            eb('d.source', '=', 'hospital_births'),
            eb('kept.hospital_record_id', '=', eb.ref('d.record_id')),
          ]),
        ]),
      ),
    )
    .select(['d.source', 'd.record_id', 'r.payload', 'r.jurisdiction_code'])
    .where('d.verdict', '=', 'non_match')
    .where('kept.hukou_record_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('d.source', '=', 'hospital_births'),
        eb.and([eb('d.source', '=', 'hukou'), eb(sql`r.payload->>'event'`, '=', 'birth')]),
      ]),
    )
    .execute();
  const briefs = { hospital_births: [] as BirthRecordBrief[], hukou: [] as BirthRecordBrief[] };
  for (const row of rows) {
    const payload = row.payload as Record<string, string>;
    const sealed = payload.sealed
      ? (JSON.parse(crypto.decrypt(payload.sealed)) as Record<string, string>)
      : {};
    briefs[row.source as keyof typeof briefs].push({
      recordId: row.record_id,
      name: payload.name ?? '',
      sex: payload.sex ?? '',
      birthDate: payload.birth_date ?? '',
      place: row.jurisdiction_code ?? '',
      idNumber: sealed.id_number ?? '',
    });
  }
  const splits = await db
    .selectFrom('same_birth_splits')
    .select(['hospital_record_id', 'hukou_record_id'])
    .execute();
  const split = new Set(splits.map((s) => `${s.hospital_record_id}|${s.hukou_record_id}`));
  const pairs = pairSameBirths(briefs.hospital_births, briefs.hukou, split);
  for (let i = 0; i < pairs.length; i += 500)
    await db
      .insertInto('same_birth_records')
      .values(
        pairs.slice(i, i + 500).map((p) => ({
          hukou_record_id: p.hukouRecordId,
          hospital_record_id: p.hospitalRecordId,
          score: p.score,
          paired_at: at,
        })),
      )
      .execute();
  return pairs.length;
}
