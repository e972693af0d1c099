import { z } from 'zod';
import { channel } from '../contract/define';
import { byId, byPilot, entityId, isoDate, optionalText, requiredText } from '../contract/common';
import { confirmations } from '../contract/confirm';

/**
 * Group reflection (stage 12): an end-of-scheme event (or several) where mentors and mentees look
 * back together. Modelled on focus groups: date, place, attendance, notes, findings linked to themes.
 */

/** Attendance as named people from the register, or as one head count when names were not taken. */
export const reflectionAttendanceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('named'), participantIds: z.array(entityId).max(500) }),
  z.object({ mode: z.literal('counted'), headCount: z.number().int('Whole people only').min(0, 'Cannot be negative').max(10_000, 'At most 10,000 people') }),
]);
export type ReflectionAttendance = z.infer<typeof reflectionAttendanceSchema>;

export const groupReflectionDraft = z.object({
  heldOn: isoDate,
  place: optionalText('Place', 200).default(''),
  attendance: reflectionAttendanceSchema.default({ mode: 'counted', headCount: 0 }),
  notes: optionalText('Notes', 100_000).default(''),
});
export type GroupReflectionDraft = z.input<typeof groupReflectionDraft>;
/** An event dated outside the pilot's dates is usually a typo: it asks for confirmation. */
export const groupReflectionConfirmations = confirmations(['outside-pilot']);

/** A named attendee; a withdrawn person stays listed as having attended, marked as withdrawn. */
export const reflectionAttendeeSchema = z.object({ id: entityId, name: z.string(), withdrawn: z.boolean() });

export const reflectionFindingSchema = z.object({
  id: entityId,
  groupReflectionId: entityId,
  text: z.string(),
  themeIds: z.array(entityId),
});
export type ReflectionFinding = z.infer<typeof reflectionFindingSchema>;

export const groupReflectionSchema = z.object({
  id: entityId,
  pilotId: entityId,
  heldOn: isoDate,
  place: z.string(),
  attendance: reflectionAttendanceSchema,
  /** Named attendees in the order given (empty when counted). */
  attendees: z.array(reflectionAttendeeSchema),
  notes: z.string(),
  findingCount: z.number().int(),
});
export type GroupReflection = z.infer<typeof groupReflectionSchema>;

/** At most this many findings per event: a reflection yields a handful, and the screen lists them all. */
export const MAX_REFLECTION_FINDINGS = 200;

export const reflectionFindingDraft = z.object({
  text: requiredText('Finding', 4000),
  themeIds: z.array(entityId).max(100).default([]),
});

export const groupReflectionContract = {
  'groupReflections.list': channel({
    summary: 'The group reflection events of a pilot, most recent first, with how many findings each has.',
    input: byPilot,
    output: z.array(groupReflectionSchema),
  }),
  'groupReflections.get': channel({
    summary: 'One group reflection event with its findings (in the order recorded).',
    input: byId,
    output: groupReflectionSchema.extend({ findings: z.array(reflectionFindingSchema) }),
  }),
  'groupReflections.create': channel({
    summary: 'Record a group reflection event: date, place, attendance and notes.',
    invalidates: ['groupReflections'],
    input: z.object({ pilotId: entityId, event: groupReflectionDraft, confirmed: groupReflectionConfirmations }).strict(),
    output: groupReflectionSchema,
  }),
  'groupReflections.update': channel({
    summary: 'Change a group reflection event’s date, place, attendance or notes.',
    invalidates: ['groupReflections'],
    input: z.object({ id: entityId, event: groupReflectionDraft, confirmed: groupReflectionConfirmations }).strict(),
    output: groupReflectionSchema,
  }),
  'groupReflections.saveNotes': channel({
    summary: 'Save a group reflection event’s notes (the screen saves them as they are typed).',
    invalidates: ['groupReflections'],
    input: z.object({ id: entityId, notes: optionalText('Notes', 100_000) }).strict(),
    output: z.null(),
  }),
  'groupReflections.delete': channel({
    summary: 'Delete a group reflection event, its attendance and its findings.',
    invalidates: ['groupReflections'],
    input: byId,
    output: z.null(),
  }),
  'groupReflections.addFinding': channel({
    summary: 'Add a finding to a group reflection event, linked to the themes it speaks to.',
    invalidates: ['groupReflections'],
    input: z.object({ groupReflectionId: entityId, finding: reflectionFindingDraft }).strict(),
    output: reflectionFindingSchema,
  }),
  'groupReflections.updateFinding': channel({
    summary: 'Change a group reflection finding’s text or themes.',
    invalidates: ['groupReflections'],
    input: z.object({ id: entityId, finding: reflectionFindingDraft }).strict(),
    output: reflectionFindingSchema,
  }),
  'groupReflections.deleteFinding': channel({
    summary: 'Remove a group reflection finding.',
    invalidates: ['groupReflections'],
    input: byId,
    output: z.null(),
  }),
  'groupReflections.ofPerson': channel({
    summary: 'The group reflection events one person is named as attending, for their page.',
    input: z.object({ participantId: entityId }).strict(),
    output: z.array(z.object({ id: entityId, heldOn: isoDate, place: z.string() })),
  }),
} as const;
