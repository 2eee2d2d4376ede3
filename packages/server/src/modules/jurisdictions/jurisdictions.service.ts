// The division tree: loaded from the national list for a coverage, read lazily (children on demand),
// searched by name or code, always inside the caller's scope.
import {
  authorize,
  DomainError,
  ErrorCode,
  normalizeJurisdictionCode,
  Permission,
  type Actor,
} from '@renkou/core';
import type { Db } from '@renkou/db';
import type { AuditService } from '../audit';
import { readDivisions, type DivisionRow } from './division-source';
import {
  countJurisdictions,
  findJurisdiction,
  listChildren,
  pathOf,
  searchJurisdictions,
  upsertDivisions,
  type JurisdictionRow,
} from './jurisdictions.repository';

export interface Jurisdiction {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  hasChildren: boolean;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
  path?: { code: string; name: string }[];
}

export const COUNTRY: Jurisdiction = {
  code: '',
  name: '全国',
  level: 0,
  parentCode: null,
  hasChildren: true,
  validFrom: '1900-01-01',
  validTo: null,
  successorCode: null,
};

function toJurisdiction(row: JurisdictionRow): Jurisdiction {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parent_code,
    hasChildren: row.has_children,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    successorCode: row.successor_code,
  };
}

export interface LoadProgress {
  (loaded: number): void;
}

export class JurisdictionService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  /** Loads the national list for a coverage (a code prefix; '' = the whole country). Idempotent. */
  async loadCoverage(
    coverageInput: string,
    onProgress?: LoadProgress,
  ): Promise<{ coverage: string; loaded: number }> {
    const coverage = coverageInput === '' ? '' : normalizeJurisdictionCode(coverageInput);
    let batch: DivisionRow[] = [];
    let loaded = 0;
    let coverageFound = coverage === '';
    for await (const row of readDivisions(coverage)) {
      if (row.code === coverage) coverageFound = true;
      batch.push(row);
      if (batch.length >= 2000) {
        await upsertDivisions(this.db, batch);
        loaded += batch.length;
        batch = [];
        onProgress?.(loaded);
      }
    }
    if (!coverageFound) {
      throw new DomainError(
        ErrorCode.UnknownJurisdiction,
        `区划代码 ${coverageInput} 在全国区划代码中不存在`,
      );
    }
    await upsertDivisions(this.db, batch);
    loaded += batch.length;
    onProgress?.(loaded);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('settings')
        .values({ key: 'coverage', value: JSON.stringify(coverage) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(coverage) }))
        .execute();
      await this.audit.record(
        trx,
        { username: 'system' },
        { action: 'jurisdiction.load', jurisdiction: coverage, details: { loaded } },
      );
    });
    return { coverage, loaded };
  }

  async coverage(): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'coverage')
      .executeTakeFirst();
    return row ? (row.value as string) : undefined;
  }

  /** A code that must exist in the tree (padded forms accepted); throws UNKNOWN_JURISDICTION otherwise. */
  async requireExisting(codeInput: string): Promise<Jurisdiction> {
    const code = normalizeJurisdictionCode(codeInput);
    const row = await findJurisdiction(this.db, code);
    if (!row) throw new DomainError(ErrorCode.UnknownJurisdiction, `区划代码 ${codeInput} 不存在`);
    return toJurisdiction(row);
  }

  async count(prefix = ''): Promise<number> {
    return countJurisdictions(this.db, prefix);
  }

  /** The node at the top of the caller's scope. */
  async root(actor: Actor): Promise<Jurisdiction> {
    authorize(actor, Permission.JurisdictionRead);
    if (actor.scope === '') return COUNTRY;
    return this.get(actor, actor.scope);
  }

  async get(actor: Actor, codeInput: string): Promise<Jurisdiction> {
    const node = await this.requireExisting(codeInput);
    authorize(actor, Permission.JurisdictionRead, node.code);
    return { ...node, path: await pathOf(this.db, node.code) };
  }

  async children(actor: Actor, codeInput: string): Promise<Jurisdiction[]> {
    if (codeInput === '' || codeInput === 'root') {
      authorize(actor, Permission.JurisdictionRead, '');
      return (await listChildren(this.db, null)).map(toJurisdiction);
    }
    const node = await this.requireExisting(codeInput);
    authorize(actor, Permission.JurisdictionRead, node.code);
    return (await listChildren(this.db, node.code)).map(toJurisdiction);
  }

  /** Direct children of a code, without a scope check (the caller has checked the parent). */
  async childrenOf(code: string): Promise<Jurisdiction[]> {
    return (await listChildren(this.db, code)).map(toJurisdiction);
  }

  async search(actor: Actor, query: string, limit: number): Promise<Jurisdiction[]> {
    authorize(actor, Permission.JurisdictionRead);
    const trimmed = query.trim();
    if (trimmed === '') return [];
    const rows = await searchJurisdictions(this.db, trimmed, actor.scope, limit);
    return rows.map(toJurisdiction);
  }

  /** True when the scope is a real node (or the country) — used when assigning scopes to users. */
  async isValidScope(scope: string): Promise<boolean> {
    if (scope === '') return true;
    return (await findJurisdiction(this.db, scope)) !== undefined;
  }
}
