// The baseline: everyone alive on the start date, with the census age/sex structure scaled to the
// requested size, couples, mothers and fathers linked, households, places, names and ID numbers.
import { baselineMarital, expectedChildrenEverBorn } from './baseline-marital';
import { AGE_GROUP_STARTS, MAX_AGE } from './census-652926';
import { ageOnDay, yearOfDay } from './days';
import { personName } from './names';
import { ONLY_CHILD_POLICY_SINCE, RESIDENT_HUKOU_SINCE } from './policies';
import { MaritalCode, NONE, type Population } from './population';
import type { Random } from './random';
import { WeightedPicker } from './random';
import { FERTILITY_SHAPE } from './rates';
import { homophone } from './record-errors';
import { assignHouseholds } from './households';
import type { World } from './world';

const YEAR = 365.2425;

/** Largest-remainder rounding of `weights` scaled to `total` (the counts sum to `total` exactly). */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let missing = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, index] of order) {
    if (missing-- <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

/** An age within census group `group`; the open group 85+ thins out geometrically up to MAX_AGE. */
function sampleAge(random: Random, group: number): number {
  const start = AGE_GROUP_STARTS[group] ?? 0;
  const next = AGE_GROUP_STARTS[group + 1];
  if (next !== undefined) return start + random.int(next - start);
  let age = start;
  while (age < MAX_AGE && random.chance(0.78)) age++;
  return age;
}

/** A birth day such that the person has completed `age` years on `fromDay` (and is born before it). */
function birthDayFor(random: Random, age: number, fromDay: number): number {
  const latest = fromDay - Math.round(age * YEAR) - 1;
  const earliest = fromDay - Math.round((age + 1) * YEAR) + 1;
  return earliest + random.int(Math.max(1, latest - earliest + 1));
}

function bucketKey(ethnicity: number, year: number): number {
  return ethnicity * 10000 + year;
}

/** Removes and returns a random member of a bucket (order within buckets does not matter). */
function takeFrom(random: Random, bucket: number[] | undefined): number {
  if (bucket === undefined || bucket.length === 0) return NONE;
  const index = random.int(bucket.length);
  const taken = bucket[index] ?? NONE;
  bucket[index] = bucket[bucket.length - 1] ?? NONE;
  bucket.pop();
  return taken;
}

export function buildBaseline(world: World, random: Random): void {
  const { options, population: pop } = world;
  createPeople(world, random.fork(1));
  const ages = new Uint8Array(pop.size);
  for (let p = 0; p < pop.size; p++) ages[p] = ageOnDay(pop.birthDay[p] ?? 0, options.fromDay);
  formCouples(pop, ages, random.fork(2));
  linkMothers(pop, ages, random.fork(3));
  assignHouseholds(world, ages, random.fork(4));
  describePeople(world, ages, random.fork(5));
  world.baselineSize = pop.size;
}

function createPeople(world: World, random: Random): void {
  const { options, population: pop } = world;
  const { male, female } = options.pyramid;
  const counts = apportion([...male, ...female], options.persons);
  // One label per person (group, sex), shuffled so person numbers do not follow age.
  const labels = new Uint8Array(options.persons);
  let filled = 0;
  counts.forEach((count, label) => {
    labels.fill(label, filled, filled + count);
    filled += count;
  });
  for (let i = labels.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const t = labels[i] ?? 0;
    labels[i] = labels[j] ?? 0;
    labels[j] = t;
  }
  const minority = options.minorityShare;
  const ethnicityPicker = new WeightedPicker([1 - minority, minority * 0.015, minority * 0.985]);
  const ethnicityCodes = [1, 3, 5];
  pop.reserve(Math.ceil(options.persons * 1.35) + 1024);
  const groups = male.length;
  for (const label of labels) {
    const sex = label < groups ? 1 : 2;
    const age = sampleAge(random, label % groups);
    pop.add(
      sex,
      birthDayFor(random, age, options.fromDay),
      ethnicityCodes[ethnicityPicker.pick(random)] ?? 5,
    );
  }
}

/** Marital status for everyone, then each married woman is matched to a married man of her group a few years older. */
function formCouples(pop: Population, ages: Uint8Array, random: Random): void {
  const husbands = new Map<number, number[]>();
  const wives: number[] = [];
  for (let p = 0; p < pop.size; p++) {
    const marital = baselineMarital(ages[p] ?? 0, pop.sexOf(p), random.next());
    pop.marital[p] = marital;
    if (marital !== MaritalCode.Married) continue;
    if (pop.sex[p] === 2) wives.push(p);
    else {
      const key = bucketKey(pop.ethnicity[p] ?? 0, yearOfDay(pop.birthDay[p] ?? 0));
      const bucket = husbands.get(key);
      if (bucket) bucket.push(p);
      else husbands.set(key, [p]);
    }
  }
  const gaps = [-2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 10];
  const gapPicker = new WeightedPicker([2, 4, 7, 12, 15, 15, 12, 9, 7, 5, 4, 3]);
  for (const wife of wives) {
    const year = yearOfDay(pop.birthDay[wife] ?? 0);
    for (let attempt = 0; attempt < 8; attempt++) {
      const gap = gaps[gapPicker.pick(random)] ?? 3;
      const husband = takeFrom(random, husbands.get(bucketKey(pop.ethnicity[wife] ?? 0, year - gap)));
      if (husband === NONE) continue;
      pop.spouse[wife] = husband;
      pop.spouse[husband] = wife;
      break;
    }
  }
}

/**
 * Mothers: each woman who has ever married gets a number of live births for her cohort and age;
 * people are given mothers of their ethnicity aged 17–49 at their birth while those births last.
 * Births beyond the linked children are children who died or live elsewhere.
 */
function linkMothers(pop: Population, ages: Uint8Array, random: Random): void {
  const mothers = new Map<number, number[]>();
  const capacity = new Uint8Array(pop.size);
  for (let p = 0; p < pop.size; p++) {
    if (pop.sex[p] !== 2 || pop.marital[p] === MaritalCode.Never) continue;
    const birthYear = yearOfDay(pop.birthDay[p] ?? 0);
    const births = Math.min(
      12,
      random.poisson(expectedChildrenEverBorn(pop.ethnicity[p] ?? 0, birthYear, ages[p] ?? 0)),
    );
    pop.childrenEverBorn[p] = births;
    capacity[p] = births;
    if (births === 0) continue;
    // A mother appears once per child she can still be given.
    const key = bucketKey(pop.ethnicity[p] ?? 0, birthYear);
    const bucket = mothers.get(key) ?? [];
    for (let i = 0; i < births; i++) bucket.push(p);
    mothers.set(key, bucket);
  }
  const shape = new WeightedPicker([...FERTILITY_SHAPE]);
  const order = Array.from({ length: pop.size }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  for (const child of order) {
    const age = ages[child] ?? 0;
    // Older people's mothers have more often died: they are linked less often.
    if (!random.chance(age < 18 ? 0.97 : age < 30 ? 0.85 : age < 45 ? 0.6 : 0.3)) continue;
    const childBirth = pop.birthDay[child] ?? 0;
    for (let attempt = 0; attempt < 4; attempt++) {
      const motherAge = Math.max(17, 15 + shape.pick(random) * 5 + random.int(5));
      const key = bucketKey(pop.ethnicity[child] ?? 0, yearOfDay(childBirth) - motherAge);
      const mother = takeFrom(random, mothers.get(key));
      if (mother === NONE) continue;
      if (ageOnDay(pop.birthDay[mother] ?? 0, childBirth) < 16) {
        mothers.get(key)?.push(mother);
        continue;
      }
      pop.setMother(child, mother);
      if ((pop.lastBirthDay[mother] ?? 0) < childBirth) pop.lastBirthDay[mother] = childBirth;
      const husband = pop.spouse[mother] ?? NONE;
      if (pop.marital[mother] === MaritalCode.Married && husband !== NONE) {
        if (ageOnDay(pop.birthDay[husband] ?? 0, childBirth) >= 18) pop.father[child] = husband;
      }
      break;
    }
  }
}

/** Names, ID numbers, hukou type, disability, 独生子女父母光荣证, and the register's own mistakes. */
function describePeople(world: World, ages: Uint8Array, random: Random): void {
  const { options, population: pop, places, ids, diffs } = world;
  // Oldest first: a father is named before his children, who carry his name.
  const order = Array.from({ length: pop.size }, (_, i) => i).sort(
    (a, b) => (pop.birthDay[a] ?? 0) - (pop.birthDay[b] ?? 0),
  );
  for (const p of order) {
    const sex = pop.sexOf(p);
    const father = pop.father[p] ?? NONE;
    pop.names[p] = personName(random, pop.ethnicityCode(p), sex, father === NONE ? null : pop.name(father));
    const hukou = pop.hukou[p] ?? 0;
    pop.idNumbers[p] = ids.issue(places.region(hukou), pop.birthDay[p] ?? 0, sex);
    if (places.isInside(hukou)) {
      const urban = places.isUrban(hukou);
      let type = urban ? (random.chance(0.75) ? 2 : 1) : random.chance(0.95) ? 1 : 2;
      if (options.fromDay >= RESIDENT_HUKOU_SINCE && random.chance(0.4)) type = 3;
      pop.hukouType[p] = type;
    }
    const age = ages[p] ?? 0;
    if (random.chance(age < 15 ? 0.004 : age < 60 ? 0.02 : 0.07)) {
      pop.disability[p] = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4][random.int(10)] ?? 4;
    }
  }
  grantOnlyChildCertificates(world, random);
  // The register's baseline mistakes: a misheard name, a mistyped birth date, a missing ID number.
  for (let p = 0; p < pop.size; p++) {
    const u = random.next();
    if (u < 0.003) {
      const wrong = homophone(random, pop.name(p));
      if (wrong !== undefined) diffs.set(p, { name: wrong });
    } else if (u < 0.0045 && (ages[p] ?? 0) >= 2) {
      const shift = random.between(1, 40) * (random.chance(0.5) ? 1 : -1);
      diffs.set(p, { birthDay: (pop.birthDay[p] ?? 0) + shift });
    } else if (u < 0.0045 + ((ages[p] ?? 0) < 16 ? 0.04 : 0.01)) {
      diffs.set(p, { noIdNumber: true });
    }
  }
}

/** Parents of one child, where the policy issued the certificate (Han mostly; rarely minorities). */
function grantOnlyChildCertificates(world: World, random: Random): void {
  const { options, population: pop } = world;
  for (let mother = 0; mother < pop.size; mother++) {
    if (pop.childrenEverBorn[mother] !== 1) continue;
    const child = pop.firstChild[mother] ?? NONE;
    if (child === NONE) continue;
    const childBirth = pop.birthDay[child] ?? 0;
    if (childBirth < ONLY_CHILD_POLICY_SINCE) continue;
    if (!random.chance(pop.ethnicity[mother] === 5 ? 0.15 : 0.6)) continue;
    const issued = Math.min(options.fromDay - 1, childBirth + random.between(180, 1800));
    pop.onlyChildCertificate[mother] = issued;
    const father = pop.father[child] ?? NONE;
    if (father !== NONE) pop.onlyChildCertificate[father] = issued;
  }
}
