import { z } from 'zod';
import { channel } from '../contract/define';
import { byId, entityId, isoDate, optionalText, requiredText, timestamp } from '../contract/common';
import { AVAILABILITY_SLOTS } from './availability';
import { previewFacts, stagedId } from '../imports/contract';
import { confirmations } from '../contract/confirm';

export const participantRoles = ['mentor', 'mentee'] as const;
export const participantRole = z.enum(participantRoles);
export type ParticipantRole = z.infer<typeof participantRole>;
/** In reverse mentoring the student is the mentor and the member of staff the mentee. */
export const roleLabels: Record<ParticipantRole, string> = { mentor: 'Mentor (student)', mentee: 'Mentee (staff)' };

export const pipeline = ['interested', 'chemistry', 'trained', 'paired', 'active', 'completed'] as const;
export const participantStatuses = [...pipeline, 'withdrawn'] as const;
export const participantStatus = z.enum(participantStatuses);
export type ParticipantStatus = z.infer<typeof participantStatus>;
export const statusLabels: Record<ParticipantStatus, string> = {
  interested: 'Interested',
  chemistry: 'Chemistry meeting',
  trained: 'Trained',
  paired: 'Paired',
  active: 'Active',
  completed: 'Completed',
  withdrawn: 'Withdrawn',
};

/**
 * The steps a coordinator can take by hand, from each status. The pipeline runs interested →
 * chemistry → trained → paired → active → completed:
 * - trained straight from interested is allowed, for schemes that hold no chemistry meetings;
 * - paired is never a manual step: confirming a pair on the Pairing screen sets it (and ending the
 *   pair undoes it), so nobody is "paired" without a partner;
 * - paired → active happens by itself when the pair's first meeting is marked held, and can be
 *   set by hand (for a first meeting held before it was recorded);
 * - anyone can withdraw, with a reason, until they have completed; a withdrawn person can be
 *   reinstated as interested.
 */
const manualSteps: Record<ParticipantStatus, readonly ParticipantStatus[]> = {
  interested: ['chemistry', 'trained', 'withdrawn'],
  chemistry: ['trained', 'withdrawn'],
  trained: ['withdrawn'],
  paired: ['active', 'withdrawn'],
  active: ['completed', 'withdrawn'],
  completed: [],
  withdrawn: ['interested'],
};

export function allowedTransitions(from: ParticipantStatus): ParticipantStatus[] {
  return [...manualSteps[from]];
}

/** Why a status has fewer manual steps than one might expect, in plain words for the status panel. */
export const stepNotes: Partial<Record<ParticipantStatus, string>> = {
  interested: 'Trained can follow straight on when the scheme holds no chemistry meetings.',
  trained: 'They become Paired when a pair with them is confirmed on the Pairing screen.',
  paired: 'They become Active by themselves when their first meeting is marked held.',
};

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Email is required')
  .max(254, 'Email is too long')
  .pipe(z.email({ error: 'This is not an email address' }));

export const participantDraft = z.object({
  name: requiredText('Name', 200),
  email,
  role: participantRole,
  department: optionalText('Department', 200).default(''),
  level: optionalText('Level or seniority', 200).default(''),
  /** Self-identified, special-category data (UK GDPR art. 9): optional, from the pilot's eligibility list. */
  characteristics: z.array(requiredText('Characteristic', 100)).max(40).default([]),
  topics: z.array(requiredText('Topic', 100)).max(40).default([]),
  availability: z.array(z.enum(AVAILABILITY_SLOTS)).max(AVAILABILITY_SLOTS.length).default([]),
  notes: optionalText('Notes', 20_000).default(''),
});
export type ParticipantDraft = z.input<typeof participantDraft>;

export const consentChoicesSchema = z.object({
  takePart: z.boolean(),
  researchUseOfLogs: z.boolean(),
  audioRecording: z.boolean(),
  directQuotes: z.boolean(),
  archiving: z.boolean(),
});
export type ConsentChoices = z.infer<typeof consentChoicesSchema>;
export const consentChoiceLabels: Record<keyof ConsentChoices, string> = {
  takePart: 'Take part in the scheme',
  researchUseOfLogs: 'Research use of reflective logs',
  audioRecording: 'Audio recording of interviews',
  directQuotes: 'Direct (anonymised) quotes',
  archiving: 'Archiving of the data',
};

export const consentRecordSchema = z.object({
  id: entityId,
  participantId: entityId,
  formId: entityId,
  formVersion: z.string(),
  givenOn: isoDate,
  choices: consentChoicesSchema,
  withdrawnOn: isoDate.nullable(),
  withdrawalReason: z.string().nullable(),
  recordedAt: timestamp,
  /** A correction names the record it corrects and why; the corrected one stays in the history. */
  correctsId: entityId.nullable(),
  correctionReason: z.string().nullable(),
  /** Set on a record entered by mistake: the record that corrects it (it no longer counts). */
  correctedById: entityId.nullable(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/**
 * A person's consent, from their latest consent record: given (to take part), declined (the form
 * was answered but "take part" was not agreed), withdrawn, or none recorded.
 */
export const consentState = z.enum(['none', 'given', 'declined', 'withdrawn']);
export type ConsentState = z.infer<typeof consentState>;

export const participantSummarySchema = z.object({
  id: entityId,
  pilotId: entityId,
  name: z.string(),
  email: z.string(),
  role: participantRole,
  department: z.string(),
  level: z.string(),
  status: participantStatus,
  characteristics: z.array(z.string()),
  consent: consentState,
  updatedAt: timestamp,
});
export type ParticipantSummary = z.infer<typeof participantSummarySchema>;

/**
 * Why a status changed, kept with each change: set by hand (a step, a withdrawal), or by what was
 * recorded elsewhere (a chemistry meeting, training, a pair confirmed or ended, a first meeting held,
 * consent withdrawn). A stage set by a record is taken back when the record goes; one set by hand is not.
 */
export const statusCauses = [
  'registered',
  'manual',
  'withdrawn',
  'consent-withdrawn',
  'chemistry',
  'chemistry-removed',
  'training-complete',
  'training-removed',
  'paired',
  'unpaired',
  'meeting-held',
  'meeting-held-undone',
] as const;
export const statusCause = z.enum(statusCauses);
export type StatusCause = z.infer<typeof statusCause>;

export const statusChangeSchema = z.object({
  from: participantStatus.nullable(),
  to: participantStatus,
  reason: z.string().nullable(),
  cause: statusCause,
  at: timestamp,
});

export const participantSchema = participantSummarySchema.extend({
  topics: z.array(z.string()),
  availability: z.array(z.string()),
  notes: z.string(),
  statusReason: z.string().nullable(),
  /** Their partner left (withdrew): flagged for re-pairing, with why, until they are paired again. */
  repairingNote: z.string().nullable(),
  createdAt: timestamp,
  statusHistory: z.array(statusChangeSchema),
  consents: z.array(consentRecordSchema),
});
export type Participant = z.infer<typeof participantSchema>;

export const participantSortKeys = ['name', 'role', 'department', 'status', 'updatedAt'] as const;

export const participantQuery = z.object({
  pilotId: entityId,
  search: z.string().trim().max(200).default(''),
  role: participantRole.optional(),
  status: participantStatus.optional(),
  department: z.string().max(200).optional(),
  characteristic: z.string().max(100).optional(),
  sortBy: z.enum(participantSortKeys).default('name'),
  sortDirection: z.enum(['asc', 'desc']).default('asc'),
});
export type ParticipantQuery = z.input<typeof participantQuery>;

export const participantListSchema = z.object({
  rows: z.array(participantSummarySchema),
  /** People in the pilot before filtering. */
  total: z.number().int(),
  departments: z.array(z.string()),
});

/** Fields a CSV column can be mapped to, in the order a mapping screen shows them. */
export const importFields = ['name', 'email', 'role', 'department', 'level', 'characteristics', 'topics', 'availability', 'notes'] as const;
export type ImportField = (typeof importFields)[number];
export const requiredImportFields: ImportField[] = ['name', 'email', 'role'];
export const importFieldLabels: Record<ImportField, string> = {
  name: 'Name',
  email: 'Email',
  role: 'Role (student or staff)',
  department: 'Department',
  level: 'Level or seniority',
  characteristics: 'Self-identified characteristics',
  topics: 'Topics of interest',
  availability: 'Availability',
  notes: 'Notes',
};

/** header → field ('' = ignore the column). */
export const columnMapping = z.record(z.string().max(500), z.union([z.enum(importFields), z.literal('')]));
export type ColumnMapping = z.infer<typeof columnMapping>;

const importFieldSchema = z.enum(importFields);
/** One row of the import preview: what the file says, what will be imported, and what cannot be read. */
export const importSampleRow = z.object({
  /** The line of the file where the row starts (the header is line 1). */
  row: z.number().int(),
  /** The text of each mapped column, trimmed, exactly as the file has it. */
  raw: z.partialRecord(importFieldSchema, z.string()),
  /** The values as they will be imported; a field that cannot be read is left out. */
  read: z.object({
    name: z.string().optional(),
    email: z.string().optional(),
    role: participantRole.optional(),
    department: z.string().optional(),
    level: z.string().optional(),
    characteristics: z.array(z.string()).optional(),
    topics: z.array(z.string()).optional(),
    availability: z.array(z.string()).optional(),
    notes: z.string().optional(),
  }),
  /** What is wrong, for each field that cannot be read as it is. */
  problems: z.partialRecord(importFieldSchema, z.string()),
});
export type ImportSampleRow = z.infer<typeof importSampleRow>;

/**
 * Someone already registered in the pilot (matched by email) whose row in the file says something
 * different: forms exports are cumulative, so the same people come back in every export. The
 * differences are applied only when the coordinator confirms them; a blank answer never clears a value.
 */
export const importChangeSchema = z.object({
  participantId: entityId,
  /** The line of the file the row starts on. */
  row: z.number().int(),
  name: z.string(),
  email: z.string(),
  differences: z.array(z.object({ field: importFieldSchema, from: z.string(), to: z.string() })),
});
export type ImportChange = z.infer<typeof importChangeSchema>;

export const importPreviewSchema = z.object({
  ...previewFacts,
  mapping: columnMapping,
  /** Required fields no column is mapped to: the file cannot be imported until they are. */
  missingFields: z.array(importFieldSchema),
  /** The first rows as mapped, valid or not, so the coordinator can see the mapping is right. */
  sample: z.array(importSampleRow),
  /** Everyone already registered whose details the file changes, with what would change. */
  changes: z.array(importChangeSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  /** People added. */
  imported: z.number().int(),
  /** People already registered whose confirmed changes were applied. */
  updated: z.number().int(),
  /** People already registered left as they were: unchanged, or changes not confirmed. */
  skipped: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/**
 * What withdrawing a person (or their consent to take part) will change, exactly: each current pair
 * ended with the meetings still to come cancelled (kept in history) and the partner flagged for
 * re-pairing; the logs they owe no longer owed. The command refuses if this changed since.
 */
export const withdrawalPreviewSchema = z.object({
  participantId: entityId,
  name: z.string(),
  status: participantStatus,
  pairs: z.array(
    z.object({
      pairId: entityId,
      partnerId: entityId,
      partnerName: z.string(),
      /** False when the partner has left too (withdrawn or completed): nobody to re-pair. */
      partnerFlagged: z.boolean(),
      cancelledMeetings: z.array(z.object({ id: entityId, sequence: z.number().int(), date: isoDate })),
    }),
  ),
  owedLogs: z.array(z.object({ meetingId: entityId, sequence: z.number().int(), heldOn: isoDate })),
  /** Send it back with the command: if anything above changed in the meantime, nothing is done. */
  fingerprint: z.string(),
});
export type WithdrawalPreview = z.infer<typeof withdrawalPreviewSchema>;

/** The preview a withdrawal was confirmed on (participants.previewWithdrawal). */
const previewFingerprint = z.string().max(128).optional();

const forPilot = { pilotId: entityId };

export const participantsContract = {
  'participants.list': channel({
    summary: 'People in a pilot, searched, filtered by role, status, department and characteristic, and sorted.',
    input: participantQuery.strict(),
    output: participantListSchema,
  }),
  'participants.get': channel({ summary: 'One person with status history and consent history.', input: byId, output: participantSchema }),
  'participants.create': channel({
    summary: 'Add a person to a pilot’s register (status: interested).',
    invalidates: ['participants', 'plan', 'focusGroups', 'chemistry', 'training', 'matching', 'pairs'],
    input: z.object({ ...forPilot, participant: participantDraft }).strict(),
    output: participantSchema,
  }),
  'participants.update': channel({
    summary: 'Change a person’s details (not their status: see participants.transition).',
    invalidates: ['participants', 'plan', 'focusGroups', 'chemistry', 'training', 'matching', 'pairs', 'meetings', 'logs'],
    input: z.object({ id: entityId, participant: participantDraft }).strict(),
    output: participantSchema,
  }),
  'participants.transition': channel({
    summary:
      'Move a person along the pipeline, or withdraw them (a reason is required): a withdrawal ends their pairs, cancels their remaining meetings, excuses the logs they owe and flags their partners for re-pairing (see participants.previewWithdrawal).',
    invalidates: ['participants', 'plan', 'focusGroups', 'chemistry', 'training', 'matching', 'pairs', 'meetings', 'logs', 'interviews'],
    input: z.object({ id: entityId, to: participantStatus, reason: z.string().trim().max(2000).optional(), previewFingerprint }).strict(),
    output: participantSchema,
  }),
  'participants.previewWithdrawal': channel({
    summary:
      'What withdrawing this person (or their consent to take part) will change: pairs ended, meetings cancelled with their dates, logs no longer owed, partners flagged for re-pairing. Changes nothing.',
    input: byId,
    output: withdrawalPreviewSchema,
  }),
  'participants.importPreview': channel({
    summary:
      'Check a staged expressions-of-interest file (see imports.stage) with a column mapping (guessed or remembered when none is given): sample values per column, sample rows, every row-level error, people already registered (unchanged or with changes) and the counts. Saves nothing.',
    input: z.object({ ...forPilot, stagedId, mapping: columnMapping.optional() }).strict(),
    output: importPreviewSchema,
  }),
  'participants.import': channel({
    summary:
      'Import a staged expressions-of-interest file: every new person or none, confirmed changes to people already registered applied (each with its audit entry), the others skipped; the mapping is remembered for the pilot by heading text.',
    invalidates: ['participants', 'plan', 'focusGroups', 'chemistry', 'training', 'matching', 'pairs', 'meetings', 'logs'],
    input: z
      .object({
        ...forPilot,
        stagedId,
        mapping: columnMapping,
        /** People already registered (participant ids from the preview's changes) whose changes the coordinator confirmed. */
        updates: z.array(entityId).max(100_000).default([]),
      })
      .strict(),
    output: importResultSchema,
  }),
  'consent.record': channel({
    summary: 'Record consent given on a consent form version, with the granular choices.',
    invalidates: ['participants', 'plan', 'focusGroups', 'chemistry', 'training', 'matching', 'pairs', 'interviews'],
    input: z.object({ participantId: entityId, formId: entityId, givenOn: isoDate, choices: consentChoicesSchema }).strict(),
    output: consentRecordSchema,
  }),
  'consent.withdraw': channel({
    summary:
      'Record that consent was withdrawn (date and reason); the record itself is kept. When it was their consent to take part, the same as a withdrawal follows (see participants.previewWithdrawal).',
    invalidates: ['participants', 'plan', 'focusGroups', 'chemistry', 'training', 'matching', 'pairs', 'meetings', 'logs', 'interviews'],
    input: z
      .object({
        id: entityId,
        withdrawnOn: isoDate,
        reason: requiredText('Reason', 2000),
        /** Also withdraw the person from the scheme. */
        withdrawParticipant: z.boolean().default(true),
        previewFingerprint,
      })
      .strict(),
    output: consentRecordSchema,
  }),
  'consent.correct': channel({
    summary:
      'Correct a person’s latest consent record entered by mistake: a new record that names the one it corrects, with the reason; the earlier one is kept, marked corrected. A correction that takes away consent to take part asks for confirmation, then has the same effect as withdrawing it (see participants.previewWithdrawal).',
    invalidates: ['participants', 'plan', 'focusGroups', 'chemistry', 'training', 'matching', 'pairs', 'meetings', 'logs', 'interviews'],
    input: z
      .object({
        id: entityId,
        formId: entityId,
        givenOn: isoDate,
        choices: consentChoicesSchema,
        reason: requiredText('Reason for the correction', 2000),
        /** When the correction takes away consent to take part: also withdraw the person from the scheme. */
        withdrawParticipant: z.boolean().default(true),
        previewFingerprint,
        confirmed: confirmations(['ends-taking-part']),
      })
      .strict(),
    output: consentRecordSchema,
  }),
} as const;
