import { z } from 'zod';
import { channel } from '../contract/define';
import { byId, byPilot, entityId, isoDate, optionalText } from '../contract/common';

export const willingness = z.enum(['yes', 'maybe', 'no']);
export type Willingness = z.infer<typeof willingness>;
export const willingnessLabels: Record<Willingness, string> = { yes: 'Yes', maybe: 'Maybe', no: 'No' };

export const chemistryDraft = z.object({
  heldOn: isoDate,
  mentorId: entityId,
  menteeId: entityId,
  happened: z.boolean().default(true),
  /** Each side's answer to "would you like to work together?"; null until asked. */
  mentorWillingness: willingness.nullable().default(null),
  menteeWillingness: willingness.nullable().default(null),
  mentorNote: optionalText('Mentor’s note', 2000).default(''),
  menteeNote: optionalText('Mentee’s note', 2000).default(''),
});
export type ChemistryDraft = z.input<typeof chemistryDraft>;

export const chemistryMeetingSchema = z.object({
  id: entityId,
  pilotId: entityId,
  heldOn: isoDate,
  mentorId: entityId,
  mentorName: z.string(),
  menteeId: entityId,
  menteeName: z.string(),
  happened: z.boolean(),
  mentorWillingness: willingness.nullable(),
  menteeWillingness: willingness.nullable(),
  mentorNote: z.string(),
  menteeNote: z.string(),
});
export type ChemistryMeeting = z.infer<typeof chemistryMeetingSchema>;

export const chemistryContract = {
  'chemistry.list': channel({
    summary: 'The chemistry meetings of a pilot, with each side’s willingness to work together.',
    input: byPilot,
    output: z.array(chemistryMeetingSchema),
  }),
  'chemistry.create': channel({
    summary: 'Record a chemistry meeting between a mentor (student) and a mentee (staff); one per pair.',
    invalidates: ['chemistry', 'training', 'matching', 'pairs', 'participants'],
    input: z.object({ pilotId: entityId, meeting: chemistryDraft }).strict(),
    output: chemistryMeetingSchema,
  }),
  'chemistry.update': channel({
    summary: 'Change a chemistry meeting: whether it happened, the answers and notes.',
    invalidates: ['chemistry', 'training', 'matching', 'pairs', 'participants'],
    input: z.object({ id: entityId, meeting: chemistryDraft }).strict(),
    output: chemistryMeetingSchema,
  }),
  'chemistry.delete': channel({
    summary: 'Remove a chemistry meeting recorded by mistake; a "chemistry" stage it set is taken back.',
    invalidates: ['chemistry', 'training', 'matching', 'pairs', 'participants'],
    input: byId,
    output: z.null(),
  }),
} as const;
