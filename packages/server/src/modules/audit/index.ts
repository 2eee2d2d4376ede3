export { AuditService } from './audit.service';
export type { AuditEntry, AuditContext, VerifyReport } from './audit.service';
export type { Executor } from './audit.repository';
export { auditRoutes } from './audit.routes';
