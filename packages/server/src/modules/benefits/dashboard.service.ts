// The programme dashboard of a jurisdiction and year: people covered (live enrolments), people paid
// and money paid, by township (by village within a township) and by month. Aggregates only: no names
// or ID numbers, so reading it is not a read of personal data; the view is audited all the same.
import {
  authorize,
  formatYearMonth,
  normalizeJurisdictionCode,
  Permission,
  sumFen,
  type Actor,
} from '@renkou/core';
import type { BenefitsContext } from './benefits-context';
import { coveredByArea, namesOf, paidByAreaAndMonth, peoplePaidByArea } from './dashboard.repository';
import type { ProgrammesService } from './programmes.service';

const count = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0);

export interface DashboardQuery {
  programmeCode: string;
  year: number;
  jurisdiction?: string;
}

export class DashboardService {
  constructor(
    private readonly context: BenefitsContext,
    private readonly programmes: ProgrammesService,
  ) {}

  async dashboard(actor: Actor, query: DashboardQuery) {
    authorize(actor, Permission.BenefitRead);
    const within = query.jurisdiction ? normalizeJurisdictionCode(query.jurisdiction) : actor.scope;
    authorize(actor, Permission.BenefitRead, within);
    const programme = await this.programmes.get(query.programmeCode);
    const { db } = this.context;
    // Townships under a county (or wider), villages under a township.
    const areaLength = within.length >= 9 ? 12 : 9;
    const covered = await coveredByArea(db, programme.code, within, areaLength);
    const paid = await paidByAreaAndMonth(db, programme.code, within, areaLength, query.year);
    const peoplePaid = await peoplePaidByArea(db, programme.code, within, areaLength, query.year);
    const codes = [...new Set([...covered, ...paid, ...peoplePaid].map((row) => row.code))].sort();
    const names = await namesOf(db, codes);
    const areas = codes.map((code) => ({
      code,
      name: names.get(code) ?? null,
      peopleCovered: covered.find((row) => row.code === code)?.people ?? 0,
      peoplePaid: peoplePaid.find((row) => row.code === code)?.people ?? 0,
      paidFen: sumFen(paid.filter((row) => row.code === code).map((row) => row.fen)),
    }));
    const months = Array.from({ length: 12 }, (_, index) => formatYearMonth(query.year, index + 1)).map(
      (month) => ({
        month,
        paidFen: sumFen(paid.filter((row) => row.month === month).map((row) => row.fen)),
      }),
    );
    await this.context.audit.record(
      db,
      { actor },
      {
        action: 'benefit.dashboard.read',
        targetType: 'benefit_programme',
        targetIds: [programme.code],
        jurisdiction: within,
        details: { year: query.year },
      },
    );
    return {
      programmeCode: programme.code,
      year: query.year,
      jurisdiction: within,
      areaLevel: areaLength === 9 ? ('township' as const) : ('village' as const),
      peopleCovered: count(areas.map((area) => area.peopleCovered)),
      peoplePaid: count(areas.map((area) => area.peoplePaid)),
      paidFen: sumFen(areas.map((area) => area.paidFen)),
      areas,
      months,
    };
  }
}
