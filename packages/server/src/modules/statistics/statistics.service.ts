// `renkou stats` and /api/stats: the indicators of indicators.md for a jurisdiction and period, with
// each direct child jurisdiction. Computed on request by a scan of the register's projections
// (docs/decisions/0013-statistics-by-scan.md), so a birth registered a moment ago is counted.
import {
  authorize,
  computeIndicators,
  indicatorsFromCube,
  lastDateOfMonth,
  lifeTableOf,
  monthOf,
  trendFromCubes,
  type Granularity,
  type TrendPoint,
  observedRates,
  projectPopulation,
  PROJECTION_GROUPS,
  type ProjectionScenario,
  everPlacedIn,
  DomainError,
  ErrorCode,
  isCalendarDate,
  Permission,
  type Actor,
  type Basis,
  type Indicators,
  type StatPerson,
} from '@renkou/core';
import type { Db } from '@renkou/db';
import type { JurisdictionService } from '../jurisdictions';
import type { RegisterService } from '../register';
import { StatisticsCubes } from './statistics-cubes';
import { loadStatPersons, loadSuccessors } from './statistics.repository';

export interface StatsQuery {
  jurisdiction: string;
  from: string;
  to: string;
  basis?: Basis;
  /** Also compute each direct child jurisdiction (default true). */
  children?: boolean;
}

export interface StatsResult {
  jurisdiction: string;
  from: string;
  to: string;
  basis: Basis;
  indicators: Indicators;
  children?: { jurisdiction: string; name: string; indicators: Indicators }[];
}

/** Results kept per register version; a new event changes the version, so nothing stale is served. */
const RESULTS_KEPT = 32;

export interface TrendQuery {
  jurisdiction: string;
  /** First and last month, 'YYYY-MM'. */
  from: string;
  to: string;
  granularity: Granularity;
  basis?: Basis;
}

export interface TrendResult {
  jurisdiction: string;
  basis: Basis;
  granularity: Granularity;
  points: TrendPoint[];
}

export interface ProjectionQuery {
  jurisdiction: string;
  /** The base date: population on this day; rates from the five years before it. */
  base: string;
  /** 5 to 50 years, in 5-year steps. */
  years: number;
  /** Total fertility of the medium scenario (observed when not given). */
  tfr?: number;
  migration?: boolean;
}

export interface ProjectionResult {
  jurisdiction: string;
  base: string;
  window: { from: string; to: string };
  observed: { tfr: number; srb: number; e0Male: number; e0Female: number };
  groups: readonly string[];
  scenarios: ProjectionScenario[];
}

export class StatisticsService {
  private version = '';
  private readonly results = new Map<string, StatsResult>();
  private loaded: { coverage: string; persons: Map<string, StatPerson> } | undefined;
  readonly cubes: StatisticsCubes;

  constructor(
    private readonly db: Db,
    private readonly jurisdictions: JurisdictionService,
    private readonly register: RegisterService,
    private readonly log: (message: string, error: unknown) => void = () => undefined,
  ) {
    this.cubes = new StatisticsCubes(db, register);
  }

  /** For a signed-in user: the jurisdiction must lie in their scope. */
  async indicators(actor: Actor, query: StatsQuery): Promise<StatsResult> {
    authorize(actor, Permission.StatsRead);
    const node = await this.jurisdictions.requireExisting(query.jurisdiction);
    authorize(actor, Permission.StatsRead, node.code);
    return this.compute(query);
  }

  /**
   * For the command line (the operator of the installation). `method` 'scan' or 'cubes' forces one
   * way of counting (the tests compare them; 'cubes' fails when the tables cannot answer).
   */
  async compute(query: StatsQuery, method: 'auto' | 'scan' | 'cubes' = 'auto'): Promise<StatsResult> {
    const basis = query.basis ?? 'residence';
    await this.checkPeriod(query.from, query.to);
    const node = await this.jurisdictions.requireExisting(query.jurisdiction);
    await this.followRegisterVersion();
    const cacheKey = JSON.stringify([
      node.code,
      query.from,
      query.to,
      basis,
      query.children !== false,
      method,
    ]);
    const cached = this.results.get(cacheKey);
    if (cached) return cached;
    const fromCubes = method === 'scan' ? undefined : await this.fromCubes(node.code, { ...query, basis });
    if (!fromCubes && method === 'cubes')
      throw new DomainError(ErrorCode.Conflict, '统计汇总表尚未就绪或统计期不是整月');
    const result = fromCubes ?? (await this.scan(node.code, { ...query, basis }));
    if (this.results.size >= RESULTS_KEPT) this.results.delete(this.results.keys().next().value as string);
    this.results.set(cacheKey, result);
    return result;
  }

  /** Forgets results and loaded persons when the register has changed since they were computed. */
  private async followRegisterVersion(): Promise<void> {
    const row = await this.db
      .selectFrom('register_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    const version = String(row?.seq ?? 0);
    if (version === this.version) return;
    this.version = version;
    this.results.clear();
    this.loaded = undefined;
  }

  /**
   * Everyone in the register's coverage, loaded once per register version: a township's births
   * need their mothers' birth dates even when the mothers live in another township.
   */
  private async personsOfRegister(): Promise<Map<string, StatPerson>> {
    if (this.loaded) return this.loaded.persons;
    const coverage = (await this.register.dataset())?.coverage ?? '';
    this.loaded = { coverage, persons: await loadStatPersons(this.db, { prefix: coverage }) };
    return this.loaded.persons;
  }

  /**
   * Whole months are answered from the aggregate tables once they are up to date; other periods,
   * and any request while a rebuild is due, by the scan (which the tables are tested against).
   */
  private async fromCubes(
    code: string,
    query: StatsQuery & { basis: Basis },
  ): Promise<StatsResult | undefined> {
    const months = wholeMonths(query.from, query.to);
    if (!months) return undefined;
    if (!(await this.cubes.refresh({ rebuild: false }))) {
      this.cubes.refresh({ rebuild: true }).catch((error: unknown) => this.log('统计汇总表重建失败', error));
      return undefined;
    }
    const successors = await loadSuccessors(this.db);
    const current = currentCodeOf(successors, query.to);
    // With retired codes a cell stored under another prefix may now belong here: read them all.
    const slice = await this.cubes.slice(
      query.basis === 'residence' ? 0 : 1,
      months,
      successors.size > 0 ? '' : code,
    );
    const request = { from: query.from, to: query.to, basis: query.basis };
    const result: StatsResult = {
      jurisdiction: code,
      ...request,
      indicators: indicatorsFromCube(slice, code, current),
    };
    if (query.children !== false)
      result.children = (await this.childrenOn(code, query.to)).map((child) => ({
        jurisdiction: child.code,
        name: child.name,
        indicators: indicatorsFromCube(slice, child.code, current),
      }));
    return result;
  }

  private async childrenOn(code: string, to: string) {
    return (await this.jurisdictions.childrenOf(code)).filter(
      (child) => child.validTo === null || child.validTo > to,
    );
  }

  private async scan(code: string, query: StatsQuery & { basis: Basis }): Promise<StatsResult> {
    const { basis } = query;
    const persons = mapToCurrentCodes(
      await this.personsOfRegister(),
      await loadSuccessors(this.db),
      query.to,
    );
    const request = { from: query.from, to: query.to, basis };
    const result: StatsResult = {
      jurisdiction: code,
      ...request,
      indicators: computeIndicators(persons, { ...request, jurisdiction: code }),
    };
    if (query.children !== false) {
      const children = await this.childrenOn(code, query.to);
      const all = [...persons.values()];
      result.children = children.map((child) => ({
        jurisdiction: child.code,
        name: child.name,
        indicators: computeIndicators(
          persons,
          { ...request, jurisdiction: child.code },
          all.filter((person) => everPlacedIn(person, child.code)),
        ),
      }));
    }
    return result;
  }

  /** For a signed-in user: the jurisdiction must lie in their scope. */
  async trend(actor: Actor, query: TrendQuery): Promise<TrendResult> {
    authorize(actor, Permission.StatsRead);
    const node = await this.jurisdictions.requireExisting(query.jurisdiction);
    authorize(actor, Permission.StatsRead, node.code);
    return this.computeTrend(query);
  }

  /** Births, deaths, moves, population and crude rates by month or year, from the aggregate tables. */
  async computeTrend(query: TrendQuery): Promise<TrendResult> {
    const basis = query.basis ?? 'residence';
    const month = /^\d{4}-(0[1-9]|1[0-2])$/;
    const problems = (['from', 'to'] as const)
      .filter((field) => !month.test(query[field]))
      .map((field) => ({ field, reason: '应为 YYYY-MM 月份' }));
    if (problems.length > 0)
      throw new DomainError(ErrorCode.ValidationFailed, '趋势的起止月份不正确', problems);
    const from = `${query.from}-01`;
    const to = lastDateOfMonth(monthOf(`${query.to}-01`));
    await this.checkPeriod(from, to);
    const node = await this.jurisdictions.requireExisting(query.jurisdiction);
    if (!(await this.cubes.refresh({ rebuild: true })))
      throw new DomainError(ErrorCode.Conflict, '统计汇总表尚未建立');
    const successors = await loadSuccessors(this.db);
    const months = { first: monthOf(from), last: monthOf(to) };
    const cells = await this.cubes.trendCells(
      basis === 'residence' ? 0 : 1,
      months,
      successors.size > 0 ? '' : node.code,
    );
    const current = currentCodeOf(successors, to);
    return {
      jurisdiction: node.code,
      basis,
      granularity: query.granularity,
      points: trendFromCubes(cells, months, query.granularity, node.code, current),
    };
  }

  /** For a signed-in user: the jurisdiction must lie in their scope. */
  async projection(actor: Actor, query: ProjectionQuery): Promise<ProjectionResult> {
    authorize(actor, Permission.StatsRead);
    const node = await this.jurisdictions.requireExisting(query.jurisdiction);
    authorize(actor, Permission.StatsRead, node.code);
    return this.project(query);
  }

  /** Cohort-component projection from the register's own base population and rates. */
  async project(query: ProjectionQuery): Promise<ProjectionResult> {
    if (!Number.isInteger(query.years) || query.years < 5 || query.years > 50)
      throw new DomainError(ErrorCode.ValidationFailed, '预测年数应为 5 至 50 年', [
        { field: 'years', reason: '5 至 50 的整数' },
      ]);
    if (query.tfr !== undefined && !(query.tfr >= 0 && query.tfr <= 8))
      throw new DomainError(ErrorCode.ValidationFailed, '总和生育率应在 0 至 8 之间', [
        { field: 'tfr', reason: '0 至 8' },
      ]);
    if (!isCalendarDate(query.base))
      throw new DomainError(ErrorCode.ValidationFailed, '基期日期不正确', [
        { field: 'base', reason: '应为 YYYY-MM-DD 日期' },
      ]);
    const dataset = await this.register.dataset();
    const windowStart = fiveYearsBefore(query.base);
    const from = dataset && windowStart < dataset.start ? dataset.start : windowStart;
    await this.checkPeriod(from, query.base);
    const node = await this.jurisdictions.requireExisting(query.jurisdiction);
    await this.followRegisterVersion();
    const persons = await this.personsOfRegister();
    const window = { jurisdiction: node.code, from, to: query.base, basis: 'residence' as const };
    const { age_structure: pyramid } = computeIndicators(persons, window);
    const rates = observedRates(persons, window);
    const base = {
      year: Number(query.base.slice(0, 4)),
      female: PROJECTION_GROUPS.map((g) => pyramid.female[g] ?? 0),
      male: PROJECTION_GROUPS.map((g) => pyramid.male[g] ?? 0),
    };
    try {
      const scenarios = projectPopulation(base, rates, query.years, {
        ...(query.tfr !== undefined ? { tfr: query.tfr } : {}),
        migration: query.migration !== false,
      });
      return {
        jurisdiction: node.code,
        base: query.base,
        window: { from, to: query.base },
        observed: {
          tfr: 5 * Object.values(rates.asfr5).reduce((a, b) => a + b, 0),
          srb: rates.srb * 100,
          e0Male: lifeTableOf(rates, 'male').ex[0] ?? Number.NaN,
          e0Female: lifeTableOf(rates, 'female').ex[0] ?? Number.NaN,
        },
        groups: PROJECTION_GROUPS,
        scenarios,
      };
    } catch (error) {
      if (error instanceof RangeError)
        throw new DomainError(
          ErrorCode.ValidationFailed,
          `${node.code} 的人口或死亡数太少，无法编制生命表：请选择更大的区划或更长的基期`,
        );
      throw error;
    }
  }

  private async checkPeriod(from: string, to: string): Promise<void> {
    const problems: { field: string; reason: string }[] = [];
    if (!isCalendarDate(from)) problems.push({ field: 'from', reason: '应为 YYYY-MM-DD 日期' });
    if (!isCalendarDate(to)) problems.push({ field: 'to', reason: '应为 YYYY-MM-DD 日期' });
    if (problems.length === 0 && from > to) problems.push({ field: 'from', reason: '开始日期晚于结束日期' });
    if (problems.length > 0) throw new DomainError(ErrorCode.ValidationFailed, '统计期不正确', problems);
    const dataset = await this.register.dataset();
    if (!dataset) throw new DomainError(ErrorCode.ValidationFailed, '登记库还没有数据，无法统计');
    if (from < dataset.start || to > dataset.end)
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `统计期 ${from} 至 ${to} 超出登记数据的范围 ${dataset.start} 至 ${dataset.end}`,
        [{ field: from < dataset.start ? 'from' : 'to', reason: '超出登记数据的范围' }],
      );
  }
}

/** Each code replaced by its successor in force on `to`, so a series follows today's tree. */
function mapToCurrentCodes(
  persons: Map<string, StatPerson>,
  successors: Map<string, { successor: string; validTo: string }>,
  to: string,
): Map<string, StatPerson> {
  if (successors.size === 0) return persons;
  const current = currentCodeOf(successors, to);
  // New objects: the loaded persons are kept for other periods, whose `to` may map codes differently.
  const mapped = new Map<string, StatPerson>();
  for (const [key, person] of persons) {
    mapped.set(key, {
      ...person,
      residence: person.residence.map((p) => ({ ...p, code: current(p.code) })),
      hukou: person.hukou.map((p) => ({ ...p, code: current(p.code) })),
    });
  }
  return mapped;
}

function currentCodeOf(
  successors: Map<string, { successor: string; validTo: string }>,
  to: string,
): (code: string) => string {
  if (successors.size === 0) return (code) => code;
  return (code) => {
    let mapped = code;
    for (let hops = 0; hops < 20; hops += 1) {
      const next = successors.get(mapped);
      if (!next || next.validTo > to) break;
      mapped = next.successor;
    }
    return mapped;
  };
}

/** The months of [from, to] when it starts on a first and ends on a last day of a month. */
function wholeMonths(from: string, to: string): { first: number; last: number } | undefined {
  if (!from.endsWith('-01') || lastDateOfMonth(monthOf(to)) !== to) return undefined;
  return { first: monthOf(from), last: monthOf(to) };
}

/** The first day of the five years that end on `date`. */
function fiveYearsBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 5);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
