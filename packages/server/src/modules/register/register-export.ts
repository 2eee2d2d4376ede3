// `renkou export register DIR`: the log written back as dataset.json, persons.csv and events.csv,
// streamed page by page. Importing the export into an empty register gives the same register.
import { eventToRow, EVENT_COLUMNS, PERSON_COLUMNS, type RegisterEvent } from '@renkou/core';
import { sql, type Db } from '@renkou/db';
import { stringify } from 'csv-stringify';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Dataset } from './import/register-import';
import type { RegisterCipher } from './register-cipher';
import { openLogged } from './register.repository';

const PAGE = 5000;
async function attributeColumns(db: Db, baseline: boolean): Promise<string[]> {
  const rows = await sql<{ key: string }>`
    select distinct jsonb_object_keys(payload->'attributes') as key from register_events
    where ${baseline ? sql`kind = 'baseline'` : sql`kind <> 'baseline'`} and payload ? 'attributes'
    order by 1`.execute(db);
  return rows.rows.map((r) => r.key);
}

async function writeCsv(
  path: string,
  columns: string[],
  pages: () => AsyncGenerator<Record<string, string>[]>,
): Promise<number> {
  const out = createWriteStream(path);
  out.write('\uFEFF');
  const csv = stringify({ header: true, columns });
  csv.pipe(out);
  let count = 0;
  for await (const page of pages()) {
    for (const row of page) {
      if (!csv.write(row)) await once(csv, 'drain');
      count += 1;
    }
  }
  csv.end();
  await once(out, 'finish');
  return count;
}

async function* logPages(db: Db, baseline: boolean) {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('register_events')
      .select(['seq', 'payload', 'recorded_date'])
      .where('kind', baseline ? '=' : '<>', 'baseline')
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) return;
    after = rows[rows.length - 1]?.seq ?? after;
    yield rows;
  }
}

export async function exportRegister(
  db: Db,
  cipher: RegisterCipher,
  dir: string,
  dataset: Dataset,
): Promise<{ persons: number; events: number }> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'dataset.json'), `${JSON.stringify(dataset, null, 2)}\n`);
  const personAttributes = await attributeColumns(db, true);
  const persons = await writeCsv(
    join(dir, 'persons.csv'),
    [...PERSON_COLUMNS, ...personAttributes],
    async function* () {
      for await (const rows of logPages(db, true)) {
        openLogged(cipher, rows);
        yield rows.map((r) => {
          const { attributes, ...cells } = r.payload as Record<string, string> & {
            attributes?: Record<string, string>;
          };
          return { ...cells, ...attributes };
        });
      }
    },
  );
  const eventAttributes = await attributeColumns(db, false);
  const events = await writeCsv(
    join(dir, 'events.csv'),
    [...EVENT_COLUMNS, ...eventAttributes],
    async function* () {
      for await (const rows of logPages(db, false)) {
        openLogged(cipher, rows);
        yield rows.map((r) => {
          const event = r.payload as RegisterEvent & { attributes?: Record<string, string> };
          const row = eventToRow(event);
          row.recorded_date = event.recordedDate ?? r.recorded_date;
          return { ...row, ...event.attributes };
        });
      }
    },
  );
  return { persons, events };
}
