// Birth order of each birth and `birth_order_share` over the births in J.
import { ratio } from './rates';

export const BIRTH_ORDER_KEYS = ['1', '2', '3', '4+'] as const;
export type BirthOrderKey = (typeof BIRTH_ORDER_KEYS)[number];

export interface BirthOrderSource {
  /** Order written on the birth event, when there is one. */
  eventOrder: number | null;
  /** The mother's children_ever_born at the baseline (missing counts as 0). */
  motherChildrenEverBorn: number | null;
  /** The mother's births in the event log dated before this one. */
  motherEarlierBirthsInLog: number;
}

/** Order from the event, else the mother's children_ever_born + her earlier births in the log + 1. */
export function birthOrder(source: BirthOrderSource): number {
  if (source.eventOrder !== null) return source.eventOrder;
  return (source.motherChildrenEverBorn ?? 0) + source.motherEarlierBirthsInLog + 1;
}

function orderKey(order: number): BirthOrderKey {
  if (order >= 4) return '4+';
  return order <= 1 ? '1' : order === 2 ? '2' : '3';
}

/** `birth_order_share`: `{ "1", "2", "3", "4+" }` as shares 0–1, every key null when there are no births. */
export function birthOrderShares(orders: Iterable<number>): Record<BirthOrderKey, number | null> {
  const counts: Record<BirthOrderKey, number> = { '1': 0, '2': 0, '3': 0, '4+': 0 };
  let total = 0;
  for (const order of orders) {
    counts[orderKey(order)] += 1;
    total += 1;
  }
  return {
    '1': ratio(counts['1'], total),
    '2': ratio(counts['2'], total),
    '3': ratio(counts['3'], total),
    '4+': ratio(counts['4+'], total),
  };
}
