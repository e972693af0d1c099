import { z } from 'zod';
import { channel } from '../contract/define';
import { byId, entityId, isoDate, timestamp } from '../contract/common';
import { willingness } from '../chemistry/contract';
import { logState, meetingDue, meetingStatus } from '../meetings/contract';
import { participantRole } from './contract';

/** The other person of a pair or a chemistry meeting, with what tells them apart from a namesake. */
const otherPerson = z.object({ id: entityId, name: z.string(), role: participantRole, department: z.string(), email: z.string() });
export type OtherPerson = z.infer<typeof otherPerson>;

export const profileChemistrySchema = z.object({
  id: entityId,
  heldOn: isoDate,
  happened: z.boolean(),
  partner: otherPerson,
  /** What this person said, and what the other person said, about being paired. */
  own: willingness.nullable(),
  partners: willingness.nullable(),
});

export const profileTrainingSchema = z.object({ sessionId: entityId, heldOn: isoDate, topics: z.array(z.string()) });

export const profilePairSchema = z.object({
  id: entityId,
  partner: otherPerson,
  confirmedAt: timestamp,
  endedAt: timestamp.nullable(),
  endReason: z.string().nullable(),
});

export const profileMeetingSchema = z.object({
  id: entityId,
  pairId: entityId,
  partnerName: z.string(),
  sequence: z.number().int(),
  themeTitle: z.string(),
  date: isoDate,
  status: meetingStatus,
  due: meetingDue,
  /** This person's log for the meeting; `missing` once held means they owe one. */
  log: logState,
});

/**
 * Everything about one person beyond their own record (participants.get), each stage in a section
 * of its own. A later stage (surveys, interviews) adds its section here and its reader in
 * electron/core/participants/profile.ts; the person's page shows sections it knows.
 */
export const personProfileSchema = z.object({
  participantId: entityId,
  chemistry: z.array(profileChemistrySchema),
  training: z.array(profileTrainingSchema),
  pairs: z.array(profilePairSchema),
  meetings: z.array(profileMeetingSchema),
  /** Counts over `meetings`, for the section's summary line. */
  meetingCounts: z.object({ held: z.number().int(), due: z.number().int(), overdue: z.number().int() }),
  logs: z.object({ submitted: z.number().int(), drafts: z.number().int(), notProvided: z.number().int(), owed: z.number().int() }),
});
export type PersonProfile = z.infer<typeof personProfileSchema>;

export const participantProfileContract = {
  'participants.profile': channel({
    summary: 'Everything about one person, linked: chemistry answers, training attended, current and past pairs, meetings (held, due, overdue) and their logs.',
    input: byId,
    output: personProfileSchema,
  }),
} as const;
