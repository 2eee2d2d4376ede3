// Households (户) at the baseline, oldest first: a couple founds one (the husband as head); others
// live with their mother when she is in the file; children without one live with another family
// (grandparents, relatives); everyone else lives alone. Elderly mothers living alone then move in
// with a married child. Each household has one village; hukou and residence are then varied.
import { MaritalCode, NONE } from './population';
import type { Random } from './random';
import type { World } from './world';

const Relation = { Head: 1, Spouse: 2, Child: 3, Parent: 4, Grandchild: 5, Sibling: 6, Other: 7 } as const;

/** How a mother's child relates to the head, given the mother's own relation. */
function childRelation(motherRelation: number): number {
  if (motherRelation === Relation.Head || motherRelation === Relation.Spouse) return Relation.Child;
  if (motherRelation === Relation.Parent) return Relation.Sibling;
  if (motherRelation === Relation.Child) return Relation.Grandchild;
  return Relation.Other;
}

export function assignHouseholds(world: World, ages: Uint8Array, random: Random): void {
  const { population: pop, places } = world;
  const village = new Int32Array(pop.size).fill(NONE); // by household
  const size = new Int32Array(pop.size);
  const heads: number[][] = [[], [], [], [], [], []]; // household heads by ethnicity, for fostered children
  let households = 0;
  const join = (person: number, household: number, relation: number) => {
    pop.household[person] = household;
    pop.relation[person] = relation;
    size[household] = (size[household] ?? 0) + 1;
  };
  const found = (head: number) => {
    const household = households++;
    village[household] = places.pickVillage(random, pop.ethnicityCode(head));
    join(head, household, Relation.Head);
    heads[pop.ethnicity[head] ?? 0]?.push(head);
    return household;
  };
  const order = Array.from({ length: pop.size }, (_, i) => i).sort(
    (a, b) => (pop.birthDay[a] ?? 0) - (pop.birthDay[b] ?? 0),
  );
  for (const p of order) {
    if (pop.household[p] !== NONE) continue;
    const spouse = pop.spouse[p] ?? NONE;
    const mother = pop.mother[p] ?? NONE;
    const age = ages[p] ?? 0;
    if (spouse !== NONE) {
      const [husband, wife] = pop.sex[p] === 1 ? [p, spouse] : [spouse, p];
      join(wife, found(husband), Relation.Spouse);
    } else if (mother !== NONE) {
      // Not living as a couple (single, divorced, widowed, or the spouse lives elsewhere): with the mother.
      join(p, pop.household[mother] ?? 0, childRelation(pop.relation[mother] ?? 0));
    } else if (age < 16) {
      const candidates = heads[pop.ethnicity[p] ?? 0] ?? [];
      if (candidates.length === 0) found(p);
      else {
        const head = random.pick(candidates);
        const older = (pop.birthDay[p] ?? 0) - (pop.birthDay[head] ?? 0) > 36 * 365;
        join(p, pop.household[head] ?? 0, older ? Relation.Grandchild : Relation.Other);
      }
    } else found(p);
  }
  // Elderly mothers living alone move in with a married child who heads (or is the spouse of) a household.
  for (const p of order) {
    const mother = pop.mother[p] ?? NONE;
    const relation = pop.relation[p] ?? 0;
    if (mother === NONE || (relation !== Relation.Head && relation !== Relation.Spouse)) continue;
    const alone = pop.household[mother] ?? NONE;
    if (size[alone] !== 1 || pop.marital[mother] === MaritalCode.Married || (ages[mother] ?? 0) < 60)
      continue;
    if (!random.chance(0.8)) continue;
    size[alone] = 0;
    join(mother, pop.household[p] ?? 0, Relation.Parent);
  }
  placeHouseholds(world, village, ages, random);
}

/**
 * Hukou and residence: the household's village, except households registered outside the county
 * (mostly Han migrants), adults registered in one village and living in another (人户分离, often
 * in the towns), and young adults working outside the county with their hukou still here.
 */
function placeHouseholds(world: World, village: Int32Array, ages: Uint8Array, random: Random): void {
  const { population: pop, places } = world;
  const outsideHukou = new Int32Array(village.length).fill(NONE);
  for (let p = 0; p < pop.size; p++) {
    const household = pop.household[p] ?? 0;
    const home = village[household] ?? 0;
    if (outsideHukou[household] === NONE) {
      const ethnicity = pop.ethnicity[p] ?? 0;
      const share = ethnicity === 5 ? 0.03 : ethnicity === 3 ? 0.3 : 0.4;
      outsideHukou[household] = random.chance(share)
        ? places.pickOutside(random, pop.ethnicityCode(p))
        : home;
    }
    const hukou = outsideHukou[household] ?? home;
    let residence = home;
    const age = ages[p] ?? 0;
    if (places.isInside(hukou) && age >= 16 && age < 60) {
      const u = random.next();
      if (u < 0.09)
        residence = random.chance(0.6)
          ? places.pickUrban(random)
          : places.pickVillage(random, pop.ethnicityCode(p));
      else if (u < 0.13 && age >= 18 && age < 46)
        residence = places.pickOutside(random, pop.ethnicityCode(p));
    }
    pop.hukou[p] = hukou;
    pop.residence[p] = residence;
  }
}
