import { z } from 'zod';
import { channel } from '../contract/define';

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'A hash is 64 hexadecimal characters');

/** An entry number and its hash as an auditor noted them earlier (from `vault check` or this channel). */
export const auditAnchor = z.object({ seq: z.number().int().positive(), hash: sha256Hex }).strict();
export type AuditAnchor = z.infer<typeof auditAnchor>;

export const auditVerification = z.object({
  ok: z.boolean(),
  /** Entries verified; when broken, up to and including the first broken one. */
  entries: z.number().int(),
  /** The first entry whose hash or link does not match, when tampering is found. */
  brokenAt: z.number().int().nullable(),
  /** The hash of the newest entry when the chain is intact: note it with `entries` to compare later. */
  headHash: z.string().nullable(),
  /** Whether the noted entry still has the noted hash (false if it is gone or differs); null when no anchor was given or the chain broke before it. */
  anchorMatches: z.boolean().nullable(),
});
export type AuditVerification = z.infer<typeof auditVerification>;

export const auditContract = {
  'audit.list': channel({
    summary: 'Audit trail entries, newest first (who did what to which record; never content).',
    input: z.object({ limit: z.number().int().min(1).max(1000).default(100), beforeSeq: z.number().int().positive().optional() }).strict(),
    output: z.array(auditEntrySchema),
  }),
  'audit.verify': channel({
    summary: 'Recompute the hash chain of the audit trail: the first tampered entry if any, the entry count and head hash, and whether an earlier noted entry (anchor) still has its hash.',
    input: z.object({ anchor: auditAnchor.optional() }).strict(),
    output: auditVerification,
  }),
} as const;
