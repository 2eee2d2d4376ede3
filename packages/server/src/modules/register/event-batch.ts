// One batch of events inside a transaction: the people it touches, what is new, what to write.
import {
  applyEvent,
  involvedPersons,
  personFromBaseline,
  placeChangesOf,
  placeIntervals,
  replayPerson,
  type BaselinePersonRow,
  type PersonState,
  type PlaceChange,
  type PlaceInterval,
  type RegisterEvent,
} from '@renkou/core';
import { sql, type Insertable, type RegisterEventsTable } from '@renkou/db';
import type { Executor } from '../audit';
import { indexedNameOf, personToRow, rowToPerson } from './person-row';
import { replaceNameGrams, type IndexedName } from './name-grams';
import {
  appendPlaces,
  eventsInvolvingAny,
  findEventsByKeys,
  findPersons,
  insertEvents,
  replacePlaces,
  upsertPersons,
  type LoggedEvent,
} from './register.repository';
import { placeHistory } from './place-history';
import {
  logRowOf,
  problem,
  reject,
  warningsOf,
  type EventSubmission,
  type Known,
  type Outcome,
  type RowProblem,
  type WriterContext,
} from './writer-types';

export /** The state of one batch of events: the people it touches, what is new, and what must be written. */
class EventBatch {
  private readonly known = new Map<string, Known | null>();
  private readonly loggedByKey = new Map<string, LoggedEvent>();
  private readonly pending: {
    row: Insertable<RegisterEventsTable>;
    event: RegisterEvent;
    involved: string[];
  }[] = [];
  private readonly pendingIndex = new Map<string, EventBatch['pending'][number]>();
  private readonly changed = new Set<string>();
  private readonly placeOps: { personKey: string; change: PlaceChange }[] = [];
  private readonly placeRebuilds = new Set<string>();
  /** The names of loaded people as stored, to move their search rows when a name changes. */
  private readonly storedNames = new Map<string, IndexedName>();
  /** People created in this batch: their place changes so far. */
  private readonly newPlaces = new Map<string, PlaceChange[]>();
  /** Stored logs read for replays, one statement for the people a batch is expected to replay. */
  private readonly storedLogs = new Map<string, LoggedEvent[]>();

  constructor(
    private readonly db: Executor,
    private readonly ctx: WriterContext,
    private readonly registerContext: {
      coverage: string;
      isValidCode: (code: string, date: string) => boolean;
    },
  ) {}

  async load(items: readonly EventSubmission[]): Promise<void> {
    // The planner puts a log read (GIN on involved) at 0.5% of the log, its default for a person key
    // without statistics: from ~2 M rows it then starts parallel workers for each read, ~100 ms each.
    await sql`set local max_parallel_workers_per_gather = 0`.execute(this.db);
    const keys = new Set<string>();
    for (const { event } of items) {
      keys.add(event.eventId);
      if (event.type === 'void') keys.add(event.targetEventId);
    }
    for (const logged of await findEventsByKeys(this.db, [...keys]))
      this.loggedByKey.set(logged.event_key, logged);
    const people = new Set<string>();
    for (const { event } of items) for (const id of this.involvedOf(event)) people.add(id);
    await this.loadPeople(people);
    // A death also widows the spouse: load them too.
    const spouses = new Set<string>();
    for (const { event } of items) {
      const spouse = event.type === 'death' ? this.known.get(event.personId)?.state.spouseId : null;
      if (spouse) spouses.add(spouse);
    }
    await this.loadPeople(spouses);
    await this.readLogs(this.expectedReplays(items));
  }

  /**
   * The people whose log a replay will read: those of voids and of events dated before someone's
   * latest event, as the register stands. A guess only: a log it misses is read when needed.
   */
  private expectedReplays(items: readonly EventSubmission[]): Set<string> {
    const people = new Set<string>();
    for (const { event } of items) {
      const involved = this.involvedOf(event);
      const earlier = involved.some((id) => {
        const k = this.known.get(id);
        return k ? event.date < k.lastEventDate : false;
      });
      if (event.type !== 'void' && !earlier) continue;
      for (const id of involved) people.add(id);
      const spouse = event.type === 'death' ? this.known.get(event.personId)?.state.spouseId : null;
      if (spouse) people.add(spouse);
    }
    return people;
  }

  private async readLogs(ids: Iterable<string>): Promise<void> {
    const missing = [...ids].filter((id) => !this.storedLogs.has(id));
    for (const [id, log] of await eventsInvolvingAny(this.db, this.ctx.cipher, missing))
      this.storedLogs.set(id, log);
  }

  private async loadPeople(ids: Iterable<string>): Promise<void> {
    const missing = [...ids].filter((id) => !this.known.has(id));
    const rows = await findPersons(this.db, missing);
    for (const id of missing) this.known.set(id, null);
    for (const row of rows) {
      this.storedNames.set(row.person_key, indexedNameOf(row));
      this.known.set(row.person_key, {
        state: rowToPerson(this.ctx.cipher, row),
        lastEventDate: row.last_event_date,
      });
    }
  }

  /** The people whose log an event belongs to; a void belongs to its target's people. */
  private involvedOf(event: RegisterEvent): string[] {
    if (event.type !== 'void') return involvedPersons(event);
    const target = this.loggedByKey.get(event.targetEventId) ?? this.pendingByKey(event.targetEventId);
    return target ? [...new Set([event.personId, ...target.involved])] : [event.personId];
  }

  private pendingByKey(key: string): { involved: string[] } | undefined {
    return this.pendingIndex.get(key);
  }

  knows(personId: string): boolean {
    return Boolean(this.known.get(personId));
  }

  async apply(item: EventSubmission, dependsOn: ReadonlyMap<string, string>): Promise<Outcome> {
    const { event } = item;
    const previous = this.loggedByKey.get(event.eventId)?.content_hash ?? this.pendingHash(event.eventId);
    if (previous !== undefined) {
      return previous === item.hash
        ? { status: 'unchanged' }
        : reject('event_id', 'EVENT_ID_CONFLICT', `事件编号 ${event.eventId} 已用于内容不同的另一事件`);
    }
    const blockedBy = this.involvedOf(event).find((id) => dependsOn.has(id) && !this.known.get(id));
    if (blockedBy !== undefined) {
      return reject(
        'person_id',
        'DEPENDS_ON_REJECTED_ROW',
        `${blockedBy} 的登记行被拒绝（${dependsOn.get(blockedBy)}），此事件随之拒绝`,
      );
    }
    if (
      event.type === 'void' &&
      !this.loggedByKey.has(event.targetEventId) &&
      !this.pendingByKey(event.targetEventId)
    ) {
      return reject(
        'target_event_id',
        'VOID_TARGET_UNKNOWN',
        `要作废的事件 ${event.targetEventId} 不在登记中`,
      );
    }
    await this.loadPeople(this.involvedOf(event));
    // A correction takes effect from its own date, so only an earlier-dated one needs a replay.
    const retroactive =
      event.type === 'void' ||
      this.involvedOf(event).some((id) => {
        const k = this.known.get(id);
        return k ? event.date < k.lastEventDate : false;
      });
    const result = retroactive ? await this.replay(item) : this.applyIncrementally(item);
    return result;
  }

  private pendingHash(key: string): string | undefined {
    const found = this.pendingIndex.get(key);
    return found?.row.content_hash;
  }

  /** The usual case: the event is the latest for everyone it touches. */
  private applyIncrementally(item: EventSubmission): Outcome {
    const { event } = item;
    const subjectBefore = this.known.get(event.personId)?.state;
    const ctx = {
      ...this.registerContext,
      ...(event.type === 'birth' ? { mother: this.known.get(event.motherId)?.state } : {}),
      ...(event.type === 'marriage' || event.type === 'divorce'
        ? { spouse: this.known.get(event.spouseId)?.state }
        : {}),
    };
    const targets = this.involvedOf(event);
    if (event.type === 'death' && subjectBefore?.spouseId) targets.push(subjectBefore.spouseId);
    const next = new Map<string, PersonState>();
    const warnings: RowProblem[] = [];
    for (const id of targets) {
      const before = this.known.get(id)?.state;
      // A spouse or father the register does not know is only named, not changed.
      if (before === undefined && id !== event.personId) continue;
      const result = applyEvent(before, event, ctx, id);
      if (!result.ok) return { status: 'rejected', errors: [problem(result.error)] };
      next.set(id, result.state);
      warnings.push(...warningsOf(result.warnings));
    }
    this.notePlaces(event, subjectBefore);
    this.record(item, targets, next);
    return { status: 'accepted', warnings };
  }

  /** What the event changes in the subject's place history, written at flush. */
  private notePlaces(event: RegisterEvent, subjectBefore: PersonState | undefined): void {
    const id = event.personId;
    const changes = placeChangesOf(event, subjectBefore !== undefined);
    if (changes.length === 0 || this.placeRebuilds.has(id)) return;
    const fresh = this.newPlaces.get(id);
    if (subjectBefore === undefined || fresh) {
      this.newPlaces.set(id, [...(fresh ?? []), ...changes]);
    } else if (this.known.get(id)?.lastEventDate === event.date) {
      this.placeRebuilds.add(id); // a second change the same day: recompute rather than patch
    } else {
      for (const change of changes) {
        const current = change.kind === 'residence' ? subjectBefore.residenceCode : subjectBefore.hukouCode;
        if (current !== change.code) this.placeOps.push({ personKey: id, change });
      }
    }
  }

  /** Replays the log of everyone the event touches with the event added; refused if any replay fails. */
  private async replay(item: EventSubmission): Promise<Outcome> {
    const { event } = item;
    const targets = this.involvedOf(event);
    const spouse = event.type === 'death' ? this.known.get(event.personId)?.state.spouseId : null;
    if (spouse && this.known.get(spouse)) targets.push(spouse);
    const next = new Map<string, PersonState | undefined>();
    const warnings: RowProblem[] = [];
    for (const id of targets) {
      const log = await this.logOf(id);
      // Their own birth is checked against their mother: she must be at hand for the replay.
      await this.loadPeople(
        log.events.flatMap((e) => (e.type === 'birth' && e.personId === id ? [e.motherId] : [])),
      );
      const baseline = log.baseline ? this.baselineState(log.baseline) : undefined;
      const events = [...log.events, event];
      const result = replayPerson(events, {
        ...this.registerContext,
        personId: id,
        ...(baseline ? { baseline } : {}),
        // The mother for a birth; a spouse's past state is not recoverable from today's (checked when first recorded).
        personBefore: (other, e) =>
          e.type === 'birth' ? (next.get(other) ?? this.known.get(other)?.state) : undefined,
      });
      if (!result.ok) {
        const culprit =
          result.error.eventId === event.eventId ? '' : `（与已登记事件 ${result.error.eventId} 冲突）`;
        return reject(result.error.field, result.error.code, `${result.error.message}${culprit}`);
      }
      next.set(id, result.state);
      if (result.ok) warnings.push(...warningsOf(result.warnings.filter((w) => w.eventId === event.eventId)));
    }
    for (const id of targets) this.placeRebuilds.add(id);
    this.record(item, targets, next);
    return { status: 'accepted', warnings };
  }

  private record(
    item: EventSubmission,
    involved: string[],
    next: Map<string, PersonState | undefined>,
  ): void {
    // A derived birth order is written into the log, so replays never depend on the mother's later state.
    const event: RegisterEvent =
      item.event.type === 'birth' && item.event.birthOrder === null
        ? { ...item.event, birthOrder: next.get(item.event.personId)?.birthOrder ?? null }
        : item.event;
    const row = logRowOf(
      this.ctx,
      event.type,
      event.eventId,
      event.date,
      [...new Set(involved)],
      event.type === 'void' ? event.targetEventId : null,
      event,
      item.hash,
      event.recordedDate,
    );
    const entry = { row, event, involved: [...new Set(involved)] };
    this.pending.push(entry);
    this.pendingIndex.set(event.eventId, entry);
    for (const [id, state] of next) {
      const before = this.known.get(id);
      const lastEventDate = before && before.lastEventDate > event.date ? before.lastEventDate : event.date;
      this.known.set(id, state ? { state, lastEventDate } : null);
      this.changed.add(id);
    }
  }

  /** A person's log: what is stored plus what this batch added. */
  private async logOf(personKey: string): Promise<{ baseline?: LoggedEvent; events: RegisterEvent[] }> {
    await this.readLogs([personKey]);
    const stored = this.storedLogs.get(personKey) ?? [];
    const baseline = stored.find((e) => e.kind === 'baseline');
    const events = stored.filter((e) => e.kind !== 'baseline').map((e) => e.payload as RegisterEvent);
    for (const p of this.pending) if (p.involved.includes(personKey)) events.push(p.event);
    return { ...(baseline ? { baseline } : {}), events };
  }

  private baselineState(logged: LoggedEvent): PersonState | undefined {
    const result = personFromBaseline(logged.payload as BaselinePersonRow, {
      ...this.registerContext,
      start: this.ctx.start,
    });
    return result.ok ? result.state : undefined;
  }

  /** Search rows of the people whose name (or its pinyin) changed, who are new, or who are gone. */
  private async moveNameGrams(written: readonly { person_key: string; name: string; name_pinyin: string }[]) {
    const now = new Map(written.map((row) => [row.person_key, indexedNameOf(row)]));
    const removed: IndexedName[] = [];
    const added: IndexedName[] = [];
    for (const id of this.changed) {
      const before = this.storedNames.get(id);
      const after = now.get(id);
      if (before?.name === after?.name && before?.pinyin === after?.pinyin) continue;
      if (before) removed.push(before);
      if (after) added.push(after);
    }
    await replaceNameGrams(this.db, removed, added);
  }

  async flush(): Promise<void> {
    await insertEvents(
      this.db,
      this.pending.map((p) => p.row),
    );
    const rows = [];
    const gone: string[] = [];
    for (const id of this.changed) {
      const k = this.known.get(id);
      if (k) rows.push(personToRow(this.ctx.cipher, k.state, k.lastEventDate));
      else gone.push(id);
    }
    await upsertPersons(this.db, rows);
    if (gone.length > 0) await this.db.deleteFrom('persons').where('person_key', 'in', gone).execute();
    await this.moveNameGrams(rows);
    const rebuilt = new Map<string, PlaceInterval[]>();
    // Read after insertEvents, so each log holds this batch's events too: one statement for all.
    const logs = await eventsInvolvingAny(this.db, this.ctx.cipher, [...this.placeRebuilds]);
    for (const [id, log] of logs)
      rebuilt.set(id, placeHistory(id, log, this.ctx.start, this.registerContext));
    for (const [id, changes] of this.newPlaces)
      if (!this.placeRebuilds.has(id)) rebuilt.set(id, placeIntervals(changes));
    await appendPlaces(
      this.db,
      this.placeOps
        .filter((op) => !this.placeRebuilds.has(op.personKey))
        .map((op) => ({ personKey: op.personKey, ...op.change })),
    );
    await replacePlaces(this.db, rebuilt);
  }
}
