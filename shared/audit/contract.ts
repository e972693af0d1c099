import { z } from 'zod';
import { channel } from '../contract/define';
import { entityId, isoDate } from '../contract/common';
import { pageOf, pageWindow } from '../contract/lists';

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

/** The screens an entry's record can be opened on; the window builds the link (renderer/src/app/paths.ts). */
export const auditScreens = ['pilot', 'plan', 'focus-group', 'participant', 'chemistry', 'training', 'pair-meetings', 'log', 'safeguarding', 'surveys'] as const;
export type AuditScreen = (typeof auditScreens)[number];

/** A record named for people, resolved when the page is read (the trail itself stores ids only, never content). */
export const auditRecordSchema = z.object({
  /** "Amara Nwosu", "Meeting 2 of Amara Nwosu and Helen Marsh"; "… no longer in the vault" once erased. */
  label: z.string(),
  link: z.object({ screen: z.enum(auditScreens), pilotId: entityId, ids: z.array(z.number().int()) }).nullable(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

export const auditPageInput = z
  .object({
    ...pageWindow({ defaultLimit: 50, maxLimit: 200, maxOffset: 100_000_000 }),
    /** A feature ("meetings") or one action ("meetings.markHeld"). */
    action: z
      .string()
      .trim()
      .max(100, 'At most 100 characters')
      .regex(/^[A-Za-z]*(\.[A-Za-z.]*)?$/, 'An action is a feature name such as meetings, or one such as meetings.markHeld')
      .default(''),
    /** Days (UTC, as entries are stamped) from and to, both included. */
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'The first day must not be after the last', path: ['to'] });

export const auditPageSchema = pageOf(auditEntrySchema.extend({ record: auditRecordSchema.nullable() }));
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditContract = {
  'audit.page': channel({
    summary: 'One page of the whole audit trail, newest first, filtered by feature or action and by days, each record named and linked.',
    input: auditPageInput,
    output: auditPageSchema,
  }),
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
