// The application layer: every service, wired once. The HTTP server and the CLI both use it.
import { systemClock, type Clock } from '@renkou/core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, migrate, type Db } from '@renkou/db';
import type { Config } from './config';
import { loadMasterKey, SoftwareCryptoProvider, type CryptoProvider } from './crypto/crypto-provider';
import { fileOffsetClock } from './offset-clock';
import { AuditService } from './modules/audit';
import { BenefitsServices } from './modules/benefits';
import { AuthService, defaultAuthSettings, UsersService, type AuthSettings } from './modules/auth';
import { JurisdictionService } from './modules/jurisdictions';
import { ImportJobs, PersonService, RegisterService } from './modules/register';
import { RecordsService } from './modules/records';
import { StatisticsService } from './modules/statistics';

export interface Application {
  db: Db;
  clock: Clock;
  crypto: CryptoProvider;
  settings: AuthSettings;
  audit: AuditService;
  auth: AuthService;
  users: UsersService;
  jurisdictions: JurisdictionService;
  register: RegisterService;
  persons: PersonService;
  imports: ImportJobs;
  statistics: StatisticsService;
  records: RecordsService;
  benefits: BenefitsServices;
  close(): Promise<void>;
}

export interface ApplicationDeps {
  db: Db;
  crypto: CryptoProvider;
  clock?: Clock;
  settings?: Partial<AuthSettings>;
  /** Where uploads and import reports are kept (the data folder's `work/` in production). */
  workDir?: string;
}

export function createApplication(deps: ApplicationDeps): Application {
  const clock = deps.clock ?? systemClock;
  const settings: AuthSettings = { ...defaultAuthSettings, ...deps.settings };
  const audit = new AuditService(deps.db, clock, deps.crypto);
  const jurisdictions = new JurisdictionService(deps.db, audit);
  const auth = new AuthService(deps.db, audit, clock, settings);
  const users = new UsersService(deps.db, audit, clock, auth, jurisdictions, settings);
  const register = new RegisterService(deps.db, audit, clock, jurisdictions, deps.crypto);
  const benefits = new BenefitsServices(deps.db, audit, clock, register, deps.crypto);
  // A death in the register stops benefits from the next month (issue 5: life events drive payments);
  // so does a merge of a record registered twice (the person is paid through the record that stays).
  register.onLifeEvents((events) => benefits.lifeEvents.onRegisterEvents(events));
  const persons = new PersonService(deps.db, audit, clock, register.cipher, register);
  const records = new RecordsService(deps.db, audit, clock, deps.crypto, jurisdictions, persons);
  return {
    db: deps.db,
    clock,
    crypto: deps.crypto,
    settings,
    audit,
    auth,
    users,
    jurisdictions,
    register,
    persons,
    imports: new ImportJobs(deps.db, register, deps.workDir ?? join(tmpdir(), 'renkou-work')),
    statistics: new StatisticsService(deps.db, jurisdictions, register),
    records,
    benefits,
    close: () => {
      // A link run's worker would keep the process alive and write to a closed database.
      records.runs.stopAll();
      return deps.db.destroy();
    },
  };
}

/** Opens the configured database, applies migrations and wires the services. */
export async function openApplication(config: Config, clock: Clock = systemClock): Promise<Application> {
  const db = await createDatabase(config.database);
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const crypto = new SoftwareCryptoProvider(
    loadMasterKey({ hexKey: config.masterKeyHex, keyFile: config.masterKeyFile }),
  );
  return createApplication({
    db,
    crypto,
    // A test-only clock that can be moved ahead (RENKOU_CLOCK_FILE), else the given one.
    clock: config.clockFile ? fileOffsetClock(config.clockFile, clock) : clock,
    workDir: join(config.dataDir, 'work'),
    settings: {
      idleMinutes: config.sessionIdleMinutes,
      adminIdleMinutes: config.adminSessionIdleMinutes,
      absoluteHours: config.sessionAbsoluteHours,
    },
  });
}
