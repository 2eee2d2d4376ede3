// Indicators of one jurisdiction from the aggregate tables: the sums for a period are read once
// (for a county and all its children), then each jurisdiction keeps the cells whose code, mapped
// to the tree in force on `to`, lies under its own code.
import { CubeEventKind, UNKNOWN_MOTHER_AGE } from './cube';
import { assembleIndicators, type Indicators } from './indicators';
import { isMigrant } from './migrant-share';
import { PersonYearsCounter, type SexKey } from './person-years';
import { percent } from './rates';

/** The tables summed over the period's months (the server reads them; codes are the stored ones). */
export interface CubeSlice {
  /** Person-days by code, sex, age and calendar year. */
  days: { code: string; sex: number; age: number; year: number; days: number }[];
  /** Persons on the day before `from`, by code. */
  startStock: { code: string; count: number }[];
  /** Persons on `to`, by code, sex and age. */
  endStock: { code: string; sex: number; age: number; count: number }[];
  events: { code: string; kind: number; sex: number; age: number; birthOrder: number; count: number }[];
  moves: { fromCode: string; toCode: string; count: number }[];
  /** Residents on `to` (always by residence) with their hukou code. */
  residents: { residenceCode: string; hukouCode: string; count: number }[];
}

const SEX_KEYS: readonly SexKey[] = ['male', 'female'];

/** `current` maps a stored code to its successor in force on `to` (identity when nothing was retired). */
export function indicatorsFromCube(
  slice: CubeSlice,
  jurisdiction: string,
  current: (code: string) => string,
): Indicators {
  const inJ = (code: string) => code !== '' && current(code).startsWith(jurisdiction);
  const exposure = new PersonYearsCounter();
  for (const cell of slice.days)
    if (inJ(cell.code)) exposure.addDays(sexKey(cell.sex), cell.year, cell.age, cell.days);

  const endByAge: Record<SexKey, number[]> = { male: [], female: [] };
  for (const cell of slice.endStock) {
    if (!inJ(cell.code)) continue;
    const byAge = endByAge[sexKey(cell.sex)];
    byAge[cell.age] = (byAge[cell.age] ?? 0) + cell.count;
  }

  const birthsByMotherAge: number[] = [];
  const birthOrders: number[] = [];
  let births = 0;
  let birthsMale = 0;
  let deaths = 0;
  for (const cell of slice.events) {
    if (!inJ(cell.code)) continue;
    if (cell.kind === CubeEventKind.Death) {
      deaths += cell.count;
      continue;
    }
    births += cell.count;
    if (cell.sex === 0) birthsMale += cell.count;
    if (cell.age !== UNKNOWN_MOTHER_AGE)
      birthsByMotherAge[cell.age] = (birthsByMotherAge[cell.age] ?? 0) + cell.count;
    for (let i = 0; i < cell.count; i += 1) birthOrders.push(cell.birthOrder);
  }

  let movesIn = 0;
  let movesOut = 0;
  for (const cell of slice.moves) {
    const into = inJ(cell.toCode);
    const outOf = inJ(cell.fromCode);
    if (into && !outOf) movesIn += cell.count;
    if (!into && outOf) movesOut += cell.count;
  }

  let residents = 0;
  let migrants = 0;
  for (const cell of slice.residents) {
    if (!inJ(cell.residenceCode)) continue;
    residents += cell.count;
    const codes = { residenceCode: current(cell.residenceCode), hukouCode: current(cell.hukouCode) };
    if (isMigrant(codes)) migrants += cell.count;
  }

  return assembleIndicators({
    populationStart: slice.startStock.reduce((sum, cell) => sum + (inJ(cell.code) ? cell.count : 0), 0),
    exposure,
    endByAge,
    birthsByMotherAge,
    birthOrders,
    births,
    birthsMale,
    deaths,
    movesIn,
    movesOut,
    migrantShare: percent(migrants, residents),
  });
}

function sexKey(sex: number): SexKey {
  const key = SEX_KEYS[sex];
  if (!key) throw new RangeError(`sex ${sex} is not 0 or 1`);
  return key;
}
