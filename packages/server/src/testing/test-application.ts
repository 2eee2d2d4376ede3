// Test wiring: a fresh migrated database, a fixed clock and a software key; used by *.db.test.ts only.
import { Role, type Actor, type Role as RoleType } from '@renkou/core';
import { openTestDatabase, testClock } from '@renkou/testkit';
import { createApplication, type Application } from '../application';
import { SoftwareCryptoProvider } from '../crypto/crypto-provider';

export const TEST_KEY = Buffer.alloc(32, 7);
export const TEST_PASSWORD = 'Test#Password2026';

export async function openTestApplication(): Promise<Application & { clock: ReturnType<typeof testClock> }> {
  const test = await openTestDatabase();
  const clock = testClock();
  const app = createApplication({ db: test.db, crypto: new SoftwareCryptoProvider(TEST_KEY), clock });
  return { ...app, clock, close: test.close };
}

export function actor(role: RoleType, scope: string, username = `${role}-${scope || 'all'}`): Actor {
  return { userId: '00000000-0000-7000-8000-000000000001', username, role, scope };
}

/** The demo county's tree plus one account per role, all with TEST_PASSWORD and no forced change. */
export async function seedCounty(app: Application): Promise<void> {
  await app.jurisdictions.loadCoverage('652926');
  const users: [string, RoleType, string][] = [
    ['admin', Role.Admin, ''],
    ['auditor', Role.Auditor, ''],
    ['county', Role.CountyOfficer, '652926'],
    ['township', Role.TownshipOfficer, '652926100'],
    ['township2', Role.TownshipOfficer, '652926101'],
    ['leader', Role.Leader, '652926'],
  ];
  for (const [username, role, scope] of users) {
    await app.users.createBySystem({
      username,
      displayName: username,
      role,
      scope,
      password: TEST_PASSWORD,
      mustChangePassword: false,
    });
  }
}
