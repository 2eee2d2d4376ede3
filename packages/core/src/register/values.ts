// Readers for the coded values of the files: each returns undefined for a value it does not accept,
// and the caller turns that into INVALID_VALUE naming the column.
import {
  HUKOU_TYPES,
  RELATIONS,
  type DisabilityGrade,
  type HukouType,
  type MaritalStatus,
  type Relation,
  type Sex,
} from './model';

export function parseSex(raw: string): Sex | undefined {
  const value = raw.trim();
  if (value === '1') return 1;
  if (value === '2') return 2;
  return undefined;
}

/** GB/T 2261.2; 21 初婚, 22 再婚, 23 复婚 are read as 20 married. */
export function parseMaritalStatus(raw: string): MaritalStatus | undefined {
  const value = raw.trim();
  if (value === '21' || value === '22' || value === '23') return '20';
  return value === '10' || value === '20' || value === '30' || value === '40' || value === '90'
    ? value
    : undefined;
}

export function parseHukouType(raw: string): HukouType | undefined {
  return HUKOU_TYPES.find((type) => type === raw.trim());
}

export function parseRelation(raw: string): Relation | undefined {
  return RELATIONS.find((relation) => relation === raw.trim());
}

/** GB/T 3304: 01–56 the recognised ethnic groups, 97 other, 98 foreign origin. */
export function parseEthnicity(raw: string): string | undefined {
  const value = raw.trim();
  if (!/^\d{2}$/.test(value)) return undefined;
  const number = Number(value);
  return (number >= 1 && number <= 56) || number === 97 || number === 98 ? value : undefined;
}

export function parseDisabilityGrade(raw: string): DisabilityGrade | undefined {
  const value = raw.trim();
  return value === '1' || value === '2' || value === '3' || value === '4'
    ? (Number(value) as DisabilityGrade)
    : undefined;
}

/** A count written as a non-negative integer ('' is not a count). */
export function parseCount(raw: string): number | undefined {
  const value = raw.trim();
  return /^\d{1,3}$/.test(value) ? Number(value) : undefined;
}

/** 'true' / 'false' (also 1/0); empty is false. */
export function parseFlag(raw: string): boolean | undefined {
  const value = raw.trim().toLowerCase();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  return undefined;
}
