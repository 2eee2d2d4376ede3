// A civil-affairs marriage or divorce record names two people, and the register is linked person by
// person: each record is stored as its two parties, record_id#1 and record_id#2, each with its own
// name and ID number and the other's beside them. The record gives no sex or birth date, so both are
// read from the party's ID number when its digits allow (a mistyped check digit still gives them:
// comparing them is how the model sees past it).
import { normalizeCitizenId } from '../register/citizen-id';
import { isCalendarDate } from '../register/dates';

export const MARRIAGE_SOURCE = 'civil_marriages';
const SIDES = ['1', '2'] as const;

/** The stored record of one party: `${record_id}#${side}`. */
export const partyRecordId = (recordId: string, side: string) => `${recordId}#${side}`;

/** The marriage record a party's record_id belongs to, and the side ('' when it is not a party's). */
export function marriageOfParty(partyId: string): { recordId: string; side: string } {
  const at = partyId.lastIndexOf('#');
  return at < 0
    ? { recordId: partyId, side: '' }
    : { recordId: partyId.slice(0, at), side: partyId.slice(at + 1) };
}

/** Sex (1 man, 2 woman) and birth date read from an 18-digit ID number's digits, check digit aside. */
export function factsInIdNumber(raw: string): { sex: string; birth_date: string } {
  const id = normalizeCitizenId(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return { sex: '', birth_date: '' };
  const date = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return {
    sex: Number(id.charAt(16)) % 2 === 1 ? '1' : '2',
    birth_date: isCalendarDate(date) ? date : '',
  };
}

/** The two parties of a checked civil_marriages row (columns of RECORD_SOURCES.civil_marriages). */
export function marriageParties(values: Readonly<Record<string, string>>): Record<string, string>[] {
  const recordId = values.record_id ?? '';
  return SIDES.map((side) => {
    const other = side === '1' ? '2' : '1';
    const idNumber = values[`id_number_${side}`] ?? '';
    return {
      record_id: partyRecordId(recordId, side),
      marriage_record_id: recordId,
      side,
      event: values.event ?? '',
      date: values.date ?? '',
      name: values[`name_${side}`] ?? '',
      id_number: idNumber,
      ...factsInIdNumber(idNumber),
      spouse_name: values[`name_${other}`] ?? '',
      spouse_id_number: values[`id_number_${other}`] ?? '',
    };
  });
}
