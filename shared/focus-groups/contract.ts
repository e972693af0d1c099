import { z } from 'zod';
import { channel } from '../contract/define';
import { byId, byPilot, entityId, isoDate, optionalText, requiredText } from '../contract/common';
import { confirmations } from '../contract/confirm';
import { pageOf, pageWindow, searchText } from '../contract/lists';

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

/** Which findings of a session a page shows: by theme ('none': linked to no theme yet) and by words in the text. */
export const findingsPageInput = z
  .object({
    focusGroupId: entityId,
    themeId: z.union([entityId, z.literal('none')]).optional(),
    /** Words in the finding's text. */
    search: searchText,
    ...pageWindow({ defaultLimit: 20, maxLimit: 200 }),
  })
  .strict();

/** Findings matching the theme and search, each with its number in the session (1 = recorded first) whatever the filter, and: */
export const findingsPageSchema = pageOf(findingSchema.extend({ number: z.number().int() })).extend({
  /** All the session's findings, whatever the filter. */
  inSession: z.number().int(),
});
export type FindingsPage = z.infer<typeof findingsPageSchema>;

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
  /** How many findings it has; the findings themselves come a page at a time (focusGroups.findings). */
  findingCount: z.number().int(),
});
export type FocusGroup = z.infer<typeof focusGroupSchema>;

export const findingDraft = z.object({
  text: requiredText('Finding', 4000),
  themeIds: z.array(entityId).max(100).default([]),
});

export const focusGroupsContract = {
  'focusGroups.list': channel({
    summary: 'The focus groups of a pilot, most recent first, with how many findings each has.',
    input: byPilot,
    output: z.array(focusGroupSchema),
  }),
  'focusGroups.get': channel({ summary: 'One focus group, with how many findings it has.', input: byId, output: focusGroupSchema }),
  'focusGroups.findings': channel({
    summary: 'One page of a focus group’s findings (in the order recorded), filtered by theme and by words in the text.',
    input: findingsPageInput,
    output: findingsPageSchema,
  }),
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
