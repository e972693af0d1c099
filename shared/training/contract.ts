import { z } from 'zod';
import { channel } from '../contract/define';
import { byId, byPilot, entityId, isoDate, optionalText, requiredText } from '../contract/common';
import { participantRole, type ParticipantRole } from '../participants/contract';

export const trainingAudience = z.enum(['mentors', 'mentees', 'both']);
export type TrainingAudience = z.infer<typeof trainingAudience>;
export const trainingAudienceLabels: Record<TrainingAudience, string> = { mentors: 'Mentors (students)', mentees: 'Mentees (staff)', both: 'Mentors and mentees' };
export const SUGGESTED_TRAINING_TOPICS = ['Confidentiality and its limits', 'The disclosure protocol', 'Reverse mentoring: roles and expectations', 'Writing reflective logs (Gibbs’ cycle)'] as const;
/** Someone counts as trained once they have attended (on past dates) sessions for their role covering both. */
export const REQUIRED_TRAINING_TOPICS = ['Confidentiality and its limits', 'The disclosure protocol'] as const;

/** Whether a session for this audience is one a person of this role attends (the core and the form agree). */
export const audienceFits = (audience: TrainingAudience, role: ParticipantRole) => audience === 'both' || (audience === 'mentors' ? role === 'mentor' : role === 'mentee');
/** Attendance is taken only once a session has taken place: the core's refusal, and the form's. */
export const NOT_HELD_YET = 'This session has not taken place yet: record who attended once it has.';

export const trainingDraft = z.object({
  heldOn: isoDate,
  audience: trainingAudience,
  topics: z.array(requiredText('Topic', 200)).min(1, 'Name at least one topic').max(30),
  attendeeIds: z.array(entityId).max(2000).default([]),
  notes: optionalText('Notes', 20_000).default(''),
});
export type TrainingDraft = z.input<typeof trainingDraft>;

export const trainingSessionSchema = z.object({
  id: entityId,
  pilotId: entityId,
  heldOn: isoDate,
  audience: trainingAudience,
  topics: z.array(z.string()),
  attendees: z.array(z.object({ id: entityId, name: z.string(), role: participantRole })),
  notes: z.string(),
});
export type TrainingSession = z.infer<typeof trainingSessionSchema>;

export const trainingContract = {
  'training.list': channel({
    summary: 'Training sessions of a pilot with their attendance.',
    input: byPilot,
    output: z.array(trainingSessionSchema),
  }),
  'training.create': channel({
    summary: 'Record a training session (date, audience, topics, attendance once held); attendees become trained once their sessions have covered the required topics.',
    invalidates: ['chemistry', 'training', 'matching', 'pairs', 'participants'],
    input: z.object({ pilotId: entityId, session: trainingDraft }).strict(),
    output: trainingSessionSchema,
  }),
  'training.update': channel({
    summary: 'Change a training session or its attendance; a stage training no longer supports is taken back.',
    invalidates: ['chemistry', 'training', 'matching', 'pairs', 'participants'],
    input: z.object({ id: entityId, session: trainingDraft }).strict(),
    output: trainingSessionSchema,
  }),
  'training.delete': channel({
    summary: 'Remove a training session recorded by mistake, with its attendance; a stage it set is taken back.',
    invalidates: ['chemistry', 'training', 'matching', 'pairs', 'participants'],
    input: byId,
    output: z.null(),
  }),
} as const;
