import { z } from 'zod';
import { channel } from '../contract/define';
import { byPilot, entityId, isoDate } from '../contract/common';
import { participantRole, participantStatus } from '../participants/contract';

/**
 * Provable erasure (stage 14): one person, on request or on withdrawal with erasure, or a whole
 * pilot's personal data once its retention period has run out. Each shows what will go (counts per
 * kind) before anything changes, asks for the person's or the pilot's name typed out, asks
 * separately about safeguarding records, and leaves a certificate: kinds and counts, when, by whom,
 * the audit entry — never a name or any content.
 */

export const erasureKinds = [
  'participant-record',
  'consent-records',
  'status-history',
  'chemistry-meetings',
  'training-attendance',
  'pairing-rules',
  'reflective-logs',
  'survey-responses',
  'survey-free-text',
  'focus-group-attendance',
  'group-reflection-attendance',
  'closing-interviews',
  'safeguarding-concerns',
  'pairs',
  'meetings',
  'names-in-free-text',
] as const;
export type ErasureKind = (typeof erasureKinds)[number];

export const erasureKindLabels: Record<ErasureKind, string> = {
  'participant-record': 'Register entry (name, email, department, characteristics, notes)',
  'consent-records': 'Consent records',
  'status-history': 'Status changes',
  'chemistry-meetings': 'Chemistry meetings and their answers',
  'training-attendance': 'Training attendance',
  'pairing-rules': 'Pairing rules, conflicts of interest and preferences',
  'reflective-logs': 'Reflective logs they wrote',
  'survey-responses': 'Survey responses',
  'survey-free-text': 'Free-text survey answers',
  'focus-group-attendance': 'Focus-group attendance',
  'group-reflection-attendance': 'Group reflection attendance',
  'closing-interviews': 'Closing interviews and their notes',
  'safeguarding-concerns': 'Safeguarding concerns about them',
  pairs: 'Pairs',
  meetings: 'Meetings',
  'names-in-free-text': 'Their name in other people’s text, replaced with “[removed]”',
};

const count = z.number().int().nonnegative();
export const erasureCountSchema = z.object({ kind: z.enum(erasureKinds), label: z.string(), count });
export type ErasureCount = z.infer<typeof erasureCountSchema>;

export const personErasurePreviewSchema = z.object({
  participantId: entityId,
  name: z.string(),
  /** Who they are beyond the name (namesakes told apart): role, department and status. */
  role: participantRole,
  department: z.string(),
  status: participantStatus,
  /** Already erased: nothing more to do. */
  erased: z.boolean(),
  /** Still taking part: erasure withdraws them first (pairs ended, meetings cancelled, partners flagged). */
  withdrawsFirst: z.boolean(),
  currentPairs: count,
  counts: z.array(erasureCountSchema),
  /** Concerns about them in the safeguarding register (a count only): removed only with `includeSafeguarding`. */
  safeguardingConcerns: count,
});
export type PersonErasurePreview = z.infer<typeof personErasurePreviewSchema>;

export const cleanupSchema = z.object({
  secureDelete: z.boolean(),
  searchIndexRebuilt: z.boolean(),
  vacuumed: z.boolean(),
  walTruncated: z.boolean(),
  /** How long the clean-up took, in milliseconds. */
  tookMs: z.number().nonnegative(),
});

export const certificateSchema = z.object({
  id: entityId,
  scope: z.enum(['person', 'pilot']),
  /** "Person no. 12" or the pilot's name: never a person's name. */
  subject: z.string(),
  pilotName: z.string(),
  erasedAt: z.string(),
  actor: z.string(),
  audit: z.object({ seq: z.number().int().positive(), hash: z.string() }),
  counts: z.array(erasureCountSchema),
  /** Safeguarding concerns about them that were kept (not confirmed for erasure). */
  safeguardingKept: count,
  cleanup: cleanupSchema,
  backupsNote: z.string(),
});
export type ErasureCertificate = z.infer<typeof certificateSchema>;

export const retentionSchema = z.object({
  pilotId: entityId,
  pilotName: z.string(),
  endDate: isoDate,
  /** From the plan; null when the plan has not decided yet. */
  retentionMonths: z.number().int().nullable(),
  /** The end date plus the retention period; null while undecided. */
  expiresOn: isoDate.nullable(),
  /** Days from today to expiry (negative once past). */
  daysLeft: z.number().int().nullable(),
  state: z.enum(['not-set', 'running', 'expired', 'erased']),
  /** People whose data is still held (not yet erased). */
  peopleHeld: count,
  safeguardingConcerns: count,
  /** When a research export of this pilot was last written (from the audit trail), or null. */
  researchExportAt: z.string().nullable(),
  /** The certificate of the pilot's erasure, once done. */
  certificateId: entityId.nullable(),
});
export type Retention = z.infer<typeof retentionSchema>;

const typedName = z.string().max(400);

export const erasureContract = {
  'erasure.previewPerson': channel({
    summary: 'What erasing one person would remove: counts per kind of data, whether they are withdrawn first, and how many safeguarding concerns are about them (a count only).',
    input: z.object({ participantId: entityId }).strict(),
    output: personErasurePreviewSchema,
  }),
  'erasure.erasePerson': channel({
    summary: 'Erase one person: every record about them, their name in others’ text replaced with “[removed]”, the bytes purged (search index, free pages, WAL); returns the certificate. Needs their name typed out; safeguarding concerns about them only with includeSafeguarding.',
    invalidates: ['participants', 'chemistry', 'training', 'matching', 'pairs', 'meetings', 'logs', 'surveys', 'focusGroups', 'safeguarding', 'interviews', 'erasure', 'settings', 'groupReflections', 'transcripts', 'recordings', 'coding'],
    input: z.object({ participantId: entityId, confirmName: typedName, includeSafeguarding: z.boolean().default(false) }).strict(),
    output: certificateSchema,
  }),
  'erasure.retention': channel({
    summary: 'The pilot’s retention countdown: the plan’s period from its end date, days left, whether a research export was made, and how many people’s data is still held.',
    input: byPilot,
    output: retentionSchema,
  }),
  'erasure.erasePilot': channel({
    summary: 'Erase a pilot’s personal data once its retention period has run out: every person, their logs, responses, pairs and meetings; the plan stays. Needs the pilot’s name typed out; safeguarding concerns only with includeSafeguarding. Returns the certificate.',
    invalidates: ['participants', 'chemistry', 'training', 'matching', 'pairs', 'meetings', 'logs', 'surveys', 'focusGroups', 'safeguarding', 'pilots', 'interviews', 'erasure', 'settings', 'groupReflections', 'transcripts', 'recordings', 'coding'],
    input: z.object({ pilotId: entityId, confirmName: typedName, includeSafeguarding: z.boolean().default(false) }).strict(),
    output: certificateSchema,
  }),
  'erasure.certificate': channel({
    summary: 'One erasure certificate: kinds and counts, when, by whom, the audit entry; no names or content.',
    input: z.object({ id: entityId }).strict(),
    output: certificateSchema,
  }),
  'erasure.exportCertificate': channel({
    summary: 'An erasure certificate as a PDF and JSON, written to a folder the coordinator picks, with an audit entry.',
    invalidates: [],
    input: z.object({ id: entityId }).strict(),
    output: z.object({ folder: z.string(), files: z.array(z.string()) }),
  }),
} as const;
