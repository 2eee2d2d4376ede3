// How a link decision is shown on a worklist: the record's fields, the register person's, the fields
// that disagree (an ID number masked on both sides), and the hukou row of the same baby (ADR 0019).
import {
  maskIdNumber,
  type FieldConflict,
  type SameBirthRecord,
  type WorklistEntry,
  type WorklistItem,
} from '@renkou/core';
import type { CryptoProvider } from '../../crypto/crypto-provider';
import { OWN_ID_SOURCES, type ItemRow } from './worklists.repository';

const FIELD_LABELS = {
  name: '姓名',
  birth_date: '出生日期',
  sex: '性别',
  id_number: '公民身份号码',
} as const;
const SEX = { '1': '男', '2': '女' } as Record<string, string>;
export const EVENT_LABELS: Record<string, string> = {
  move_in: '迁入',
  move_out: '迁出',
  death: '死亡',
  birth: '出生',
};

export function text(payload: unknown, key: string): string {
  const value = (payload as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
}

const dots = (name: string) => name.replace(/[•・‧.]/g, '·');

/** The record's sealed columns (ID numbers), opened. */
export function sealedOf(crypto: CryptoProvider, payload: unknown): Record<string, string> {
  const sealed = text(payload, 'sealed');
  return sealed ? (JSON.parse(crypto.decrypt(sealed)) as Record<string, string>) : {};
}

/**
 * Two ID numbers to show side by side without revealing them (the person page's reveal is audited
 * and needs its own permission): masked as everywhere (first 4 and last 4), except the positions
 * where they differ, so that the clerk sees the mistyped digits.
 */
export function maskedIdPair(record: string, register: string): [string, string] {
  if (record.length !== register.length)
    return [maskIdNumber(record), register ? maskIdNumber(register) : ''];
  const show = (id: string, other: string) =>
    [...id].map((c, i) => (i < 4 || i >= id.length - 4 || c !== other[i] ? c : '*')).join('');
  return [show(record, register), show(register, record)];
}

type ConflictRow = Pick<
  ItemRow,
  | 'source'
  | 'payload'
  | 'person_name'
  | 'person_sex'
  | 'person_birth_date'
  | 'record_id_index'
  | 'person_id_index'
  | 'person_sensitive'
>;

/** The record's ID number and the person's, when the record holds the person's own and they differ. */
function idConflict(row: ConflictRow, crypto: CryptoProvider): FieldConflict | null {
  if (!OWN_ID_SOURCES.includes(row.source) || row.record_id_index === null) return null;
  if (row.record_id_index === row.person_id_index) return null;
  const record = (sealedOf(crypto, row.payload).id_number ?? '').toUpperCase();
  const register = row.person_sensitive
    ? ((JSON.parse(crypto.decrypt(row.person_sensitive)) as { idNumber?: string }).idNumber ?? '')
    : '';
  if (record === '' || record === register.toUpperCase()) return null;
  const [shownRecord, shownRegister] = maskedIdPair(record, register.toUpperCase());
  return { field: 'id_number', label: FIELD_LABELS.id_number, record: shownRecord, register: shownRegister };
}

export function fieldConflicts(row: ConflictRow, crypto: CryptoProvider): FieldConflict[] {
  if (row.person_name === null) return [];
  const pairs: [FieldConflict['field'], string, string][] = [
    ['name', text(row.payload, 'name'), row.person_name],
    ['birth_date', text(row.payload, 'birth_date'), row.person_birth_date ?? ''],
    ['sex', text(row.payload, 'sex'), String(row.person_sex ?? '')],
  ];
  const conflicts: FieldConflict[] = pairs
    .filter(
      ([field, record, register]) =>
        record !== '' && (field === 'name' ? dots(record) !== dots(register) : record !== register),
    )
    .map(([field, record, register]) => ({
      field,
      label: FIELD_LABELS[field],
      record: field === 'sex' ? (SEX[record] ?? record) : record,
      register: field === 'sex' ? (SEX[register] ?? register) : register,
    }));
  const id = idConflict(row, crypto);
  return id ? [...conflicts, id] : conflicts;
}

export function entry(item: WorklistItem, row: ItemRow, crypto: CryptoProvider): WorklistEntry {
  return {
    id: row.id,
    item,
    source: row.source,
    recordId: row.record_id,
    probability: row.probability,
    matchWeight: row.match_weight,
    record: {
      name: text(row.payload, 'name'),
      sex: text(row.payload, 'sex'),
      birthDate: text(row.payload, 'birth_date'),
      date: row.record_date,
      place: row.jurisdiction_code,
      motherName: text(row.payload, 'mother_name'),
      hospital: text(row.payload, 'hospital'),
      event: row.source === 'hukou' ? text(row.payload, 'event') : '',
    },
    person:
      row.person_key && row.person_name !== null
        ? {
            personKey: row.person_key,
            name: row.person_name,
            sex: String(row.person_sex),
            birthDate: row.person_birth_date ?? '',
            hukouCode: row.person_hukou_code ?? '',
            residenceCode: row.person_residence_code ?? '',
            status: row.person_status ?? '',
          }
        : null,
    conflicts: item === 'unregistered_birth' || item === 'hukou_unmatched' ? [] : fieldConflicts(row, crypto),
    benefits: row.benefits ?? [],
    sameBirth: sameBirthOf(row),
  };
}

type TwinRow = Pick<
  ItemRow,
  'twin_decision_id' | 'twin_record_id' | 'twin_payload' | 'twin_place' | 'twin_date'
>;

export function sameBirthOf(row: TwinRow): SameBirthRecord | null {
  if (row.twin_decision_id === null || row.twin_record_id === null) return null;
  return {
    decisionId: row.twin_decision_id,
    recordId: row.twin_record_id,
    name: text(row.twin_payload, 'name'),
    sex: text(row.twin_payload, 'sex'),
    birthDate: text(row.twin_payload, 'birth_date'),
    place: row.twin_place ?? '',
    date: row.twin_date,
  };
}
