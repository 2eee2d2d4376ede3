// What the register's writer takes and answers, shared by the writer and its event batch.
import type { BaselinePersonRow, PersonState, RegisterEvent, RegisterWarning } from '@renkou/core';
import type { Insertable, RegisterEventsTable } from '@renkou/db';
import type { CodeBook } from './code-book';
import type { RegisterCipher } from './register-cipher';

export interface WriterContext {
  coverage: string;
  /** The dataset's start: the baseline's date. */
  start: string;
  codes: CodeBook;
  cipher: RegisterCipher;
  /** Where the rows come from (an import id, 'web'…), and who sent them. */
  source: string;
  createdBy: string | null;
  /** The day the rows enter the register (recorded_date when the row gives none). */
  today: string;
}

export interface RowProblem {
  field: string;
  code: string;
  message: string;
}

export type Outcome =
  | { status: 'accepted'; warnings: RowProblem[] }
  | { status: 'unchanged' }
  | { status: 'rejected'; errors: RowProblem[] };

export interface BaselineSubmission {
  row: BaselinePersonRow;
  state: PersonState;
  hash: string;
}

export interface EventSubmission {
  event: RegisterEvent;
  hash: string;
  /** Where the row came from ("events.csv 第 4 行"), named when rows depending on it are rejected. */
  label?: string;
}

export const problem = (p: { field: string; code: string; message: string }): RowProblem => ({
  field: p.field,
  code: p.code,
  message: p.message,
});
export const warningsOf = (warnings: readonly RegisterWarning[]): RowProblem[] => warnings.map(problem);

export interface Known {
  state: PersonState;
  lastEventDate: string;
}

export function reject(field: string, code: string, message: string): Outcome {
  return { status: 'rejected', errors: [{ field, code, message }] };
}

/** The log row of a baseline row or event: sensitive cells sealed, recorded today unless the row says otherwise. */
export function logRowOf(
  ctx: WriterContext,
  kind: string,
  key: string,
  date: string,
  involved: string[],
  targetKey: string | null,
  payload: unknown,
  hash: string,
  recordedDate: string | null = null,
): Insertable<RegisterEventsTable> {
  return {
    kind,
    event_key: key,
    date,
    person_key: kind === 'baseline' ? key : ((payload as RegisterEvent).personId ?? key),
    involved,
    target_key: targetKey,
    payload: JSON.stringify(
      ctx.cipher.sealPayload(payload as object, kind === 'baseline' ? 'baseline' : 'event'),
    ),
    content_hash: hash,
    recorded_date: recordedDate ?? ctx.today,
    source: ctx.source,
    created_by: ctx.createdBy,
  };
}
