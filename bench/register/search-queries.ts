// The person searches of the register benchmark, with inputs drawn (seeded) from the dataset's
// persons.csv: real ID numbers, names, birth dates and villages of the baseline. The calls are those
// of the person search page (page size 20) as a county officer of 652926.
import { nameKeys } from '@renkou/core';
import { openTable } from '../../packages/server/src/modules/register/import/table-reader';
import { seededRandom } from '../lib/random';

export const PAGE_SIZE = 20;
export const TOWNSHIP = '652926100';
/** A village listing asks for page 2, so only villages with more than a page of baseline persons. */
const MIN_VILLAGE_PERSONS = 2 * PAGE_SIZE;

export interface SearchInput {
  q?: string;
  jurisdiction?: string;
  birthDate?: string;
  page: number;
  pageSize: number;
}

export interface SearchSpec {
  key: string;
  label: string;
  /** Inputs cycled through, one per call (warm-up and measured calls alike). */
  inputs: SearchInput[];
}

interface Reservoir<T> {
  seen: number;
  items: T[];
}

/** Reservoir sampling (algorithm R) with the seeded generator: the same sample on every run. */
function offer<T>(reservoir: Reservoir<T>, size: number, item: T, random: () => number): void {
  reservoir.seen++;
  if (reservoir.items.length < size) reservoir.items.push(item);
  else {
    const j = Math.floor(random() * reservoir.seen);
    if (j < size) reservoir.items[j] = item;
  }
}

/** 2 or 3 characters of one part of the name (the parts of a Uyghur name are joined by ·). */
function nameFragment(name: string, random: () => number): string | undefined {
  const parts = name
    .split(/[·•]/u)
    .map((part) => Array.from(part))
    .filter((chars) => chars.length >= 2);
  if (parts.length === 0) return undefined;
  const chars = parts[Math.floor(random() * parts.length)] as string[];
  const length = Math.min(chars.length, 2 + Math.floor(random() * 2));
  const at = Math.floor(random() * (chars.length - length + 1));
  return chars.slice(at, at + length).join('');
}

export async function buildSearches(
  personsCsv: string,
  coverage: string,
  calls: number,
  seed: number,
): Promise<SearchSpec[]> {
  const random = seededRandom(seed);
  const next = () => random.next();
  const ids: Reservoir<string> = { seen: 0, items: [] };
  const names: Reservoir<string> = { seen: 0, items: [] };
  const births: Reservoir<string> = { seen: 0, items: [] };
  const villages = new Map<string, number>();
  const table = await openTable(personsCsv);
  for await (const { cells } of table.rows()) {
    const id = cells.id_number?.trim();
    if (id) offer(ids, calls, id, next);
    const name = cells.name?.trim();
    if (name) offer(names, calls * 3, name, next);
    const hukou = cells.hukou_code?.trim() ?? '';
    const residence = cells.residence_code?.trim() || hukou;
    if ((hukou.startsWith(TOWNSHIP) || residence.startsWith(TOWNSHIP)) && cells.birth_date)
      offer(births, calls, cells.birth_date.trim(), next);
    // Residence may lie outside the county (people registered here who live elsewhere).
    for (const code of new Set([hukou, residence]))
      if (code.length === 12 && code.startsWith(coverage)) villages.set(code, (villages.get(code) ?? 0) + 1);
  }
  const nameSample = names.items;
  const fragments = nameSample
    .slice(0, calls)
    .map((name) => nameFragment(name, next))
    .filter((f): f is string => f !== undefined);
  const keys = nameSample.slice(calls, 2 * calls).map((name) => nameKeys(name));
  const pinyinPrefixes = keys
    .map((k) => k.pinyin.slice(0, Math.min(k.pinyin.length, 3 + Math.floor(next() * 4))))
    .filter((p) => p.length >= 2);
  const initials = nameSample
    .slice(2 * calls)
    .map((name) => nameKeys(name).initials)
    .filter((i) => i.length >= 2);
  const bigVillages = [...villages]
    .filter(([, n]) => n > MIN_VILLAGE_PERSONS)
    .map(([code]) => code)
    .sort();
  const page = { page: 1, pageSize: PAGE_SIZE };
  return [
    {
      key: 'idNumber',
      label: 'full ID number (18 digits)',
      inputs: ids.items.map((q) => ({ ...page, q })),
    },
    {
      key: 'nameChars',
      label: '2–3 Chinese characters of a name',
      inputs: fragments.map((q) => ({ ...page, q })),
    },
    {
      key: 'pinyinPrefix',
      label: 'pinyin prefix (3–6 letters)',
      inputs: pinyinPrefixes.map((q) => ({ ...page, q })),
    },
    {
      key: 'initials',
      label: 'initials of a full name',
      inputs: initials.map((q) => ({ ...page, q })),
    },
    {
      key: 'birthDateTownship',
      label: `birth date + township ${TOWNSHIP}`,
      inputs: births.items.map((birthDate) => ({ ...page, birthDate, jurisdiction: TOWNSHIP })),
    },
    {
      key: 'villagePage2',
      label: 'village listing, page 2',
      inputs: random
        .sample(bigVillages, calls)
        .map((jurisdiction) => ({ jurisdiction, page: 2, pageSize: PAGE_SIZE })),
    },
  ];
}
