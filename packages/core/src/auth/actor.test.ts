import { describe, expect, it } from 'vitest';
import { assertRecordInScope, authorize, scopeCovers, type Actor } from './actor';
import { allRoles, hasPermission, Permission, Role, rolePermissions, writePermissions } from './roles';

const township: Actor = { userId: 'u', username: 't', role: Role.TownshipOfficer, scope: '652926100' };

describe('authorize', () => {
  it('allows inside the scope and refuses another township with FORBIDDEN', () => {
    expect(() => authorize(township, Permission.PersonRead, '652926100003')).not.toThrow();
    expect(() => authorize(township, Permission.PersonRead, '652926101001')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => authorize(township, Permission.PersonRead, '652926')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('refuses a permission the role lacks', () => {
    expect(() => authorize(township, Permission.UserManage)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('hides a record outside the scope as NOT_FOUND', () => {
    expect(() => assertRecordInScope(township, ['652926101001', '652926102001'], '人员')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => assertRecordInScope(township, ['652926101001', '652926100002'], '人员')).not.toThrow();
  });

  it('treats the empty scope as the whole country', () => {
    expect(scopeCovers('', '110101001001')).toBe(true);
    expect(scopeCovers('6529', '652926')).toBe(true);
    expect(scopeCovers('652926100', '65292610')).toBe(false);
  });
});

describe('role matrix', () => {
  it('gives the leader no write permission', () => {
    for (const permission of writePermissions) expect(hasPermission(Role.Leader, permission)).toBe(false);
  });

  it('keeps the three administrators apart', () => {
    expect(rolePermissions.auditor).toEqual([Permission.AuditRead]);
    for (const role of allRoles) {
      if (role !== Role.Auditor) expect(hasPermission(role, Permission.AuditRead)).toBe(false);
    }
    expect(hasPermission(Role.Admin, Permission.PersonRead)).toBe(false);
    expect(hasPermission(Role.SecurityAdmin, Permission.UserManage)).toBe(false);
  });

  it('lets only county officers reveal personal data', () => {
    expect(allRoles.filter((r) => hasPermission(r, Permission.PersonReveal))).toEqual([Role.CountyOfficer]);
  });
});
