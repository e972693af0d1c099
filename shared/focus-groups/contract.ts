import { z } from 'zod';
import { channel } from '../contract/define';
import { byId, byPilot, entityId, isoDate, optionalText, requiredText } from '../contract/common';
import { confirmations } from '../contract/confirm';

export const focusGroupAudience = z.enum(['staff', 'students', 'mixed']);
export type FocusGroupAudience = z.infer<typeof focusGroupAudience>;
export const audienceLabels: Record<FocusGroupAudience, string> = { staff: 'Staff', students: 'Students', mixed: 'Staff and students' };

const count = z.number().int('Whole people only').min(0, 'Cannot be negative').max(10_000);

/** Attendance either as named people from the register, or as head counts when names were not taken. */
export const attendanceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('named'), participantIds: z.array(entityId).max(500) }),
  z.object({ mode: z.literal('counts'), staff: count, students: count }),
]);
export type Attendance = z.infer<typeof attendanceSchema>;

export const focusGroupDraft = z.object({
  heldOn: isoDate,
  audience: focusGroupAudience,
  facilitator: optionalText('Facilitator', 200).default(''),
  attendance: attendanceSchema.default({ mode: 'counts', staff: 0, students: 0 }),
  notes: optionalText('Notes', 100_000).default(''),
});
export type FocusGroupDraft = z.input<typeof focusGroupDraft>;
/** A session dated after the pilot, or more than about six months before it, asks for confirmation (shared/contract/confirm.ts). */
export const focusGroupConfirmations = confirmations(['outside-pilot']);

export const findingSchema = z.object({
  id: entityId,
  focusGroupId: entityId,
  text: z.string(),
  themeIds: z.array(entityId),
});
export type Finding = z.infer<typeof findingSchema>;

export const focusGroupSchema = z.object({
  id: entityId,
  pilotId: entityId,
  heldOn: isoDate,
  audience: focusGroupAudience,
  facilitator: z.string(),
  attendance: attendanceSchema,
  /** Named attendees' names, in the order given (for display). */
  attendeeNames: z.array(z.string()),
  notes: z.string(),
  findings: z.array(findingSchema),
});
export type FocusGroup = z.infer<typeof focusGroupSchema>;

export const findingDraft = z.object({
  text: requiredText('Finding', 4000),
  themeIds: z.array(entityId).max(100).default([]),
});

export const focusGroupsContract = {
  'focusGroups.list': channel({
    summary: 'The focus groups of a pilot, most recent first, with their findings.',
    input: byPilot,
    output: z.array(focusGroupSchema),
  }),
  'focusGroups.get': channel({ summary: 'One focus group with its findings.', input: byId, output: focusGroupSchema }),
  'focusGroups.create': channel({
    summary: 'Record a focus group session: date, audience, facilitator, attendance and notes.',
    invalidates: ['focusGroups', 'plan'],
    input: z.object({ pilotId: entityId, focusGroup: focusGroupDraft, confirmed: focusGroupConfirmations }).strict(),
    output: focusGroupSchema,
  }),
  'focusGroups.update': channel({
    summary: 'Change a focus group session.',
    invalidates: ['focusGroups', 'plan'],
    input: z.object({ id: entityId, focusGroup: focusGroupDraft, confirmed: focusGroupConfirmations }).strict(),
    output: focusGroupSchema,
  }),
  'focusGroups.delete': channel({
    summary: 'Delete a focus group session and its findings.',
    invalidates: ['focusGroups', 'plan'],
    input: byId,
    output: z.null(),
  }),
  'findings.create': channel({
    summary: 'Add a finding to a focus group, linked to the themes it informed.',
    invalidates: ['focusGroups', 'plan'],
    input: z.object({ focusGroupId: entityId, finding: findingDraft }).strict(),
    output: findingSchema,
  }),
  'findings.update': channel({
    summary: 'Change a finding’s text or the themes it is linked to.',
    invalidates: ['focusGroups', 'plan'],
    input: z.object({ id: entityId, finding: findingDraft }).strict(),
    output: findingSchema,
  }),
  'findings.delete': channel({
    summary: 'Remove a finding.',
    invalidates: ['focusGroups', 'plan'],
    input: byId,
    output: z.null(),
  }),
} as const;
