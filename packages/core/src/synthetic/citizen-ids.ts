// Issues citizen ID numbers (GB 11643): 6-digit region, birth date, 3-digit sequence (odd for men),
// and a valid check character. Unique within a run: sequences count up per region, day and sex.
import { citizenIdCheckDigit } from '../register/citizen-id';
import { compactDate } from './days';
import type { Random } from './random';

export class CitizenIdIssuer {
  private readonly next = new Map<string, number>();

  constructor(private readonly random: Random) {}

  issue(region: string, birthDay: number, sex: 1 | 2): string {
    const key = `${region}${compactDate(birthDay)}${sex}`;
    // Start each day at a random point so sequences do not all begin with 001.
    const count = this.next.get(key) ?? this.random.int(120);
    this.next.set(key, count + 1);
    const sequence = (count * 2 + (sex === 1 ? 1 : 0)) % 1000;
    const first17 = `${region}${key.slice(6, 14)}${String(sequence).padStart(3, '0')}`;
    return first17 + citizenIdCheckDigit(first17);
  }
}
