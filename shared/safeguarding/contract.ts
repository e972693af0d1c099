import { z } from 'zod';
import { channel } from '../contract/define';
import { byId, entityId, isoDate, optionalText, requiredText, timestamp } from '../contract/common';
import { pageWindow } from '../contract/lists';
import { participantRole, participantStatus } from '../participants/contract';

/**
 * The safeguarding and wellbeing register (stage 9): the most protected part of the vault. Every
 * channel here but the step-up itself and the dashboard's counts declares `stepUp`: the registry
 * answers it only within a few minutes of the passphrase being given again, and every read of a
 * concern appends an audit entry. Nothing here ever goes into another channel's output or an export.
 */

export const concernCategories = ['wellbeing', 'safeguarding', 'conduct', 'dignity-at-work', 'other'] as const;
export type ConcernCategory = (typeof concernCategories)[number];
export const categoryLabels: Record<ConcernCategory, string> = {
  wellbeing: 'Wellbeing',
  safeguarding: 'Safeguarding',
  conduct: 'Conduct',
  'dignity-at-work': 'Dignity at work',
  other: 'Other',
};

/** Lowest to highest. */
export const riskLevels = ['low', 'medium', 'high', 'immediate'] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const riskLabels: Record<RiskLevel, string> = { low: 'Low', medium: 'Medium', high: 'High', immediate: 'Immediate risk' };

/** How the concern reached the coordinator. */
export const raisedVias = ['meeting', 'log', 'interview', 'direct'] as const;
export type RaisedVia = (typeof raisedVias)[number];
export const raisedViaLabels: Record<RaisedVia, string> = { meeting: 'In a mentoring meeting', log: 'In a reflective log', interview: 'In a closing interview', direct: 'Direct contact' };

/** Who raised it, relative to the person it is about. */
export const raisers = ['participant', 'partner', 'coordinator', 'other'] as const;
export type Raiser = (typeof raisers)[number];
export const raiserLabels: Record<Raiser, string> = { participant: 'The person it is about', partner: 'Their mentoring partner', coordinator: 'The coordinator', other: 'Someone else' };

export const concernStatuses = ['open', 'closed'] as const;
export type ConcernStatus = (typeof concernStatuses)[number];

/** The step-up lasts this long after the last use of the register, and never longer than the limit after the passphrase was given. */
export const STEP_UP_IDLE_MINUTES = 5;
export const STEP_UP_LIMIT_MINUTES = 30;

/** Where "Raise a concern" was pressed: the link it pre-fills (an interview joins when interviews exist). */
export const concernSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('meeting'), meetingId: entityId }).strict(),
  z.object({ kind: z.literal('log'), meetingId: entityId, authorId: entityId }).strict(),
  z.object({ kind: z.literal('participant'), participantId: entityId }).strict(),
  z.object({ kind: z.literal('pilot'), pilotId: entityId }).strict(),
]);
export type ConcernSource = z.infer<typeof concernSource>;

/** A concern is about someone: a participant, or a person described in words. */
export const aboutSomeone = (details: { aboutParticipantId: number | null; aboutOther: string }) => details.aboutParticipantId !== null || details.aboutOther.length > 0;
export const aboutMessage = { message: 'Say who the concern is about: choose a participant, or describe the person', path: ['aboutOther'] };

export const concernDetails = z
  .object({
    raisedOn: isoDate,
    raisedVia: z.enum(raisedVias),
    raisedBy: z.enum(raisers),
    /** A participant of the pilot, or null with `aboutOther` saying who (someone outside the scheme). */
    aboutParticipantId: entityId.nullable(),
    aboutOther: optionalText('Who it is about', 200).default(''),
    category: z.enum(concernCategories),
    risk: z.enum(riskLevels),
    whatWasSaid: requiredText('What was said', 20_000),
  })
  .strict()
  .refine(aboutSomeone, aboutMessage);
export type ConcernDetails = z.infer<typeof concernDetails>;
export type ConcernDetailsDraft = z.input<typeof concernDetails>;

export const referralDraft = z
  .object({
    service: requiredText('Service', 200),
    referredOn: isoDate,
    note: optionalText('Note', 4000).default(''),
    outcome: optionalText('Outcome', 4000).default(''),
    outcomeOn: isoDate.nullable().default(null),
  })
  .strict();
export type ReferralDraft = z.input<typeof referralDraft>;

export const followUpDraft = z
  .object({
    dueOn: isoDate,
    what: requiredText('What to follow up', 1000),
    doneOn: isoDate.nullable().default(null),
    doneNote: optionalText('Note', 4000).default(''),
  })
  .strict();
export type FollowUpDraft = z.input<typeof followUpDraft>;

export const concernStepSchema = z.object({
  id: entityId,
  position: z.number().int(),
  text: z.string(),
  /** Copied from the plan's support protocol (true), or added for this concern. */
  fromProtocol: z.boolean(),
  doneOn: isoDate.nullable(),
  note: z.string(),
});
export type ConcernStep = z.infer<typeof concernStepSchema>;

export const referralSchema = z.object({ id: entityId, service: z.string(), referredOn: isoDate, note: z.string(), outcome: z.string(), outcomeOn: isoDate.nullable() });
export type Referral = z.infer<typeof referralSchema>;

export const followUpSchema = z.object({ id: entityId, dueOn: isoDate, what: z.string(), doneOn: isoDate.nullable(), doneNote: z.string(), overdue: z.boolean() });
export type FollowUp = z.infer<typeof followUpSchema>;

export const historyEntrySchema = z.object({ id: entityId, at: timestamp, change: z.string() });
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

const personRef = z.object({ id: entityId, name: z.string(), role: participantRole, status: participantStatus });

export const concernLinkSchema = z.object({
  meeting: z.object({ id: entityId, pairId: entityId, sequence: z.number().int(), date: isoDate, themeTitle: z.string(), mentorName: z.string(), menteeName: z.string() }).nullable(),
  /** The reflective log it was raised from: its meeting is `meeting`. */
  log: z.object({ id: entityId.nullable(), authorId: entityId, authorName: z.string() }).nullable(),
});
export type ConcernLink = z.infer<typeof concernLinkSchema>;

/** When a closed concern may be deleted: the pilot's concern retention after closure, when it is set. */
const retention = {
  keepUntil: isoDate.nullable(),
  pastRetention: z.boolean(),
};

export const concernSchema = z.object({
  id: entityId,
  pilotId: entityId,
  raisedOn: isoDate,
  raisedVia: z.enum(raisedVias),
  raisedBy: z.enum(raisers),
  about: personRef.nullable(),
  aboutOther: z.string(),
  category: z.enum(concernCategories),
  risk: z.enum(riskLevels),
  whatWasSaid: z.string(),
  link: concernLinkSchema,
  status: z.enum(concernStatuses),
  outcome: z.string(),
  closedOn: isoDate.nullable(),
  ...retention,
  steps: z.array(concernStepSchema),
  referrals: z.array(referralSchema),
  followUps: z.array(followUpSchema),
  /** Newest first. */
  history: z.array(historyEntrySchema),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Concern = z.infer<typeof concernSchema>;

export const concernRowSchema = z.object({
  id: entityId,
  raisedOn: isoDate,
  raisedVia: z.enum(raisedVias),
  category: z.enum(concernCategories),
  risk: z.enum(riskLevels),
  status: z.enum(concernStatuses),
  /** The participant's name, or the description of someone outside the scheme. */
  aboutName: z.string(),
  nextFollowUpOn: isoDate.nullable(),
  overdueFollowUps: z.number().int(),
  stepsDone: z.number().int(),
  stepsTotal: z.number().int(),
  closedOn: isoDate.nullable(),
  ...retention,
});
export type ConcernRow = z.infer<typeof concernRowSchema>;

export const CONCERN_PAGE_SIZE = 25;

export const concernListSchema = z.object({
  rows: z.array(concernRowSchema),
  offset: z.number().int(),
  /** Concerns matching the filters. */
  total: z.number().int(),
});
export type ConcernList = z.infer<typeof concernListSchema>;

/** Counts only: what the dashboard may show without the step-up. No text, no names. */
export const concernSummarySchema = z.object({
  open: z.number().int(),
  overdueFollowUps: z.number().int(),
  /** Closed concerns kept longer than the pilot's concern retention period. */
  pastRetention: z.number().int(),
});
export type ConcernSummary = z.infer<typeof concernSummarySchema>;

export const concernPrefillSchema = z.object({
  pilotId: entityId,
  raisedVia: z.enum(raisedVias),
  raisedBy: z.enum(raisers).nullable(),
  aboutParticipantId: entityId.nullable(),
  link: concernLinkSchema,
});
export type ConcernPrefill = z.infer<typeof concernPrefillSchema>;

export const stepUpStatusSchema = z.object({
  open: z.boolean(),
  /** When the register closes unless it is used again before then. */
  expiresAt: timestamp.nullable(),
});
export type StepUpStatus = z.infer<typeof stepUpStatusSchema>;

const listFilters = z
  .object({
    pilotId: entityId,
    status: z.enum([...concernStatuses, 'all']).default('open'),
    risk: z.enum(riskLevels).nullable().default(null),
    category: z.enum(concernCategories).nullable().default(null),
    /** Only concerns with a follow-up past its date. */
    overdueOnly: z.boolean().default(false),
    ...pageWindow({ defaultLimit: CONCERN_PAGE_SIZE, maxLimit: 100, maxOffset: 100_000 }),
  })
  .strict();
export type ConcernFilters = z.input<typeof listFilters>;

const restricted = { stepUp: true, invalidates: ['safeguarding'] } as const;

export const safeguardingContract = {
  'safeguarding.stepUp': channel({
    summary: `Give the passphrase again to open the safeguarding register: it stays open ${STEP_UP_IDLE_MINUTES} minutes after its last use (at most ${STEP_UP_LIMIT_MINUTES}), and closes when the vault locks.`,
    invalidates: ['safeguarding'],
    input: z.object({ passphrase: z.string().min(1, 'Enter your passphrase').max(1024) }).strict(),
    output: stepUpStatusSchema,
  }),
  'safeguarding.stepUpStatus': channel({
    summary: 'Whether the safeguarding register is open (the passphrase was given again recently), and until when.',
    input: z.object({}).strict(),
    output: stepUpStatusSchema,
  }),
  'safeguarding.endStepUp': channel({
    summary: 'Close the safeguarding register now: the passphrase is asked again next time.',
    invalidates: ['safeguarding'],
    input: z.object({}).strict(),
    output: z.null(),
  }),
  'safeguarding.summary': channel({
    summary: 'For the dashboard: how many concerns are open, how many follow-ups are overdue and how many closed concerns are past retention. Counts only, no text or names; no step-up needed.',
    input: z.object({ pilotId: entityId }).strict(),
    output: concernSummarySchema,
  }),
  'safeguarding.prefill': channel({
    summary: 'What "Raise a concern" pre-fills from where it was pressed: the pilot, how it was raised, the meeting or log it came from, and who it is likely about.',
    stepUp: true,
    input: z.object({ source: concernSource }).strict(),
    output: concernPrefillSchema,
  }),
  'safeguarding.list': channel({
    summary: 'The concern register of a pilot, filtered by status, risk and category, a page at a time. The read is recorded in the audit trail.',
    stepUp: true,
    input: listFilters,
    output: concernListSchema,
  }),
  'safeguarding.get': channel({
    summary: 'One concern: what was said, its links, the protocol steps, referrals, follow-ups, outcome and history. The read is recorded in the audit trail.',
    stepUp: true,
    input: byId,
    output: concernSchema,
  }),
  'safeguarding.raise': channel({
    summary: 'Record a new concern, linked to where it was raised; the steps of the plan’s support protocol are copied onto it.',
    ...restricted,
    input: z.object({ source: concernSource, details: concernDetails }).strict(),
    output: concernSchema,
  }),
  'safeguarding.update': channel({
    summary: 'Change a concern’s details (who, category, risk, what was said); each change is kept in its history.',
    ...restricted,
    input: z.object({ id: entityId, details: concernDetails }).strict(),
    output: concernSchema,
  }),
  'safeguarding.recordStep': channel({
    summary: 'Mark a protocol step done on a date with a note, or not done (doneOn null).',
    ...restricted,
    input: z.object({ id: entityId, doneOn: isoDate.nullable(), note: optionalText('Note', 4000).default('') }).strict(),
    output: concernSchema,
  }),
  'safeguarding.addStep': channel({
    summary: 'Add a step taken for this concern that the support protocol does not list.',
    ...restricted,
    input: z.object({ concernId: entityId, text: requiredText('Step', 1000) }).strict(),
    output: concernSchema,
  }),
  'safeguarding.addProtocolSteps': channel({
    summary: 'Add the support protocol’s steps this concern does not have yet (after the protocol changed).',
    ...restricted,
    input: z.object({ concernId: entityId }).strict(),
    output: concernSchema,
  }),
  'safeguarding.addReferral': channel({
    summary: 'Record a referral to one of the university’s services, with its date (and outcome when known).',
    ...restricted,
    input: z.object({ concernId: entityId, referral: referralDraft }).strict(),
    output: concernSchema,
  }),
  'safeguarding.updateReferral': channel({
    summary: 'Change a referral, or record its outcome.',
    ...restricted,
    input: z.object({ id: entityId, referral: referralDraft }).strict(),
    output: concernSchema,
  }),
  'safeguarding.removeReferral': channel({
    summary: 'Remove a referral recorded by mistake (the history keeps that it was removed).',
    ...restricted,
    input: byId,
    output: concernSchema,
  }),
  'safeguarding.addFollowUp': channel({
    summary: 'Add a follow-up date: what to check, and when.',
    ...restricted,
    input: z.object({ concernId: entityId, followUp: followUpDraft }).strict(),
    output: concernSchema,
  }),
  'safeguarding.updateFollowUp': channel({
    summary: 'Change a follow-up, or mark it done on a date with a note.',
    ...restricted,
    input: z.object({ id: entityId, followUp: followUpDraft }).strict(),
    output: concernSchema,
  }),
  'safeguarding.removeFollowUp': channel({
    summary: 'Remove a follow-up that is no longer needed (the history keeps that it was removed).',
    ...restricted,
    input: byId,
    output: concernSchema,
  }),
  'safeguarding.close': channel({
    summary: 'Close a concern with its outcome, once no follow-up is still to do.',
    ...restricted,
    input: z.object({ id: entityId, closedOn: isoDate, outcome: requiredText('Outcome', 4000) }).strict(),
    output: concernSchema,
  }),
  'safeguarding.reopen': channel({
    summary: 'Reopen a closed concern, saying why (kept in its history).',
    ...restricted,
    input: z.object({ id: entityId, reason: requiredText('Reason', 1000) }).strict(),
    output: concernSchema,
  }),
} as const;
