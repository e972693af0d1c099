import { z } from 'zod';
import { channel } from '../contract/define';
import { empty } from '../contract/common';

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

export const auditVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  /** The first entry whose hash or link does not match, when tampering is found. */
  brokenAt: z.number().int().nullable(),
  headHash: z.string().nullable(),
});
export type AuditVerification = z.infer<typeof auditVerification>;

export const auditContract = {
  'audit.list': channel({
    summary: 'Audit trail entries, newest first (who did what to which record; never content).',
    input: z.object({ limit: z.number().int().min(1).max(1000).default(100), beforeSeq: z.number().int().positive().optional() }).strict(),
    output: z.array(auditEntrySchema),
  }),
  'audit.verify': channel({
    summary: 'Recompute the hash chain of the audit trail and report the first tampered entry, if any.',
    input: empty,
    output: auditVerification,
  }),
} as const;
