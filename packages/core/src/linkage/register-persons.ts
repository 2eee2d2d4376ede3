// Test and benchmark support (not exported): the register's persons as a linkage table, built from
// interchange rows (persons.csv, then events.csv in file order) — baseline persons, births and
// arrivals, with the corrections of name, sex, birth date and ID number that were not voided. Each
// person also carries the mother's ID number and name, looked up in the register, because a
// hospital birth record names the newborn through its mother.
import type { RecordTable } from './records';

export const REGISTER_PERSON_COLUMNS = [
  'record_id',
  'id_number',
  'name',
  'sex',
  'birth_date',
  'mother_id_number',
  'mother_name',
] as const;

type Row = Readonly<Partial<Record<string, string>>>;

const CORRECTED = { name: 'name', sex: 'sex', birth_date: 'birthDate', id_number: 'idNumber' } as const;

interface Person {
  idNumber: string;
  name: string;
  sex: string;
  birthDate: string;
  mother: string;
}

export class RegisterPersons {
  private readonly persons = new Map<string, Person>();
  /** Events kept until the end, when every void is known. */
  private readonly events: Row[] = [];
  private readonly voided = new Set<string>();

  addPerson(row: Row): void {
    this.persons.set(row.person_id ?? '', {
      idNumber: row.id_number ?? '',
      name: row.name ?? '',
      sex: row.sex ?? '',
      birthDate: row.birth_date ?? '',
      mother: row.mother_id ?? '',
    });
  }

  addEvent(row: Row): void {
    const type = row.type;
    if (type === 'void') this.voided.add(row.target_event_id ?? '');
    else if (type === 'birth' || (type === 'correction' && (row.field ?? '') in CORRECTED)) {
      this.events.push(row);
    } else if ((type === 'move' || type === 'hukou') && row.name) this.events.push(row);
  }

  table(): RecordTable {
    for (const row of this.events) {
      if (this.voided.has(row.event_id ?? '')) continue;
      const id = row.person_id ?? '';
      if (row.type === 'correction') {
        const person = this.persons.get(id);
        const key = CORRECTED[row.field as keyof typeof CORRECTED];
        if (person) person[key] = row.value ?? '';
      } else if (row.type === 'birth' || !this.persons.has(id)) {
        // A birth, or an arrival from outside (a move that brings the person's particulars).
        this.persons.set(id, {
          idNumber: row.id_number ?? '',
          name: row.name ?? '',
          sex: row.sex ?? '',
          birthDate: row.type === 'birth' ? (row.date ?? '') : (row.birth_date ?? ''),
          mother: row.mother_id ?? '',
        });
      }
    }
    const rows: string[][] = [];
    for (const [id, p] of this.persons) {
      const mother = this.persons.get(p.mother);
      rows.push([id, p.idNumber, p.name, p.sex, p.birthDate, mother?.idNumber ?? '', mother?.name ?? '']);
    }
    return { header: [...REGISTER_PERSON_COLUMNS], rows };
  }
}

/** Truth labels for a department table against the register table: the register person, or the record itself. */
export function departmentTruthLabels(
  department: RecordTable,
  truth: ReadonlyMap<string, string>,
  register: RecordTable,
): string[] {
  const at = department.header.indexOf('record_id');
  const labels = department.rows.map((row) => {
    const id = row[at] ?? '';
    const person = truth.get(id) ?? '';
    return person === '' ? `record:${id}` : person;
  });
  for (const row of register.rows) labels.push(row[0] ?? '');
  return labels;
}
