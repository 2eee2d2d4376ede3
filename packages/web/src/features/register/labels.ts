// Chinese (or English) names for the register's codes; an unknown code is shown as it is.
import dayjs from 'dayjs';
import { isMessageKey, type MessageKey, type Params } from '../../lib/i18n';

type T = (key: MessageKey, params?: Params) => string;

export function codeLabel(t: T, prefix: string, code: string | number | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : String(code);
}

export const sexLabel = (t: T, sex: number | string | null | undefined) => codeLabel(t, 'sex', sex);
export const statusLabel = (t: T, status: string) => codeLabel(t, 'status', status);
export const eventLabel = (t: T, type: string) => codeLabel(t, 'event', type);

export const statusColor: Record<string, string> = {
  resident: 'green',
  left: 'default',
  dead: 'red',
  merged: 'orange',
};

/** Whole years from the birth date to today (or to the death date). */
export function ageOf(birthDate: string, until?: string | null): number | null {
  const birth = dayjs(birthDate);
  if (!birth.isValid()) return null;
  return (until ? dayjs(until) : dayjs()).diff(birth, 'year');
}

/** The event forms, in the order of the person page's buttons. */
export const EVENT_FORM_TYPES = [
  'birth',
  'death',
  'move',
  'hukou',
  'marriage',
  'divorce',
  'correction',
  'void',
] as const;
export type EventFormType = (typeof EVENT_FORM_TYPES)[number];

export function isEventFormType(value: string | undefined): value is EventFormType {
  return (EVENT_FORM_TYPES as readonly string[]).includes(value ?? '');
}
