// What confirming an end did, in one line: the first month no longer paid, the overpayment to recover
// and the pending lines finance should hold.
import type { EndOutcome } from './api';
import { formatFen, type T } from './labels';

export function endOutcomeText(t: T, outcome: EndOutcome): string {
  const parts = [t('benefit.worklist.endedFrom', { month: outcome.endsBefore })];
  if (outcome.overpayment)
    parts.push(t('benefit.worklist.overpaid', { total: formatFen(outcome.overpayment.totalFen) }));
  if (outcome.pendingLines.length > 0)
    parts.push(t('benefit.worklist.pendingLines', { n: outcome.pendingLines.length }));
  return parts.join('；');
}
