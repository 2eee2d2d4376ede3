// SQL of the programme dashboard: people covered (live enrolments), money paid (paid lines, spread
// over the months each line pays for, so a yearly 育儿补贴 counts a twelfth per month), by area and month.
import { sql } from '@renkou/db';
import type { Executor } from '../audit';

export interface AreaFigures {
  code: string;
  peopleCovered: number;
  peoplePaid: number;
  paidFen: number;
}

/** Live enrolments per area (the first `areaLength` digits of the case's hukou place). */
export async function coveredByArea(db: Executor, programmeCode: string, within: string, areaLength: number) {
  const { rows } = await sql<{ code: string; people: number | string }>`
    select substr(hukou_code, 1, ${areaLength}) as code, count(distinct person_key) as people
    from benefit_enrolments
    where programme_code = ${programmeCode} and status in ('active', 'suspended')
      and hukou_code like ${`${within}%`}
    group by 1`.execute(db);
  return rows.map((row) => ({ code: row.code, people: Number(row.people) }));
}

/** Paid money per area and month of the year (months as 'YYYY-MM'), in fen. */
export async function paidByAreaAndMonth(
  db: Executor,
  programmeCode: string,
  within: string,
  areaLength: number,
  year: number,
) {
  const { rows } = await sql<{ code: string; month: string; fen: number | string }>`
    select substr(l.hukou_code, 1, ${areaLength}) as code, m.value ->> 'month' as month,
      sum((m.value ->> 'amountFen')::bigint) as fen
    from benefit_payment_lines l cross join lateral jsonb_array_elements(l.months) as m(value)
    where l.status = 'paid' and l.programme_code = ${programmeCode}
      and l.hukou_code like ${`${within}%`} and m.value ->> 'month' like ${`${year}-%`}
    group by 1, 2`.execute(db);
  return rows.map((row) => ({ code: row.code, month: row.month, fen: Number(row.fen) }));
}

/** Persons paid anything for a month of the year, per area. */
export async function peoplePaidByArea(
  db: Executor,
  programmeCode: string,
  within: string,
  areaLength: number,
  year: number,
) {
  const { rows } = await sql<{ code: string; people: number | string }>`
    select substr(l.hukou_code, 1, ${areaLength}) as code, count(distinct l.person_key) as people
    from benefit_payment_lines l
    where l.status = 'paid' and l.programme_code = ${programmeCode}
      and l.hukou_code like ${`${within}%`}
      and exists (select 1 from jsonb_array_elements(l.months) as m(value)
                  where m.value ->> 'month' like ${`${year}-%`})
    group by 1`.execute(db);
  return rows.map((row) => ({ code: row.code, people: Number(row.people) }));
}

export async function namesOf(db: Executor, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('jurisdictions')
    .select(['code', 'name'])
    .where('code', 'in', [...codes])
    .execute();
  return new Map(rows.map((row) => [row.code, row.name]));
}
