// 统计求实率 (completeness): of a department's records, the share the register also holds, by township
// and month of the record's own date. A record counts as found when its link stands as a match (the
// model's or a clerk's); review pairs still open and records no run has seen yet are shown apart, so
// a low share is never a mere backlog.
import {
  authorize,
  normalizeJurisdictionCode,
  Permission,
  type Actor,
  type CompletenessCounts,
  type CompletenessReport,
} from '@renkou/core';
import type { Db } from '@renkou/db';
import { completenessCounts, lastLinkedRun, recordYears } from './completeness.repository';

type Tally = Omit<CompletenessCounts, 'completeness'>;

const empty = (): Tally => ({ records: 0, found: 0, notFound: 0, pending: 0, unlinked: 0 });
const withRate = (t: Tally): CompletenessCounts => ({
  ...t,
  completeness: t.records > 0 ? t.found / t.records : null,
});

function add(into: Tally, from: Tally): void {
  into.records += from.records;
  into.found += from.found;
  into.notFound += from.notFound;
  into.pending += from.pending;
  into.unlinked += from.unlinked;
}

export class CompletenessService {
  constructor(private readonly db: Db) {}

  async report(
    actor: Actor,
    query: { source: string; jurisdiction?: string; year?: string },
  ): Promise<CompletenessReport> {
    const within = query.jurisdiction ? normalizeJurisdictionCode(query.jurisdiction) : actor.scope;
    authorize(actor, Permission.StatsRead, within);
    const counted = await completenessCounts(this.db, query.source, within, query.year);
    const years = await recordYears(this.db, query.source, within);
    const lastLinkedAt = await lastLinkedRun(this.db, query.source);
    const months = counted.map((row) => {
      const tally: Tally = {
        records: Number(row.records),
        found: Number(row.found),
        notFound: Number(row.not_found),
        pending: Number(row.pending),
        unlinked: Number(row.unlinked),
      };
      return {
        township: row.township,
        townshipName: row.township_name,
        month: row.month,
        ...withRate(tally),
      };
    });
    const byTownship = new Map<string, { name: string; tally: Tally }>();
    const total = empty();
    for (const row of months) {
      const entry = byTownship.get(row.township) ?? { name: row.townshipName, tally: empty() };
      add(entry.tally, row);
      byTownship.set(row.township, entry);
      add(total, row);
    }
    return {
      source: query.source,
      jurisdiction: within,
      year: query.year ?? null,
      years,
      lastLinkedAt: lastLinkedAt ? new Date(lastLinkedAt).toISOString() : null,
      months,
      townships: [...byTownship].map(([code, { name, tally }]) => ({
        township: code,
        townshipName: name,
        ...withRate(tally),
      })),
      total: withRate(total),
    };
  }
}
