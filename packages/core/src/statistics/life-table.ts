// Period abridged life table (Preston, Heuveline & Guillot 2001, ch. 3): nMx and nax → nqx → lx, ndx,
// nLx, Tx, ex. The last group is open: q = 1 and L = l/m (so its a = 1/m).

export interface LifeTableInput {
  /** Start of each age group, e.g. 0, 1, 5, 10, …, 85; the last group is open. */
  ageStart: readonly number[];
  /** Central death rates nMx, one per group. */
  mx: readonly number[];
  /** Person-years lived in the group by those dying in it (nax), one per group; the open group's is ignored. */
  ax: readonly number[];
  /** l0; 100 000 unless given. */
  radix?: number;
  /** q0 measured directly (an IMR): it then replaces n·m/(1 + (n − a)·m) at age 0, as DemoTools' IMR does. */
  infantDeathProbability?: number;
}

export interface LifeTable {
  ageStart: number[];
  /** Width n of each group; null for the open group. */
  width: (number | null)[];
  mx: number[];
  ax: number[];
  qx: number[];
  lx: number[];
  dx: number[];
  Lx: number[];
  Tx: number[];
  /** Tx / lx (NaN where nobody is left). */
  ex: number[];
}

export const DEFAULT_RADIX = 100_000;

/** Group widths from the start ages; null for the last (open) group. */
export function groupWidths(ageStart: readonly number[]): (number | null)[] {
  return ageStart.map((start, i) => {
    const next = ageStart[i + 1];
    return next === undefined ? null : next - start;
  });
}

/** nqx = n·m / (1 + (n − a)·m), capped at 1 (a high rate with a large nax would otherwise exceed 1). */
export function deathProbability(n: number, mx: number, ax: number): number {
  return Math.min(1, (n * mx) / (1 + (n - ax) * mx));
}

function checkLengths(input: LifeTableInput): void {
  const count = input.ageStart.length;
  if (count < 2 || input.mx.length !== count || input.ax.length !== count)
    throw new RangeError('ageStart, mx and ax need one value per age group (at least two groups)');
  const openRate = input.mx[count - 1] ?? 0;
  if (!(openRate > 0)) throw new RangeError('the open age group needs a positive death rate');
}

export function abridgedLifeTable(input: LifeTableInput): LifeTable {
  checkLengths(input);
  const width = groupWidths(input.ageStart);
  const last = width.length - 1;
  const mx = [...input.mx];
  const ax = input.ax.map((a, i) => (i === last ? 1 / (mx[i] ?? 1) : a));
  const qx = width.map((n, i) => (n === null ? 1 : deathProbability(n, mx[i] ?? 0, ax[i] ?? 0)));
  if (input.infantDeathProbability !== undefined && input.ageStart[0] === 0) {
    // Keep m0 coherent with the given q0 and a0: m = q / (n − (n − a)·q).
    const q0 = input.infantDeathProbability;
    const n0 = width[0] ?? 1;
    qx[0] = q0;
    mx[0] = q0 / (n0 - (n0 - (ax[0] ?? 0)) * q0);
  }
  const lx: number[] = [input.radix ?? DEFAULT_RADIX];
  qx.forEach((q, i) => {
    if (i < last) lx.push((lx[i] ?? 0) * (1 - q));
  });
  const dx = lx.map((l, i) => l * (qx[i] ?? 1));
  const Lx = width.map((n, i) => {
    const l = lx[i] ?? 0;
    if (n === null) return l / (mx[i] ?? 1);
    return n * (lx[i + 1] ?? 0) + (ax[i] ?? 0) * (dx[i] ?? 0);
  });
  const Tx = new Array<number>(Lx.length).fill(0);
  for (let i = last; i >= 0; i -= 1) Tx[i] = (Lx[i] ?? 0) + (Tx[i + 1] ?? 0);
  const ex = Tx.map((T, i) => T / (lx[i] ?? 0));
  return { ageStart: [...input.ageStart], width, mx, ax, qx, lx, dx, Lx, Tx, ex };
}

/** nMx = deaths / exposure (mid-year population × years), then the table. */
export function lifeTableFromDeaths(
  input: Omit<LifeTableInput, 'mx'> & { deaths: readonly number[]; exposures: readonly number[] },
): LifeTable {
  if (input.exposures.some((exposure) => !(exposure > 0)))
    throw new RangeError('every age group needs a positive exposure');
  const mx = input.deaths.map((deaths, i) => deaths / (input.exposures[i] ?? 1));
  return abridgedLifeTable({ ...input, mx });
}
