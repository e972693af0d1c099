/** The audit trail, for the registry, exports and the command line. */
export { appendAudit, verifyAudit, type AuditEvent } from './audit';
