// Test support (not exported): a small made-up village list under 652926 for the generator's tests.
import type { VillageInput } from './places';

const TOWNSHIPS = [
  ['652926100', '拜城镇'],
  ['652926101', '铁热克镇'],
  ['652926200', '黑英山乡'],
  ['652926201', '克孜尔乡'],
] as const;

/** Four townships, each with 3 residents' committees (x001…) and 5 villages (x201…). */
export const TEST_VILLAGES: VillageInput[] = TOWNSHIPS.flatMap(([townshipCode, townshipName]) => [
  ...[1, 2, 3].map((n) => ({
    code: `${townshipCode}${String(n).padStart(3, '0')}`,
    name: `${townshipName}第${n}社区`,
    townshipCode,
    townshipName,
  })),
  ...[201, 202, 203, 204, 205].map((n) => ({
    code: `${townshipCode}${n}`,
    name: `${townshipName}${n - 200}村`,
    townshipCode,
    townshipName,
  })),
]);
