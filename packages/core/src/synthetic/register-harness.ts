// Test support (not exported): feeds generated rows through the register's reducers the way an
// importer does — baseline rows, then events in file order, each read by readEventRow — and records
// every rejection. Keeps each
// person's log and state history so that a final replay can be compared with the incremental state.
import { checkMother } from '../register/births';
import { tryNormalizeCode } from '../register/coverage';
import { readEventRow } from '../register/event-row';
import type { PersonState, RegisterEvent } from '../register/model';
import type { RegisterError, RegisterWarning } from '../register/problems';
import { applyEvent, replayPerson, type ReplayContext } from '../register/reducer';
import { personFromBaseline } from '../register/baseline';
import type { SyntheticEventRow, SyntheticPersonRow } from './rows';

export interface Rejection {
  id: string;
  error: RegisterError;
}

export class RegisterHarness {
  readonly states = new Map<string, PersonState>();
  readonly rejections: Rejection[] = [];
  readonly warnings = new Map<string, number>();
  private readonly baselines = new Map<string, PersonState>();
  private readonly logs = new Map<string, RegisterEvent[]>();
  private readonly history = new Map<string, { seq: number; state: PersonState }[]>();
  private readonly eventSeq = new Map<string, number>();
  private readonly subjects = new Map<string, string>();
  private seq = 0;
  readonly ctx: { coverage: string; isValidCode: (code: string) => boolean };

  constructor(coverage: string, codes: readonly string[], start: string) {
    const valid = new Set(codes.map((code) => tryNormalizeCode(code)));
    valid.add(coverage);
    this.ctx = { coverage, isValidCode: (code) => valid.has(code) };
    this.start = start;
  }

  private readonly start: string;

  loadBaseline(rows: Iterable<SyntheticPersonRow>): void {
    const all: SyntheticPersonRow[] = [];
    for (const row of rows) {
      all.push(row);
      const result = personFromBaseline(row, { ...this.ctx, start: this.start });
      if (!result.ok) this.rejections.push({ id: row.person_id, error: result.error });
      else {
        this.baselines.set(row.person_id, result.state);
        this.setState(result.state);
        this.countWarnings(result.warnings);
      }
    }
    for (const row of all) {
      const state = this.states.get(row.person_id);
      if (state?.motherId) {
        const error = checkMother(this.states.get(state.motherId), state.motherId, state.birthDate);
        if (error) this.rejections.push({ id: row.person_id, error });
      }
      if (state?.fatherId && this.states.get(state.fatherId)?.sex !== 1) {
        this.rejections.push({
          id: row.person_id,
          error: {
            code: 'MOTHER_UNKNOWN',
            field: 'father_id',
            message: `father ${state.fatherId} unknown or not male`,
          },
        });
      }
    }
  }

  apply(row: SyntheticEventRow): void {
    const read = readEventRow(row);
    if (!read.ok) {
      for (const error of read.errors) this.reject(row.event_id, error);
      return;
    }
    const event = read.event;
    this.seq++;
    this.eventSeq.set(event.eventId, this.seq);
    this.subjects.set(event.eventId, event.personId);
    if (event.type === 'void') return this.applyVoid(event);
    const subject = this.states.get(event.personId);
    const updates: PersonState[] = [];
    const involved: string[] = [event.personId];
    const ctx = {
      ...this.ctx,
      ...(event.type === 'birth' ? { mother: this.states.get(event.motherId) } : {}),
      ...(event.type === 'marriage' || event.type === 'divorce'
        ? { spouse: this.states.get(event.spouseId) }
        : {}),
    };
    const main = applyEvent(subject, event, ctx);
    if (!main.ok) return this.reject(event.eventId, main.error);
    updates.push(main.state);
    this.countWarnings(main.warnings);
    const relatives: string[] = [];
    if (event.type === 'birth') relatives.push(event.motherId, ...(event.fatherId ? [event.fatherId] : []));
    if (event.type === 'marriage' || event.type === 'divorce') relatives.push(event.spouseId);
    if (event.type === 'death' && subject?.spouseId) relatives.push(subject.spouseId);
    for (const id of relatives) {
      const state = this.states.get(id);
      if (state === undefined) continue;
      const result = applyEvent(state, event, this.ctx, id);
      if (!result.ok) return this.reject(event.eventId, result.error);
      updates.push(result.state);
      involved.push(id);
    }
    for (const id of involved) this.logOf(id).push(event);
    for (const state of updates) this.setState(state);
  }

  /** Replays every person from their log and returns the ids whose state differs from the incremental one. */
  verifyReplay(): string[] {
    const differing: string[] = [];
    for (const [id, state] of this.states) {
      const result = replayPerson(this.logs.get(id) ?? [], this.replayContext(id));
      if (!result.ok || JSON.stringify(result.state) !== JSON.stringify(state)) differing.push(id);
    }
    return differing;
  }

  private applyVoid(event: Extract<RegisterEvent, { type: 'void' }>): void {
    const subject = this.subjects.get(event.targetEventId) ?? event.personId;
    const log = [...this.logOf(subject), event];
    const result = replayPerson(log, this.replayContext(subject));
    if (!result.ok) return this.reject(event.eventId, result.error);
    this.logs.set(subject, log);
    if (result.state) this.setState(result.state);
  }

  private replayContext(id: string): ReplayContext {
    const baseline = this.baselines.get(id);
    return {
      ...this.ctx,
      personId: id,
      ...(baseline ? { baseline } : {}),
      personBefore: (other, event) => this.stateBefore(other, this.eventSeq.get(event.eventId) ?? 0),
    };
  }

  /** The person's state just before the event numbered `seq` was applied. */
  private stateBefore(id: string, seq: number): PersonState | undefined {
    const entries = this.history.get(id) ?? [];
    let found: PersonState | undefined;
    for (const entry of entries) {
      if (entry.seq >= seq) break;
      found = entry.state;
    }
    return found;
  }

  private setState(state: PersonState): void {
    this.states.set(state.personId, state);
    const entries = this.history.get(state.personId) ?? [];
    entries.push({ seq: this.seq, state });
    this.history.set(state.personId, entries);
  }

  private logOf(id: string): RegisterEvent[] {
    let log = this.logs.get(id);
    if (!log) this.logs.set(id, (log = []));
    return log;
  }

  private reject(id: string, error: RegisterError): void {
    this.rejections.push({ id, error });
  }

  private countWarnings(warnings: readonly RegisterWarning[]): void {
    for (const warning of warnings)
      this.warnings.set(warning.code, (this.warnings.get(warning.code) ?? 0) + 1);
  }
}
