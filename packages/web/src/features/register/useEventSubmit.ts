// Sends one event form as an events.csv row. The event_id is made when the form opens, so pressing
// submit again after a lost answer cannot register the event twice. Server reasons go beside the
// fields they name; the rest are listed above the form. Success opens the person page with warnings.
import { App, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage, fieldErrors } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { RegisterWarning } from '../../lib/types';
import { recordEvent, type EventInput } from './api';
import type { EventFormType } from './labels';

/** A fresh UUID; older browsers and plain-http pages have no crypto.randomUUID. */
export function newEventId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Form values → strings: dates as YYYY-MM-DD, empty values left out. */
export function toRow(values: Record<string, unknown>): EventInput {
  const row: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    const text = dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : String(value as string | number).trim();
    if (text !== '') row[name] = text;
  }
  return row as EventInput;
}

export interface PersonPageState {
  warnings?: RegisterWarning[];
}

export function useEventSubmit(type: EventFormType, form: FormInstance) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [eventId] = useState(newEventId);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setFailed(false);
    setProblems([]);
    try {
      const result = await recordEvent({ ...toRow(values), event_id: eventId, type });
      if (result.status === 'unchanged') void message.info(t('form.unchanged'));
      else void message.success(t('form.saved'));
      void navigate(`/persons/${encodeURIComponent(result.personKey)}`, {
        state: { warnings: result.warnings } satisfies PersonPageState,
      });
    } catch (e) {
      const known = new Set(Object.keys(form.getFieldsValue() as object));
      const fields = fieldErrors(e);
      const beside = fields.filter((f) => known.has(f.name));
      form.setFields(beside);
      const rest = fields.filter((f) => !known.has(f.name)).flatMap((f) => f.errors);
      setFailed(true);
      setProblems(fields.length === 0 ? [errorMessage(e)] : rest);
    } finally {
      setBusy(false);
    }
  };

  return { eventId, busy, failed, problems, submit };
}
