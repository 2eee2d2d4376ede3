// One step of the cohort-component projection (Preston, Heuveline & Guillot 2001, ch. 6; the UN's
// ccmppWPP): 5-year age groups and step, open group last, female-dominant births.
//
// Conventions (reproduce Preston Box 6.2 exactly):
// - survival ratios from the life table's 5Lx: S = 5Lx / 5Lx−5, first S = 5L0 / (5·l0), and for the open
//   group T(open) / T(open − 5) applied to the last closed group plus the open group;
// - migration half at the start (added before survival) and half at the end of the step;
// - births = 5 · Σ ASFR × mean of the migration-adjusted start and the end female population of each
//   group (the end including its half of the migrants), split female = B / (1 + SRB).

export interface ProjectionSex {
  /** Population by 5-year group at the start of the step, last group open. */
  population: readonly number[];
  /** Life-table 5Lx by the same groups (0–4 first, last the open group's L = T). */
  Lx: readonly number[];
  /** Net migrants during the step by age group, or zeros for a closed population. */
  netMigrants: readonly number[];
}

export interface ProjectionStepInput {
  female: ProjectionSex;
  male: ProjectionSex;
  /** Age-specific fertility rates by group start age, e.g. { 15: 0.012, 20: 0.0908, … }. */
  asfrByGroupStart: Readonly<Record<number, number>>;
  /** Male births per female birth (1.05, not 105). */
  srb: number;
  /** l0 of the life tables that gave Lx. */
  radix: number;
  /** Step and age-group width in years; 5 unless given. */
  stepYears?: number;
}

export interface ProjectionStepResult {
  female: number[];
  male: number[];
  /** Births during the step by mother's age group (index as the population). */
  birthsByMotherAgeGroup: number[];
  births: number;
  birthsFemale: number;
  birthsMale: number;
}

/** Survival of each age group into the next over one step (index i: from group i − 1 into group i). */
export function survivalRatios(Lx: readonly number[], radix: number, stepYears = 5): number[] {
  const last = Lx.length - 1;
  return Lx.map((L, i) => {
    if (i === 0) return L / (stepYears * radix);
    if (i === last) return L / ((Lx[last - 1] ?? 0) + L);
    return L / (Lx[i - 1] ?? 0);
  });
}

function checkSex(sex: ProjectionSex, groups: number): void {
  if (sex.population.length !== groups || sex.Lx.length !== groups || sex.netMigrants.length !== groups)
    throw new RangeError('population, Lx and netMigrants need one value per age group');
}

/** Survive a population aged by one group (all but the first group, which comes from births). */
function surviveAges(sex: ProjectionSex, radix: number, stepYears: number): number[] {
  const survival = survivalRatios(sex.Lx, radix, stepYears);
  const start = sex.population.map((p, i) => p + (sex.netMigrants[i] ?? 0) / 2);
  const last = start.length - 1;
  return start.map((_, i) => {
    if (i === 0) return 0;
    const entering = i === last ? (start[last - 1] ?? 0) + (start[last] ?? 0) : (start[i - 1] ?? 0);
    return entering * (survival[i] ?? 0) + (sex.netMigrants[i] ?? 0) / 2;
  });
}

export function projectCohortComponentStep(input: ProjectionStepInput): ProjectionStepResult {
  const groups = input.female.population.length;
  checkSex(input.female, groups);
  checkSex(input.male, groups);
  const stepYears = input.stepYears ?? 5;
  const female = surviveAges(input.female, input.radix, stepYears);
  const male = surviveAges(input.male, input.radix, stepYears);
  const birthsByMotherAgeGroup = input.female.population.map((p, i) => {
    const rate = input.asfrByGroupStart[i * stepYears] ?? 0;
    const start = p + (input.female.netMigrants[i] ?? 0) / 2;
    return rate === 0 ? 0 : stepYears * rate * ((start + (female[i] ?? 0)) / 2);
  });
  const births = birthsByMotherAgeGroup.reduce((sum, b) => sum + b, 0);
  const birthsFemale = births / (1 + input.srb);
  const birthsMale = births - birthsFemale;
  const firstSurvival = (sex: ProjectionSex) => (sex.Lx[0] ?? 0) / (stepYears * input.radix);
  female[0] = birthsFemale * firstSurvival(input.female) + (input.female.netMigrants[0] ?? 0) / 2;
  male[0] = birthsMale * firstSurvival(input.male) + (input.male.netMigrants[0] ?? 0) / 2;
  return { female, male, birthsByMotherAgeGroup, births, birthsFemale, birthsMale };
}

/** 5Lx by 5-year groups from an abridged table on 0, 1, 5, 10, …: 5L0 = 1L0 + 4L1, open group L = T. */
export function fiveYearLx(table: { ageStart: readonly number[]; Lx: readonly number[] }): number[] {
  if (table.ageStart[0] !== 0 || table.ageStart[1] !== 1 || table.ageStart[2] !== 5)
    throw new RangeError('the life table must start with groups 0, 1–4, 5–9');
  return [(table.Lx[0] ?? 0) + (table.Lx[1] ?? 0), ...table.Lx.slice(2)];
}
