// SQL of programmes and their append-only amount schedules (regional top-ups among them). A definition
// is stored without amounts; reading it back puts each category's schedules (in date order) into it.
import type { AmountSchedule, ProgrammeDefinition } from '@renkou/core';
import type { Executor } from '../audit';

type StoredDefinition = Omit<ProgrammeDefinition, 'categories'> & {
  categories: (Omit<ProgrammeDefinition['categories'][number], 'schedules'> & { schedules?: never })[];
};

export function definitionWithoutAmounts(programme: ProgrammeDefinition): StoredDefinition {
  return {
    ...programme,
    categories: programme.categories.map(({ schedules: _schedules, ...category }) => category),
  };
}

/** Inserts a programme and its schedules; an existing code or schedule date is left as it is. */
export async function insertProgramme(
  db: Executor,
  programme: ProgrammeDefinition,
  origin: 'national' | 'local',
  at: Date,
  by: string | null,
): Promise<{ programme: boolean; schedules: number }> {
  const inserted = await db
    .insertInto('benefit_programmes')
    .values({
      code: programme.code,
      name: programme.name,
      short_name: programme.shortName,
      document_number: programme.documentNumber,
      region_prefix: programme.regionPrefix,
      valid_from: programme.validFrom,
      valid_to: programme.validTo,
      beneficiary: programme.beneficiary,
      payment_period: programme.paymentPeriod,
      definition: JSON.stringify(definitionWithoutAmounts(programme)),
      origin,
      created_at: at,
      created_by: by,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('code')
    .executeTakeFirst();
  let schedules = 0;
  for (const category of programme.categories) {
    for (const schedule of category.schedules) {
      const row = await insertSchedule(db, programme.code, category.code, schedule, at, by, true);
      if (row) schedules += 1;
    }
  }
  return { programme: inserted !== undefined, schedules };
}

export async function insertSchedule(
  db: Executor,
  programmeCode: string,
  categoryCode: string,
  schedule: AmountSchedule,
  at: Date,
  by: string | null,
  ignoreExisting = false,
): Promise<boolean> {
  let query = db.insertInto('benefit_amount_schedules').values({
    programme_code: programmeCode,
    category_code: categoryCode,
    effective_from: schedule.effectiveFrom,
    amount_fen: schedule.amountFen,
    basis: schedule.basis,
    source: schedule.source,
    verified: schedule.verified,
    note: schedule.note ?? null,
    region_prefix: schedule.region ?? '',
    created_at: at,
    created_by: by,
  });
  if (ignoreExisting)
    query = query.onConflict((oc) =>
      oc.columns(['programme_code', 'category_code', 'region_prefix', 'effective_from']).doNothing(),
    );
  const row = await query.returning('seq').executeTakeFirst();
  return row !== undefined;
}

export async function loadProgrammes(db: Executor, code?: string): Promise<ProgrammeDefinition[]> {
  let programmes = db.selectFrom('benefit_programmes').select(['code', 'definition']).orderBy('code');
  let schedules = db
    .selectFrom('benefit_amount_schedules')
    .selectAll()
    .orderBy('programme_code')
    .orderBy('category_code')
    .orderBy('effective_from')
    .orderBy('region_prefix');
  if (code !== undefined) {
    programmes = programmes.where('code', '=', code);
    schedules = schedules.where('programme_code', '=', code);
  }
  const rows = await programmes.execute();
  const scheduleRows = await schedules.execute();
  const byCategory = new Map<string, AmountSchedule[]>();
  for (const row of scheduleRows) {
    const key = `${row.programme_code}|${row.category_code}`;
    const list = byCategory.get(key) ?? [];
    list.push({
      effectiveFrom: row.effective_from,
      amountFen: row.amount_fen,
      basis: row.basis,
      source: row.source,
      verified: row.verified,
      ...(row.note !== null ? { note: row.note } : {}),
      ...(row.region_prefix !== '' ? { region: row.region_prefix } : {}),
    });
    byCategory.set(key, list);
  }
  return rows.map((row) => {
    const stored = row.definition as StoredDefinition;
    return {
      ...stored,
      categories: stored.categories.map((category) => ({
        ...category,
        schedules: byCategory.get(`${stored.code}|${category.code}`) ?? [],
      })),
    } as ProgrammeDefinition;
  });
}
