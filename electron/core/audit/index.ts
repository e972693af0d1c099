/** The audit trail, for the registry, exports and the command line. */
export { appendAudit, latestAuditOf, verifyAudit, type AuditEvent } from './audit';
export { appendToChain, verifyChain, type ChainTable } from './chain';
