// The simulated people, one index each, as columns of typed arrays: a 2-million-person county must
// fit in memory, and objects per person would take several times more.

export const NONE = -1;
/** deathDay of the living. */
export const ALIVE = 0x7fffffff;

export const MaritalCode = { Never: 10, Married: 20, Widowed: 30, Divorced: 40 } as const;
export const RELATION_NAMES = [
  '',
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'sibling',
  'other',
] as const;
export const HUKOU_TYPE_NAMES = ['', 'agricultural', 'non_agricultural', 'resident'] as const;

/** What the register does not (yet) know about a person. */
export const Flag = {
  /** Died, but the death never reached the register (the person is still alive there). */
  DeathUnregistered: 1,
} as const;

function grow<T extends Int32Array | Uint8Array>(array: T, size: number, fill: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}

export class Population {
  size = 0;
  sex = new Uint8Array(0);
  birthDay = new Int32Array(0);
  deathDay = new Int32Array(0);
  mother = new Int32Array(0);
  father = new Int32Array(0);
  /** The spouse while married (NONE when married to someone outside the register). */
  spouse = new Int32Array(0);
  /** 1 when a marriage event told the register who the spouse is (baseline couples are not linked). */
  spouseLinked = new Uint8Array(0);
  marital = new Uint8Array(0);
  residence = new Int32Array(0);
  hukou = new Int32Array(0);
  /** GB/T 3304 number (1 汉, 3 回, 5 维吾尔). */
  ethnicity = new Uint8Array(0);
  /** True live births so far (including births the register missed). */
  childrenEverBorn = new Uint8Array(0);
  lastBirthDay = new Int32Array(0);
  /** The latest day of any event that involved the person: later events never date before it. */
  lastEventDay = new Int32Array(0);
  flags = new Uint8Array(0);
  /** Children as linked lists (first child, next sibling by the same mother): families move together. */
  firstChild = new Int32Array(0);
  nextSibling = new Int32Array(0);
  household = new Int32Array(0);
  relation = new Uint8Array(0);
  hukouType = new Uint8Array(0);
  disability = new Uint8Array(0);
  onlyChildCertificate = new Int32Array(0);
  names: string[] = [];
  /** '' when the person has no ID number in the register. */
  idNumbers: string[] = [];

  private capacity = 0;

  add(sex: 1 | 2, birthDay: number, ethnicity: number): number {
    if (this.size === this.capacity) this.reserve(Math.max(1024, this.capacity * 2));
    const index = this.size++;
    this.sex[index] = sex;
    this.birthDay[index] = birthDay;
    this.ethnicity[index] = ethnicity;
    this.names.push('');
    this.idNumbers.push('');
    return index;
  }

  reserve(capacity: number): void {
    if (capacity <= this.capacity) return;
    this.sex = grow(this.sex, capacity, 0);
    this.birthDay = grow(this.birthDay, capacity, 0);
    this.deathDay = grow(this.deathDay, capacity, ALIVE);
    this.mother = grow(this.mother, capacity, NONE);
    this.father = grow(this.father, capacity, NONE);
    this.spouse = grow(this.spouse, capacity, NONE);
    this.spouseLinked = grow(this.spouseLinked, capacity, 0);
    this.marital = grow(this.marital, capacity, MaritalCode.Never);
    this.residence = grow(this.residence, capacity, NONE);
    this.hukou = grow(this.hukou, capacity, NONE);
    this.ethnicity = grow(this.ethnicity, capacity, 0);
    this.childrenEverBorn = grow(this.childrenEverBorn, capacity, 0);
    this.lastBirthDay = grow(this.lastBirthDay, capacity, -ALIVE);
    this.lastEventDay = grow(this.lastEventDay, capacity, -ALIVE);
    this.flags = grow(this.flags, capacity, 0);
    this.firstChild = grow(this.firstChild, capacity, NONE);
    this.nextSibling = grow(this.nextSibling, capacity, NONE);
    this.household = grow(this.household, capacity, NONE);
    this.relation = grow(this.relation, capacity, 0);
    this.hukouType = grow(this.hukouType, capacity, 0);
    this.disability = grow(this.disability, capacity, 0);
    this.onlyChildCertificate = grow(this.onlyChildCertificate, capacity, NONE);
    this.capacity = capacity;
  }

  setMother(child: number, mother: number): void {
    this.mother[child] = mother;
    this.nextSibling[child] = this.firstChild[mother] ?? NONE;
    this.firstChild[mother] = child;
  }

  /** The mother's children known to the simulation, youngest first. */
  *childrenOf(mother: number): Generator<number> {
    for (
      let child = this.firstChild[mother] ?? NONE;
      child !== NONE;
      child = this.nextSibling[child] ?? NONE
    ) {
      yield child;
    }
  }

  isAlive(person: number): boolean {
    return this.deathDay[person] === ALIVE;
  }

  /** The person's key in the files. */
  personId(person: number): string {
    return `P${String(person + 1).padStart(7, '0')}`;
  }

  ethnicityCode(person: number): string {
    return String(this.ethnicity[person] ?? 0).padStart(2, '0');
  }

  name(person: number): string {
    return this.names[person] ?? '';
  }

  idNumber(person: number): string {
    return this.idNumbers[person] ?? '';
  }

  /** Marks that an event on `day` involved the person. */
  touch(person: number, day: number): void {
    if ((this.lastEventDay[person] ?? 0) < day) this.lastEventDay[person] = day;
  }

  /** Kept as sex as written in the files. */
  sexOf(person: number): 1 | 2 {
    return this.sex[person] === 2 ? 2 : 1;
  }
}
