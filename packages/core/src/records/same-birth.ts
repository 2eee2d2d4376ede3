// One baby the register lacks can be recorded twice: by the hospital (the mother's ID number, the
// baby's birth date, sex and usually its name, the mother's village) and by the hukou office when it
// settled the baby's hukou (the baby's own ID number, name, sex, birth date, the hukou's village). The
// two files share no key, so the missing-birth list pairs them here and shows the baby once (ADR 0019).
import { osaDistanceWithin } from '../linkage/comparators/damerau-levenshtein';
import { normalizeChineseName, pinyinAgrees, pinyinKey, variantKey } from '../linkage/chinese/name-keys';

/** A hospital birth or a hukou birth row the register lacks, with its sealed ID number opened. */
export interface BirthRecordBrief {
  recordId: string;
  name: string;
  sex: string;
  birthDate: string;
  /** The record's village (a hospital's: the mother's address; a hukou row's: the baby's hukou). */
  place: string;
  /** The baby's own ID number ('' when the record has none; a hospital's usually has none). */
  idNumber: string;
}

export interface SameBirthPair {
  hukouRecordId: string;
  hospitalRecordId: string;
  /** sameBirthScore of the two. */
  score: number;
}

/** Birth dates typed by two offices differ by a day or two (a birth just after midnight, a slip). */
export const SAME_BIRTH_MAX_DAYS = 2;

const dayOf = (date: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) / 864e5 : NaN;

/** The birth date inside an 18-digit ID number (YYYY-MM-DD), '' otherwise. */
export function birthDateInId(id: string): string {
  return /^\d{17}[\dX]$/i.test(id) ? `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` : '';
}

/** 3 same characters (traditional folded), 2 same sound, 1 one character mistyped, 0 different or unknown. */
export function nameAgreement(a: string, b: string): number {
  if (a.trim() === '' || b.trim() === '') return 0;
  const [na, nb] = [normalizeChineseName(a), normalizeChineseName(b)];
  const [va, vb] = [variantKey(na), variantKey(nb)];
  if (va === vb) return 3;
  if (pinyinAgrees(pinyinKey(na), pinyinKey(nb))) return 2;
  // One wrong character in a name of three or more: in a two-character name it is another given name.
  return Math.min(va.length, vb.length) >= 3 && osaDistanceWithin(va, vb, 1) <= 1 ? 1 : 0;
}

/**
 * How strongly a hospital birth and a hukou birth row look like one baby; 0 when they are not. Both
 * must give the same sex and birth dates at most two days apart (the hukou row's own date or the one
 * inside its ID number: the office types the date twice). Then either the same ID number (when the
 * hospital wrote the baby's), a like name, or, when a name is missing, the same village.
 */
export function sameBirthScore(hospital: BirthRecordBrief, hukou: BirthRecordBrief): number {
  if (hospital.sex === '' || hospital.sex !== hukou.sex) return 0;
  const born = dayOf(hospital.birthDate);
  const apart = Math.min(
    ...[hukou.birthDate, birthDateInId(hukou.idNumber)].map((d) => Math.abs(dayOf(d) - born)),
  );
  if (!(apart <= SAME_BIRTH_MAX_DAYS)) return 0;
  const sameId = hospital.idNumber !== '' && hospital.idNumber.toUpperCase() === hukou.idNumber.toUpperCase();
  const names = nameAgreement(hospital.name, hukou.name);
  const nameless = hospital.name.trim() === '' || hukou.name.trim() === '';
  const sameVillage = hospital.place !== '' && hospital.place === hukou.place;
  if (!sameId && names === 0 && !(nameless && sameVillage)) return 0;
  return (sameId ? 100 : 0) + names * 10 + (apart === 0 ? 2 : 1) + (sameVillage ? 1 : 0);
}

/**
 * Pairs each hukou birth row with at most one hospital birth and back, strongest first (twins share
 * the date, the sex and the village, never the name or the ID number). Deterministic: ties go by
 * record id.
 */
export function pairSameBirths(
  hospital: readonly BirthRecordBrief[],
  hukou: readonly BirthRecordBrief[],
  /** Pairs a clerk found to be two babies, as `hospitalRecordId|hukouRecordId`: never paired. */
  split: ReadonlySet<string> = new Set(),
): SameBirthPair[] {
  const byDay = new Map<number, BirthRecordBrief[]>();
  for (const h of hospital) {
    const day = dayOf(h.birthDate);
    if (!Number.isNaN(day)) byDay.set(day, [...(byDay.get(day) ?? []), h]);
  }
  const candidates: { score: number; hukou: string; hospital: string }[] = [];
  for (const k of hukou) {
    const days = new Set(
      [dayOf(k.birthDate), dayOf(birthDateInId(k.idNumber))].filter((d) => !Number.isNaN(d)),
    );
    const near = new Set<BirthRecordBrief>();
    for (const day of days)
      for (let d = day - SAME_BIRTH_MAX_DAYS; d <= day + SAME_BIRTH_MAX_DAYS; d++)
        for (const h of byDay.get(d) ?? []) near.add(h);
    for (const h of near) {
      const score = split.has(`${h.recordId}|${k.recordId}`) ? 0 : sameBirthScore(h, k);
      if (score > 0) candidates.push({ score, hukou: k.recordId, hospital: h.recordId });
    }
  }
  candidates.sort(
    (a, b) => b.score - a.score || a.hukou.localeCompare(b.hukou) || a.hospital.localeCompare(b.hospital),
  );
  const [takenHukou, takenHospital] = [new Set<string>(), new Set<string>()];
  const pairs: SameBirthPair[] = [];
  for (const c of candidates) {
    if (takenHukou.has(c.hukou) || takenHospital.has(c.hospital)) continue;
    takenHukou.add(c.hukou);
    takenHospital.add(c.hospital);
    pairs.push({ hukouRecordId: c.hukou, hospitalRecordId: c.hospital, score: c.score });
  }
  return pairs;
}
