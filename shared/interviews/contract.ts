import { z } from 'zod';
import { channel, roles } from '../contract/define';
import { byPilot, entityId, isoDate, optionalText, requiredText } from '../contract/common';
import { confirmations } from '../contract/confirm';
import { pageWindow } from '../contract/lists';

/** Closing interviews (stage 11): interviewers, the guide, the schedule, the consent check and notes. */

export const guideAudience = z.enum(['everyone', 'mentor', 'mentee']);
export type GuideAudience = z.infer<typeof guideAudience>;
export const guideAudienceLabels: Record<GuideAudience, string> = { everyone: 'Everyone', mentor: 'Mentors (students)', mentee: 'Mentees (staff)' };

export const interviewStatus = z.enum(['scheduled', 'done', 'cancelled']);
export type InterviewStatus = z.infer<typeof interviewStatus>;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 14:30');
const onlineLink = z
  .string()
  .trim()
  .max(500, 'A link is at most 500 characters')
  .refine((text) => text === '' || /^https:\/\/[^\s]+$/.test(text), 'An online link starts with https:// and has no spaces');
const email = z.string().trim().min(1, 'Enter the interviewer’s email').max(254, 'An email is at most 254 characters').email('Enter an email like name@example.ac.uk');

export const interviewerSchema = z.object({ id: entityId, name: z.string(), email: z.string(), scheduled: z.number().int() });
export type Interviewer = z.infer<typeof interviewerSchema>;

export const guideQuestionDraft = z.object({
  question: requiredText('Question', 1000),
  prompts: z.array(requiredText('Follow-up prompt', 500)).max(10, 'At most 10 follow-up prompts per question').default([]),
});
export type GuideQuestionDraft = z.input<typeof guideQuestionDraft>;

export const guideSchema = z.object({
  id: entityId,
  audience: guideAudience,
  title: z.string(),
  version: z.number().int(),
  /** Used by an interview that has started (consent checked or notes written): saving makes a new version. */
  used: z.boolean(),
  questions: z.array(z.object({ id: entityId, position: z.number().int(), question: z.string(), prompts: z.array(z.string()) })),
});
export type Guide = z.infer<typeof guideSchema>;

/** The consents an interviewer sees: copied from the register whenever the coordinator's session changes or schedules them. */
export const consentSnapshot = z.object({
  takePart: z.boolean(),
  audioRecording: z.boolean(),
  directQuotes: z.boolean(),
  archiving: z.boolean(),
  withdrawn: z.boolean(),
  copiedAt: z.string(),
});
export type ConsentSnapshot = z.infer<typeof consentSnapshot>;

export const interviewRow = z.object({
  id: entityId,
  pilotId: entityId,
  participantId: entityId,
  personName: z.string(),
  personRole: z.enum(['mentor', 'mentee']),
  interviewerId: entityId,
  interviewerName: z.string(),
  scheduledOn: z.string(),
  startsAt: z.string(),
  place: z.string(),
  onlineLink: z.string(),
  status: interviewStatus,
  cancelReason: z.string().nullable(),
  consentCheckedAt: z.string().nullable(),
});
export type InterviewRow = z.infer<typeof interviewRow>;

export const interviewDetail = interviewRow.extend({
  consent: consentSnapshot,
  guide: guideSchema.nullable(),
  /** Notes by guide question id; 0 holds the general notes. */
  notes: z.array(z.object({ questionId: z.number().int(), body: z.string(), updatedAt: z.string() })),
  /** Why this interview cannot be recorded now (withdrawn, cancelled, no audio consent, consent not yet checked); null when it can. */
  recordingUnavailable: z.string().nullable(),
});
export type InterviewDetail = z.infer<typeof interviewDetail>;

/** One of a person's interviews as their page lists it. */
export const personInterviewRow = z.object({
  id: entityId,
  scheduledOn: isoDate,
  startsAt: z.string(),
  status: interviewStatus,
  interviewer: z.string(),
  recordings: z.number().int(),
  transcript: z.boolean(),
});
export type PersonInterviewRow = z.infer<typeof personInterviewRow>;

const schedule = {
  interviewerId: entityId,
  scheduledOn: isoDate,
  startsAt: time,
  place: optionalText('Place', 200).default(''),
  onlineLink: onlineLink.default(''),
};

/** An interview dated outside the pilot's dates is usually a typo: it asks for confirmation (shared/contract/confirm.ts). */
export const interviewDateConfirmations = confirmations(['outside-pilot']);

const byInterview = z.object({ interviewId: entityId }).strict();
const both = roles;

export const interviewsContract = {
  'interviews.interviewers': channel({
    summary: 'The interviewers who can open the vault with their own passphrase, with how many interviews each has scheduled.',
    input: z.object({}).strict(),
    output: z.array(interviewerSchema),
  }),
  'interviews.addInterviewer': channel({
    summary:
      'Add an interviewer: their name, email and their own passphrase (typed by them, strength-checked). Their key slot opens the interview database only.',
    invalidates: ['interviews'],
    input: z.object({ name: requiredText('Name', 200), email, passphrase: z.string().min(1, 'The interviewer types their passphrase').max(1024, 'A passphrase is at most 1024 characters') }).strict(),
    output: interviewerSchema,
  }),
  'interviews.removeInterviewer': channel({
    summary: 'Remove an interviewer: their key slot is deleted, so their passphrase opens nothing. Refused while they have scheduled interviews.',
    invalidates: ['interviews'],
    input: z.object({ interviewerId: entityId }).strict(),
    output: z.null(),
  }),
  'interviews.guides': channel({
    summary: 'The pilot’s current interview guides (one for everyone, or one for mentors and one for mentees), with their questions.',
    input: byPilot,
    output: z.array(guideSchema),
  }),
  'interviews.startGuide': channel({
    summary: 'Start a guide from the seeds’ themes (experience of the scheme, what changed, the training, the themes, what they would change).',
    invalidates: ['interviews'],
    input: z.object({ pilotId: entityId, audience: guideAudience }).strict(),
    output: guideSchema,
  }),
  'interviews.saveGuide': channel({
    summary: 'Save a guide’s title and ordered questions; a guide already used by an interview is kept and saved as a new version.',
    invalidates: ['interviews'],
    input: z.object({ pilotId: entityId, audience: guideAudience, title: requiredText('Title', 200), questions: z.array(guideQuestionDraft).min(1, 'A guide needs at least one question').max(40, 'At most 40 questions') }).strict(),
    output: guideSchema,
  }),
  'interviews.list': channel({
    summary: 'The pilot’s interviews, a page at a time, by status.',
    input: z.object({ pilotId: entityId, status: z.enum(['all', ...interviewStatus.options]).default('all'), ...pageWindow({ defaultLimit: 25, maxLimit: 200 }) }).strict(),
    output: z.object({ total: z.number().int(), rows: z.array(interviewRow) }),
  }),
  'interviews.schedule': channel({
    summary: 'Schedule a closing interview with a participant who consented to take part: interviewer, date, time, place or online link. Their name and consents are copied for the interviewer.',
    invalidates: ['interviews', 'dashboard', 'plan'],
    input: z.object({ pilotId: entityId, participantId: entityId, ...schedule, confirmed: interviewDateConfirmations }).strict(),
    output: interviewRow,
  }),
  'interviews.reschedule': channel({
    summary: 'Change a scheduled interview’s interviewer, date, time, place or link.',
    invalidates: ['interviews', 'dashboard', 'plan'],
    input: z.object({ pilotId: entityId, interviewId: entityId, ...schedule, confirmed: interviewDateConfirmations }).strict(),
    output: interviewRow,
  }),
  'interviews.cancel': channel({
    summary: 'Cancel a scheduled interview with a reason (kept, with its notes).',
    invalidates: ['interviews', 'dashboard', 'plan'],
    input: z.object({ pilotId: entityId, interviewId: entityId, reason: requiredText('Reason', 500) }).strict(),
    output: interviewRow,
  }),
  'interviews.mine': channel({
    summary: 'The signed-in interviewer’s own interviews (scheduled first, then done).',
    input: z.object({}).strict(),
    output: z.array(interviewRow),
    access: ['interviewer'],
  }),
  'interviews.detail': channel({
    summary: 'One interview: the person’s display name and consents, the guide, notes, and whether recording is possible. An interviewer sees only their own.',
    input: byInterview,
    output: interviewDetail,
    access: both,
  }),
  'interviews.checkConsent': channel({
    summary: 'Record that the person’s consents were checked with them before the interview (audited). Refused without consent to take part.',
    invalidates: ['interviews'],
    input: byInterview,
    output: interviewDetail,
    access: both,
  }),
  'interviews.saveNotes': channel({
    summary: 'Save the notes for one guide question (or the general notes, question 0) of an interview whose consent was checked.',
    invalidates: ['interviews'],
    input: z.object({ interviewId: entityId, questionId: z.number().int().min(0), body: optionalText('Notes', 100_000).default('') }).strict(),
    output: z.object({ updatedAt: z.string() }),
    access: both,
  }),
  'interviews.markDone': channel({
    summary: 'Mark an interview as done (after its consent check).',
    invalidates: ['interviews', 'dashboard', 'plan'],
    input: byInterview,
    output: interviewDetail,
    access: both,
  }),
  'interviews.ofPerson': channel({
    summary: 'One person’s closing interviews, for their page: when, with whom, their state, how many recordings and whether there is a transcript.',
    input: z.object({ participantId: entityId }).strict(),
    output: z.array(personInterviewRow),
  }),
  'interviews.changeMyPassphrase': channel({
    summary: 'An interviewer changes their own passphrase: the current one first, then a new strong one. Their key slot is wrapped again; nothing else changes.',
    invalidates: [],
    input: z
      .object({
        current: z.string().min(1, 'Enter your current passphrase').max(1024, 'A passphrase is at most 1024 characters'),
        next: z.string().min(1, 'Choose a new passphrase').max(1024, 'A passphrase is at most 1024 characters'),
      })
      .strict(),
    output: z.null(),
    access: ['interviewer'],
  }),
} as const;
