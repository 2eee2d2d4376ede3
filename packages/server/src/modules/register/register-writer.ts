// Applies baseline rows and events to the register inside the caller's transaction: idempotent by
// key, checked by the core reducers, appended to the log, and the projections (persons, places)
// updated in the same transaction. An event dated before a person's latest one, a void or a
// correction replays that person's whole log, so late and retroactive records land where they belong.
import { baselinePlaces, placeIntervals, type PersonState } from '@renkou/core';
import type { Insertable, RegisterEventsTable } from '@renkou/db';
import type { Executor } from '../audit';
import { indexedNameOf, personToRow } from './person-row';
import { replaceNameGrams } from './name-grams';
import {
  findBaselines,
  findPersons,
  insertEvents,
  replacePlaces,
  upsertPersons,
} from './register.repository';
import { EventBatch } from './event-batch';
import {
  logRowOf,
  type BaselineSubmission,
  type EventSubmission,
  type Outcome,
  type WriterContext,
} from './writer-types';

export type { BaselineSubmission, EventSubmission, Outcome, RowProblem, WriterContext } from './writer-types';
export { placeHistory, placeHistoryFromLog } from './place-history';

export class RegisterWriter {
  constructor(
    private readonly db: Executor,
    private readonly ctx: WriterContext,
  ) {}

  private get registerContext() {
    return { coverage: this.ctx.coverage, isValidCode: this.ctx.codes.isValidCode };
  }

  /** Baseline persons (already read and checked row by row); one outcome per submission. */
  async writeBaselines(items: readonly BaselineSubmission[]): Promise<Outcome[]> {
    const keys = items.map((i) => i.state.personId);
    const logged = new Map((await findBaselines(this.db, keys)).map((e) => [e.person_key, e]));
    const existing = new Set((await findPersons(this.db, keys)).map((p) => p.person_key));
    const seen = new Map<string, string>();
    const events: Insertable<RegisterEventsTable>[] = [];
    const persons: PersonState[] = [];
    const outcomes = items.map((item): Outcome => {
      const key = item.state.personId;
      const previous = logged.get(key)?.content_hash ?? seen.get(key);
      if (previous !== undefined) {
        return previous === item.hash
          ? { status: 'unchanged' }
          : {
              status: 'rejected',
              errors: [
                {
                  field: 'person_id',
                  code: 'PERSON_ID_CONFLICT',
                  message: `人员编号 ${key} 已用于内容不同的另一行`,
                },
              ],
            };
      }
      if (existing.has(key)) {
        return {
          status: 'rejected',
          errors: [
            { field: 'person_id', code: 'PERSON_ALREADY_EXISTS', message: `人员编号 ${key} 已在登记中` },
          ],
        };
      }
      seen.set(key, item.hash);
      events.push(logRowOf(this.ctx, 'baseline', key, this.ctx.start, [key], null, item.row, item.hash));
      persons.push(item.state);
      return { status: 'accepted', warnings: [] };
    });
    await insertEvents(this.db, events);
    const rows = persons.map((s) => personToRow(this.ctx.cipher, s, this.ctx.start));
    await upsertPersons(this.db, rows);
    await replaceNameGrams(this.db, [], rows.map(indexedNameOf));
    await replacePlaces(
      this.db,
      new Map(persons.map((s) => [s.personId, placeIntervals(baselinePlaces(s, this.ctx.start))])),
    );
    return outcomes;
  }

  /**
   * Events in the order given (the caller sorts by date, then file order). `dependsOn` names people
   * whose creating row was rejected earlier, so their later events are rejected with that reason.
   */
  async writeEvents(
    items: readonly EventSubmission[],
    dependsOn: Map<string, string> = new Map(),
  ): Promise<Outcome[]> {
    const batch = new EventBatch(this.db, this.ctx, this.registerContext);
    await batch.load(items);
    const outcomes: Outcome[] = [];
    for (const item of items) {
      const outcome = await batch.apply(item, dependsOn);
      const { event } = item;
      // A refused birth or arrival leaves its person unknown: their later rows name this one.
      if (
        outcome.status === 'rejected' &&
        ['birth', 'move', 'hukou'].includes(event.type) &&
        !batch.knows(event.personId)
      ) {
        if (!dependsOn.has(event.personId))
          dependsOn.set(event.personId, item.label ?? `事件 ${event.eventId}`);
      }
      outcomes.push(outcome);
    }
    await batch.flush();
    return outcomes;
  }
}
