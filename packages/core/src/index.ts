export * from './shared/errors';
export * from './shared/clock';
export * from './shared/ids';
export * from './auth/roles';
export * from './auth/actor';
export * from './auth/password-policy';
export * from './jurisdictions/codes';
export * from './audit/audit-record';
