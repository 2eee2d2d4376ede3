// Role × permission × jurisdiction scope. A user holds one role and one scope (a division-code prefix).
// The three administrators are separate (三员分立): the system administrator runs accounts and the tree,
// the security administrator locks and unlocks accounts and ends sessions, the audit administrator
// (auditor) reaches only the audit console.
export const Role = {
  Admin: 'admin',
  SecurityAdmin: 'security_admin',
  Auditor: 'auditor',
  CountyOfficer: 'county_officer',
  TownshipOfficer: 'township_officer',
  VillageWorker: 'village_worker',
  Finance: 'finance',
  Association: 'association',
  Leader: 'leader',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const allRoles = Object.values(Role);

export const Permission = {
  JurisdictionRead: 'jurisdiction.read',
  JurisdictionManage: 'jurisdiction.manage',
  UserRead: 'user.read',
  UserManage: 'user.manage',
  UserLock: 'user.lock',
  AuditRead: 'audit.read',
  PersonRead: 'person.read',
  PersonWrite: 'person.write',
  PersonReveal: 'person.reveal',
  StatsRead: 'stats.read',
  BenefitRead: 'benefit.read',
  BenefitReview: 'benefit.review',
  PaymentManage: 'payment.manage',
  AssociationManage: 'association.manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const P = Permission;
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: [P.JurisdictionRead, P.JurisdictionManage, P.UserRead, P.UserManage],
  security_admin: [P.JurisdictionRead, P.UserRead, P.UserLock],
  auditor: [P.AuditRead],
  county_officer: [
    P.JurisdictionRead,
    P.PersonRead,
    P.PersonWrite,
    P.PersonReveal,
    P.StatsRead,
    P.BenefitRead,
    P.BenefitReview,
  ],
  township_officer: [
    P.JurisdictionRead,
    P.PersonRead,
    P.PersonWrite,
    P.StatsRead,
    P.BenefitRead,
    P.BenefitReview,
  ],
  village_worker: [P.JurisdictionRead, P.PersonRead, P.PersonWrite, P.BenefitRead],
  finance: [P.JurisdictionRead, P.BenefitRead, P.PaymentManage],
  association: [P.JurisdictionRead, P.StatsRead, P.AssociationManage],
  leader: [P.JurisdictionRead, P.StatsRead, P.BenefitRead],
};

/** Permissions that change data; a read-only role never holds one. */
export const writePermissions: readonly Permission[] = [
  P.JurisdictionManage,
  P.UserManage,
  P.UserLock,
  P.PersonWrite,
  P.BenefitReview,
  P.PaymentManage,
  P.AssociationManage,
];

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'System administrator' },
  security_admin: { zh: '安全管理员', en: 'Security administrator' },
  auditor: { zh: '审计管理员', en: 'Audit administrator' },
  county_officer: { zh: '县级业务人员', en: 'County officer' },
  township_officer: { zh: '乡镇业务人员', en: 'Township officer' },
  village_worker: { zh: '村（居）专干', en: 'Village worker' },
  finance: { zh: '财务人员', en: 'Finance' },
  association: { zh: '计生协会', en: 'Family-planning association' },
  leader: { zh: '领导（只读）', en: 'Leader (read-only)' },
};

export function isRole(value: string): value is Role {
  return (allRoles as string[]).includes(value);
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** Administrators have stricter password and session rules. */
export function isAdministrator(role: Role): boolean {
  return role === Role.Admin || role === Role.SecurityAdmin || role === Role.Auditor;
}
