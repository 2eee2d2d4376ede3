// What the reducers are told (they read no database) and what they answer.
import { parseCitizenId, type CitizenId } from './citizen-id';
import { tryNormalizeCode } from './coverage';
import { isCalendarDate } from './dates';
import type { PersonState } from './model';
import { RegisterErrorCode, registerError, type RegisterError, type RegisterWarning } from './problems';

export interface RegisterContext {
  /** The dataset's coverage: a division-code prefix ('' = the whole country). */
  coverage: string;
  /** Whether a division code (short form, e.g. 652926100002 or 652926) exists on the date (national list). */
  isValidCode: (code: string, date: string) => boolean;
}

export interface ApplyContext extends RegisterContext {
  /** For a birth: the mother's state just before it (after any earlier birth of the same day). */
  mother?: PersonState;
  /** For a marriage or divorce: the other person's state just before it, when the register knows them. */
  spouse?: PersonState;
}

export type ApplyResult =
  { ok: true; state: PersonState; warnings: RegisterWarning[] } | { ok: false; error: RegisterError };

export function accepted(state: PersonState, warnings: RegisterWarning[] = []): ApplyResult {
  return { ok: true, state, warnings };
}

export function rejected(code: RegisterErrorCode, field: string, message: string): ApplyResult {
  return { ok: false, error: registerError(code, field, message) };
}

export function checkDate(value: string, field: string): RegisterError | undefined {
  return isCalendarDate(value)
    ? undefined
    : registerError(RegisterErrorCode.InvalidDate, field, `${value || '（空）'} 不是有效日期`);
}

/** The short form of a code that exists on `date`, or the error naming the column. */
export function resolveCode(
  raw: string,
  field: string,
  date: string,
  ctx: RegisterContext,
): { ok: true; code: string } | { ok: false; error: RegisterError } {
  const code = tryNormalizeCode(raw);
  if (code === undefined) {
    return {
      ok: false,
      error: registerError(RegisterErrorCode.InvalidCode, field, `区划代码格式不正确：${raw || '（空）'}`),
    };
  }
  if (!ctx.isValidCode(code, date)) {
    return {
      ok: false,
      error: registerError(RegisterErrorCode.InvalidCode, field, `区划代码 ${raw} 在 ${date} 不存在`),
    };
  }
  return { ok: true, code };
}

/** An optional ID number read into its 18-character form ('' or null = none), or the error naming the column. */
export function resolveIdNumber(
  raw: string | null,
  field: string,
  today: string,
): { ok: true; id: CitizenId | null } | { ok: false; error: RegisterError } {
  if (raw === null || raw.trim() === '') return { ok: true, id: null };
  const parsed = parseCitizenId(raw, { today });
  if (!parsed.ok) {
    return { ok: false, error: registerError(RegisterErrorCode.InvalidIdNumber, field, parsed.message) };
  }
  return { ok: true, id: parsed };
}
