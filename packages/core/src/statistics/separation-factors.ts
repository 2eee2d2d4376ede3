// Rules for nax, the average years lived in an age group by those who die in it. The open group's
// nax is always 1/m (L = l/m), whatever the rule.
import type { SexKey } from './person-years';

export type CoaleDemenyRegion = 'west' | 'north' | 'east' | 'south';

export interface InfantChildFactors {
  a0: number;
  a1to4: number;
}

/** Preston et al. (2001) Table 3.3: Coale–Demeny West 1a0 and 4a1 from 1m0. */
export function coaleDemenyWestFromM0(m0: number, sex: SexKey): InfantChildFactors {
  const high = m0 >= 0.107;
  if (sex === 'male') {
    return { a0: high ? 0.33 : 0.045 + 2.684 * m0, a1to4: high ? 1.352 : 1.651 - 2.816 * m0 };
  }
  return { a0: high ? 0.35 : 0.053 + 2.8 * m0, a1to4: high ? 1.361 : 1.522 - 1.518 * m0 };
}

// UN Manual X Table 164 / PAS LTPOPDTH coefficients, as in DemoTools geta0CD and geta1_4CD:
// [constant above q0 = 0.1, intercept] by region and sex; slopes by sex.
const A0 = {
  west: { male: [0.33, 0.0425], female: [0.35, 0.05] },
  north: { male: [0.33, 0.0425], female: [0.35, 0.05] },
  east: { male: [0.29, 0.0025], female: [0.31, 0.01] },
  south: { male: [0.33, 0.0425], female: [0.35, 0.05] },
} as const;
const A0_SLOPE = { male: 2.875, female: 3.0 } as const;
const A1TO4 = {
  west: { male: [1.352, 1.653], female: [1.361, 1.524] },
  north: { male: [1.558, 1.859], female: [1.57, 1.733] },
  east: { male: [1.313, 1.614], female: [1.324, 1.487] },
  south: { male: [1.24, 1.541], female: [1.239, 1.402] },
} as const;
const A1TO4_SLOPE = { male: 3.013, female: 1.627 } as const;

/**
 * Coale–Demeny 1a0 and 4a1 from q0 (Manual X). Without a measured q0 it is approximated from m0: a0 by
 * solving q = m/(1 + (1 − α − βq)·m) for q, then 4a1 from q0 = m0/(1 + (1 − a0)·m0), as the PAS
 * spreadsheet (and DemoTools) do.
 */
export function coaleDemenyFromQ0(
  m0: number,
  sex: SexKey,
  region: CoaleDemenyRegion,
  measuredQ0?: number,
): InfantChildFactors {
  const [a0Constant, alpha] = A0[region][sex];
  const beta = A0_SLOPE[sex];
  let q0ForA0 = measuredQ0;
  if (q0ForA0 === undefined) {
    const a = m0 * beta;
    const b = 1 + m0 * (1 - alpha);
    const discriminant = b * b - 4 * a * m0;
    q0ForA0 = discriminant <= 0 ? 1 : (b - Math.sqrt(discriminant)) / (2 * a);
  }
  const a0 = q0ForA0 > 0.1 ? a0Constant : alpha + beta * q0ForA0;
  const q0ForA1 = measuredQ0 ?? m0 / (1 + (1 - a0) * m0);
  const [a1Constant, intercept] = A1TO4[region][sex];
  const a1to4 = q0ForA1 > 0.1 ? a1Constant : intercept - A1TO4_SLOPE[sex] * q0ForA1;
  return { a0, a1to4 };
}

function widthsOf(ageStart: readonly number[], openWidth: number): number[] {
  return ageStart.map((start, i) => (ageStart[i + 1] ?? start + openWidth) - start);
}

/** n/2 in every closed group except 1a0 and 4a1 (ages 0 and 1–4 must be the first two groups). */
export function midpointSeparationFactors(
  ageStart: readonly number[],
  mx: readonly number[],
  infant: InfantChildFactors,
): number[] {
  const widths = widthsOf(ageStart, 5);
  return ageStart.map((_, i) => {
    if (i === ageStart.length - 1) return 1 / (mx[i] ?? 1);
    if (i === 0) return infant.a0;
    if (i === 1) return infant.a1to4;
    return (widths[i] ?? 5) / 2;
  });
}

/**
 * UN (1982) / MORTPAK rule from nMx: Coale–Demeny a0 and 4a1, 2.5 at 5–9 and 10–14, and from 15 on
 * Greville's nax = n/2 − n²/12·(m − k) with k = ln(m[x+n]/m[x−n]) / (n₋/2 + n + n₊/2). The last
 * closed group keeps the k of the group before it (the open group's rate is not comparable), and
 * above 35 nax is kept ≥ 0.97 (DemoTools axUN, mod = FALSE).
 */
export function unGrevilleSeparationFactors(
  ageStart: readonly number[],
  mx: readonly number[],
  sex: SexKey,
  region: CoaleDemenyRegion = 'west',
): number[] {
  const widths = widthsOf(ageStart, 5);
  const last = ageStart.length - 1;
  const infant = coaleDemenyFromQ0(mx[0] ?? 0, sex, region);
  const ax = widths.map((n) => n / 2);
  let k = 0;
  for (let i = 1; i < last; i += 1) {
    const n = widths[i] ?? 5;
    if (i < last - 1) {
      k = Math.log((mx[i + 1] ?? 0) / Math.max(mx[i - 1] ?? 0, Number.MIN_VALUE));
    }
    const span = (widths[i - 1] ?? 5) / 2 + n + (widths[i + 1] ?? 5) / 2;
    const greville = n / 2 - ((n * n) / 12) * ((mx[i] ?? 0) - k / span);
    ax[i] = (ageStart[i] ?? 0) > 35 && greville < 0.97 ? 0.97 : greville;
    if ((ageStart[i] ?? 0) < 15) ax[i] = 2.5;
  }
  ax[0] = infant.a0;
  ax[1] = infant.a1to4;
  ax[last] = 1 / (mx[last] ?? 1);
  return ax;
}
