// Sex ratio at birth (males per 100 females) with an interval for p = male/(male + female), each
// bound mapped by 100·p/(1 − p) (monotone, so the mapped bounds stay in order).
import { clopperPearsonInterval, wilsonInterval, type Interval } from './binomial-intervals';

export type SrbStatus = 'high' | 'low' | 'normal' | 'uncertain';

/** The normal range of the SRB used by indicators.md. */
export const SRB_NORMAL_RANGE = [103, 107] as const;

/** `srb`: 100 × births_male / births_female, null when there are no female births. */
export function sexRatioAtBirth(male: number, female: number): number | null {
  return female === 0 ? null : (100 * male) / female;
}

function toSexRatio(interval: Interval | null): Interval | null {
  if (!interval) return null;
  const [low, high] = interval;
  return [(100 * low) / (1 - low), (100 * high) / (1 - high)];
}

/** `srb_ci95`: Wilson 95 % interval mapped to the SRB scale; null when `srb` is. */
export function sexRatioWilsonInterval(male: number, female: number): Interval | null {
  return female === 0 ? null : toSexRatio(wilsonInterval(male, male + female));
}

/** Clopper–Pearson 95 % interval on the SRB scale (wider; for comparison); null when `srb` is. */
export function sexRatioClopperPearsonInterval(male: number, female: number): Interval | null {
  return female === 0 ? null : toSexRatio(clopperPearsonInterval(male, male + female));
}

/**
 * `srb_status`: high when the lower bound > 107; low when the upper bound < 103; normal when the
 * estimate lies in [103, 107]; otherwise uncertain.
 */
export function sexRatioStatus(srb: number | null, interval: Interval | null): SrbStatus | null {
  if (srb === null || interval === null) return null;
  const [low, high] = interval;
  const [normalLow, normalHigh] = SRB_NORMAL_RANGE;
  if (low > normalHigh) return 'high';
  if (high < normalLow) return 'low';
  if (srb >= normalLow && srb <= normalHigh) return 'normal';
  return 'uncertain';
}

/** `srb`, `srb_ci95` and `srb_status` together. */
export function sexRatioAtBirthSummary(
  male: number,
  female: number,
): { srb: number | null; srb_ci95: Interval | null; srb_status: SrbStatus | null } {
  const srb = sexRatioAtBirth(male, female);
  const interval = sexRatioWilsonInterval(male, female);
  return { srb, srb_ci95: interval, srb_status: sexRatioStatus(srb, interval) };
}
