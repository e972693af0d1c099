import { z } from 'zod';
import { channel } from '../contract/define';
import { byId, entityId, isoDate, optionalText, requiredText } from '../contract/common';

export const trainingAudience = z.enum(['mentors', 'mentees', 'both']);
export type TrainingAudience = z.infer<typeof trainingAudience>;
export const trainingAudienceLabels: Record<TrainingAudience, string> = { mentors: 'Mentors (students)', mentees: 'Mentees (staff)', both: 'Mentors and mentees' };
export const SUGGESTED_TRAINING_TOPICS = ['Confidentiality and its limits', 'The disclosure protocol', 'Reverse mentoring: roles and expectations', 'Writing reflective logs (Gibbs’ cycle)'] as const;

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
  attendees: z.array(z.object({ id: entityId, name: z.string(), role: z.enum(['mentor', 'mentee']) })),
  notes: z.string(),
});
export type TrainingSession = z.infer<typeof trainingSessionSchema>;

export const trainingContract = {
  'training.list': channel({
    summary: 'Training sessions of a pilot with their attendance.',
    input: z.object({ pilotId: entityId }).strict(),
    output: z.array(trainingSessionSchema),
  }),
  'training.create': channel({
    summary: 'Record a training session (date, audience, topics, attendance); attendees who were not yet trained become trained.',
    input: z.object({ pilotId: entityId, session: trainingDraft }).strict(),
    output: trainingSessionSchema,
  }),
  'training.update': channel({
    summary: 'Change a training session or its attendance.',
    input: z.object({ id: entityId, session: trainingDraft }).strict(),
    output: trainingSessionSchema,
  }),
  'training.delete': channel({ summary: 'Remove a training session recorded by mistake.', input: byId, output: z.null() }),
} as const;
