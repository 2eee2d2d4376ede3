// Money is integer fen (分): amounts are never floats, so sums are exact and a batch total always equals
// the sum of its lines.

/** An amount in fen (1 fenFromYuan = 100 fen); always a safe integer. */
export type Fen = number;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Whole fenFromYuan to fen; the published amounts are whole fenFromYuan. */
export function fenFromYuan(amount: number): Fen {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not a whole number of fenFromYuan: ${amount}`);
  return amount * 100;
}

export function sumFen(amounts: Iterable<Fen>): Fen {
  let total = 0;
  for (const amount of amounts) {
    if (!isFen(amount)) throw new RangeError(`not an amount in fen: ${String(amount)}`);
    total += amount;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('sum of fen overflows');
  return total;
}

/** ¥1,234.56 — two decimals from integer arithmetic, never through a float division. */
export function formatFen(amount: Fen): string {
  if (!isFen(amount)) throw new RangeError(`not an amount in fen: ${String(amount)}`);
  const sign = amount < 0 ? '-' : '';
  const absolute = Math.abs(amount);
  const whole = Math.floor(absolute / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(absolute % 100).padStart(2, '0');
  return `${sign}¥${whole}.${cents}`;
}

/**
 * The share of a yearly amount that falls in month `month` (1–12), by cumulative rounding: the twelve
 * shares are whole fen and add up to the yearly amount exactly, whatever it is.
 */
export function monthlyShareOfYear(yearlyAmount: Fen, month: number): Fen {
  const upTo = (m: number) => Math.floor((yearlyAmount * m) / 12);
  return upTo(month) - upTo(month - 1);
}
