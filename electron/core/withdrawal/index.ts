/**
 * Withdrawal for other features: the preview of what it will change and the one cascade that carries
 * it out (status, pairs, meetings, owed logs, partners, interviews). A feature of its own because it
 * reaches into participants, matching, meetings, logs and interviews, which all read participants.
 */
export { previewWithdrawal, assertPreviewUnchanged, withdrawWithCascade } from './cascade';
