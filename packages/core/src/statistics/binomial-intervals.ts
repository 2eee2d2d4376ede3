// Confidence intervals for a binomial proportion x/n (Fagerland, Lydersen & Laake 2017, ch. 2).
import { betaQuantile } from './beta-distribution';

/** z for a two-sided 95 % interval, as indicators.md fixes it. */
export const Z_95 = 1.959963984540054;

export type Interval = readonly [low: number, high: number];

/** Wilson score interval; null when n = 0. */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval | null {
  if (trials === 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const centre = (successes + z2 / 2) / (trials + z2);
  const halfWidth = ((z * Math.sqrt(trials)) / (trials + z2)) * Math.sqrt(p * (1 - p) + z2 / (4 * trials));
  return [Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth)];
}

/** Clopper–Pearson exact interval from beta quantiles; null when n = 0. */
export function clopperPearsonInterval(
  successes: number,
  trials: number,
  confidence = 0.95,
): Interval | null {
  if (trials === 0) return null;
  const alpha = 1 - confidence;
  const low = successes === 0 ? 0 : betaQuantile(alpha / 2, successes, trials - successes + 1);
  const high = successes === trials ? 1 : betaQuantile(1 - alpha / 2, successes + 1, trials - successes);
  return [low, high];
}
