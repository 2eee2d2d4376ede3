// Other departments' records of the same lives (spec/interchange.md §2) with the truth beside each:
// which register person it is about and which mistakes were put in. Department clerks write names by
// ear, in traditional characters, mistype ID numbers and dates; a record exists even when the
// register missed the event (then person_id is empty, or the register lacks the death).
import { dateFromDay, dayFromDate } from './days';
import type { Places } from './places';
import type { Random } from './random';
import { homophone, idDigitError, traditional, typo } from './record-errors';
import type {
  CivilDeathRow,
  CivilMarriageRow,
  HospitalBirthRow,
  HukouRow,
  SyntheticErrorKind,
  SyntheticRecord,
  SyntheticTruthRow,
} from './rows';

type Row = Record<string, string>;
type Mistake = (row: Row, random: Random) => boolean;

function nameMistakes(
  field: string,
  prefix: 'name' | 'mother_name' | 'name_1' | 'name_2',
): [SyntheticErrorKind, Mistake][] {
  const change =
    (make: (random: Random, name: string) => string | undefined): Mistake =>
    (row, random) => {
      const changed = row[field] ? make(random, row[field]) : undefined;
      if (changed === undefined || changed === row[field]) return false;
      row[field] = changed;
      return true;
    };
  return [
    [`${prefix}_typo`, change(typo)],
    [`${prefix}_homophone`, change(homophone)],
    [`${prefix}_traditional`, change((_, name) => traditional(name))],
  ];
}

function idMistake(field: string): Mistake {
  return (row, random) => {
    if (!row[field]) return false;
    row[field] = idDigitError(random, row[field]);
    return true;
  };
}

function clearMistake(field: string): Mistake {
  return (row) => {
    if (!row[field]) return false;
    row[field] = '';
    return true;
  };
}

function dateShift(field: string, maxDays: number): Mistake {
  return (row, random) => {
    if (!row[field]) return false;
    const shift = random.between(1, maxDays) * (random.chance(0.5) ? 1 : -1);
    row[field] = dateFromDay(dayFromDate(row[field]) + shift);
    return true;
  };
}

const HOSPITAL_MISTAKES: [SyntheticErrorKind, Mistake][] = [
  ...nameMistakes('name', 'name'),
  ...nameMistakes('mother_name', 'mother_name'),
  ['mother_id_digit', idMistake('mother_id_number')],
  ['mother_id_missing', clearMistake('mother_id_number')],
  ['birth_date_shift', dateShift('birth_date', 2)],
];

const HUKOU_MISTAKES: [SyntheticErrorKind, Mistake][] = [
  ...nameMistakes('name', 'name'),
  ['id_digit', idMistake('id_number')],
  ['event_date_shift', dateShift('event_date', 30)],
  ['birth_date_shift', dateShift('birth_date', 20)],
];

const DEATH_MISTAKES: [SyntheticErrorKind, Mistake][] = [
  ...nameMistakes('name', 'name'),
  ['id_digit', idMistake('id_number')],
  ['id_missing', clearMistake('id_number')],
  ['death_date_shift', dateShift('death_date', 5)],
  ['birth_date_shift', dateShift('birth_date', 20)],
];

const MARRIAGE_MISTAKES: [SyntheticErrorKind, Mistake][] = [
  ...nameMistakes('name_1', 'name_1'),
  ...nameMistakes('name_2', 'name_2'),
  ['id_1_digit', idMistake('id_number_1')],
  ['id_2_digit', idMistake('id_number_2')],
  ['date_shift', dateShift('date', 3)],
];

export interface BirthRecordInput {
  day: number;
  /** '' when the birth is deliberately missing from the register. */
  personId: string;
  name: string;
  sex: 1 | 2;
  idNumber: string;
  /** Where the mother lives. */
  place: number;
  motherName: string;
  motherIdNumber: string;
  fatherName: string;
  fatherIdNumber: string;
  certificate: string;
}

export interface PersonRecordInput {
  personId: string;
  name: string;
  sex: 1 | 2;
  birthDay: number;
  idNumber: string;
}

export class DepartmentRecords {
  private readonly counters = { births: 0, hukou: 0, deaths: 0, marriages: 0 };

  /**
   * `marriageRandom` draws only for civil_marriages.csv, so that adding that file left every other
   * file of a seed as it was.
   */
  constructor(
    private readonly random: Random,
    private readonly places: Places,
    private readonly errorRate: number,
    private readonly marriageRandom: Random,
  ) {}

  hospitalBirth(input: BirthRecordInput): SyntheticRecord[] {
    const row: HospitalBirthRow = {
      record_id: `HB${String(++this.counters.births).padStart(7, '0')}`,
      name: input.name,
      sex: String(input.sex),
      birth_date: dateFromDay(input.day),
      address_code: this.places.code(input.place),
      mother_name: input.motherName,
      mother_id_number: input.motherIdNumber,
      id_number: this.random.chance(0.3) ? input.idNumber : '',
      hospital: this.hospital(input.place),
      birth_cert_no: input.certificate,
      father_name: input.fatherName,
      father_id_number: input.fatherIdNumber,
    };
    const kinds = this.spoil(row, HOSPITAL_MISTAKES);
    if (input.personId === '') kinds.unshift('register_missing_birth');
    return [
      { file: 'hospital_births', row },
      { file: 'truth/hospital_births', row: this.truth(row.record_id, input.personId, kinds) },
    ];
  }

  /** A hukou office row: `place` is the hukou after a birth or move-in, before a move-out or death. */
  hukou(
    person: PersonRecordInput,
    event: 'birth' | 'move_in' | 'move_out' | 'death',
    day: number,
    place: number,
    missing?: SyntheticErrorKind,
  ): SyntheticRecord[] {
    const row: HukouRow = {
      record_id: `HK${String(++this.counters.hukou).padStart(7, '0')}`,
      id_number: person.idNumber,
      name: person.name,
      sex: String(person.sex),
      birth_date: dateFromDay(person.birthDay),
      hukou_code: this.places.code(place),
      event,
      event_date: dateFromDay(day),
    };
    const kinds = this.spoil(row, HUKOU_MISTAKES);
    if (this.places.isInside(place) && this.random.chance(this.errorRate * 0.15)) {
      row.hukou_code = this.places.code(this.places.neighbour(this.random, place));
      if (row.hukou_code !== this.places.code(place)) kinds.push('code_mismatch');
    }
    if (missing) kinds.unshift(missing);
    return [
      { file: 'hukou', row },
      { file: 'truth/hukou', row: this.truth(row.record_id, person.personId, kinds) },
    ];
  }

  civilDeath(person: PersonRecordInput, day: number, place: number, missing: boolean): SyntheticRecord[] {
    const row: CivilDeathRow = {
      record_id: `CD${String(++this.counters.deaths).padStart(7, '0')}`,
      id_number: person.idNumber,
      name: person.name,
      sex: String(person.sex),
      birth_date: dateFromDay(person.birthDay),
      death_date: dateFromDay(day),
      address_code: this.places.code(place),
    };
    const kinds = this.spoil(row, DEATH_MISTAKES);
    if (missing) kinds.unshift('register_missing_death');
    return [
      { file: 'civil_deaths', row },
      { file: 'truth/civil_deaths', row: this.truth(row.record_id, person.personId, kinds) },
    ];
  }

  /** A civil-affairs marriage or divorce registration: party 1 is the man, party 2 the woman. */
  civilMarriage(
    event: 'marriage' | 'divorce',
    man: PersonRecordInput,
    woman: PersonRecordInput,
    day: number,
  ): SyntheticRecord[] {
    const row: CivilMarriageRow = {
      record_id: `CM${String(++this.counters.marriages).padStart(7, '0')}`,
      event,
      date: dateFromDay(day),
      id_number_1: man.idNumber,
      name_1: man.name,
      id_number_2: woman.idNumber,
      name_2: woman.name,
    };
    const kinds = this.spoil(row, MARRIAGE_MISTAKES, this.marriageRandom);
    return [
      { file: 'civil_marriages', row },
      {
        file: 'truth/civil_marriages',
        row: {
          record_id: row.record_id,
          person_id_1: man.personId,
          person_id_2: woman.personId,
          errors: kinds.join(';'),
        },
      },
    ];
  }

  private hospital(place: number): string {
    const u = this.random.next();
    if (u < 0.5) return '拜城县人民医院';
    if (u < 0.75) return '拜城县妇幼保健院';
    const township = this.places.townshipName(place);
    if (u < 0.9 && township !== '') return `${township}卫生院`;
    return '阿克苏地区第一人民医院';
  }

  /** Puts 0, 1 or 2 mistakes into the row (errorRate = share of rows with any). */
  private spoil(
    row: Row,
    mistakes: readonly [SyntheticErrorKind, Mistake][],
    random = this.random,
  ): SyntheticErrorKind[] {
    const kinds: SyntheticErrorKind[] = [];
    const u = random.next();
    const wanted = u < this.errorRate * 0.2 ? 2 : u < this.errorRate ? 1 : 0;
    for (let attempt = 0; kinds.length < wanted && attempt < 6; attempt++) {
      const [kind, mistake] = random.pick(mistakes);
      if (!kinds.includes(kind) && mistake(row, random)) kinds.push(kind);
    }
    return kinds;
  }

  private truth(recordId: string, personId: string, kinds: SyntheticErrorKind[]): SyntheticTruthRow {
    return { record_id: recordId, person_id: personId, errors: kinds.join(';') };
  }
}
