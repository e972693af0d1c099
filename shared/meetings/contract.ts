import { z } from 'zod';
import { channel } from '../contract/define';
import { entityId, isoDate, optionalText, requiredText, timestamp } from '../contract/common';

export const meetingModes = ['in-person', 'online'] as const;
export const meetingMode = z.enum(meetingModes);
export type MeetingMode = z.infer<typeof meetingMode>;
export const meetingModeLabels: Record<MeetingMode, string> = { 'in-person': 'In person', online: 'Online' };

export const meetingStatus = z.enum(['scheduled', 'held', 'cancelled']);
export type MeetingStatus = z.infer<typeof meetingStatus>;
/** Where a meeting stands today: done, cancelled, overdue (scheduled in the past), due within 7 days, or later. */
export const meetingDue = z.enum(['done', 'cancelled', 'overdue', 'due-soon', 'upcoming']);
export type MeetingDue = z.infer<typeof meetingDue>;

export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 14:30');
const minutes = z.number().int('Whole minutes').min(5, 'At least 5 minutes').max(600, 'At most 10 hours');

export const logState = z.enum(['missing', 'draft', 'submitted', 'not-provided']);
export type LogState = z.infer<typeof logState>;

export const meetingSchema = z.object({
  id: entityId,
  pilotId: entityId,
  pairId: entityId,
  mentorId: entityId,
  mentorName: z.string(),
  menteeId: entityId,
  menteeName: z.string(),
  sequence: z.number().int(),
  of: z.number().int(),
  themeTitle: z.string(),
  iceBreakers: z.array(z.string()),
  date: isoDate,
  startTime: clockTime,
  durationMin: z.number().int(),
  mode: meetingMode,
  location: z.string(),
  status: meetingStatus,
  due: meetingDue,
  heldOn: isoDate.nullable(),
  actualDurationMin: z.number().int().nullable(),
  note: z.string(),
  rescheduleCount: z.number().int(),
  /** After a held meeting each of the two owes a reflective log. */
  logs: z.array(z.object({ authorId: entityId, authorName: z.string(), role: z.enum(['mentor', 'mentee']), state: logState })),
  updatedAt: timestamp,
});
export type Meeting = z.infer<typeof meetingSchema>;

export const pairProgressSchema = z.object({
  pairId: entityId,
  mentorName: z.string(),
  menteeName: z.string(),
  held: z.number().int(),
  cancelled: z.number().int(),
  total: z.number().int(),
  overdue: z.number().int(),
  nextDate: isoDate.nullable(),
  logsOwed: z.number().int(),
});

export const overviewSchema = z.object({
  today: isoDate,
  counts: z.object({ scheduled: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int(), held: z.number().int(), cancelled: z.number().int() }),
  overdue: z.array(meetingSchema),
  dueSoon: z.array(meetingSchema),
  pairs: z.array(pairProgressSchema),
});
export type MeetingsOverview = z.infer<typeof overviewSchema>;

export const shiftScope = z.union([z.object({ pilotId: entityId }).strict(), z.object({ pairId: entityId }).strict()]);
export const shiftInput = z
  .object({
    scope: shiftScope,
    /** Scheduled meetings on or after this date move. */
    from: isoDate,
    /** Days to move them by: a pause of two weeks is 14. */
    shiftDays: z.number().int('Whole days').min(-365).max(365),
    switchToOnline: z.boolean().default(false),
    note: optionalText('Note', 500).default(''),
  })
  .strict()
  .refine((s) => s.shiftDays !== 0 || s.switchToOnline, { message: 'Move the meetings by some days, or switch them online, or both', path: ['shiftDays'] });

export const shiftChangeSchema = z.object({
  meetingId: entityId,
  pairId: entityId,
  mentorName: z.string(),
  menteeName: z.string(),
  sequence: z.number().int(),
  fromDate: isoDate,
  toDate: isoDate,
  fromMode: meetingMode,
  toMode: meetingMode,
});
export type ShiftChange = z.infer<typeof shiftChangeSchema>;

export const icsExportSchema = z.object({ folder: z.string(), files: z.array(z.string()), events: z.number().int() });

export const meetingsContract = {
  'meetings.overview': channel({
    summary: 'What is overdue, due in the next 7 days and done across the scheme, and each pair’s progress.',
    input: z.object({ pilotId: entityId }).strict(),
    output: overviewSchema,
  }),
  'meetings.forPair': channel({
    summary: 'A pair’s meetings in order, with the state of each person’s reflective log.',
    input: z.object({ pairId: entityId }).strict(),
    output: z.array(meetingSchema),
  }),
  'meetings.markHeld': channel({
    summary: 'Mark a meeting held, with the actual date, duration and a note.',
    input: z.object({ id: entityId, heldOn: isoDate, actualDurationMin: minutes, note: optionalText('Note', 2000).default('') }).strict(),
    output: meetingSchema,
  }),
  'meetings.cancel': channel({
    summary: 'Cancel a meeting, saying why.',
    input: z.object({ id: entityId, note: requiredText('Reason', 2000) }).strict(),
    output: meetingSchema,
  }),
  'meetings.reschedule': channel({
    summary: 'Move a meeting to another date and time (and place or mode), with a note.',
    input: z
      .object({
        id: entityId,
        date: isoDate,
        startTime: clockTime,
        durationMin: minutes,
        mode: meetingMode,
        location: optionalText('Place or link', 500).default(''),
        note: optionalText('Note', 2000).default(''),
      })
      .strict(),
    output: meetingSchema,
  }),
  'meetings.previewShift': channel({
    summary: 'Contingency: the new schedule if the remaining meetings of a pair or of the whole scheme move (and/or go online). Saves nothing.',
    input: shiftInput,
    output: z.array(shiftChangeSchema),
  }),
  'meetings.applyShift': channel({
    summary: 'Contingency: move the remaining meetings of a pair or of the whole scheme, and/or switch them online.',
    input: shiftInput,
    output: z.array(shiftChangeSchema),
  }),
  'meetings.exportIcs': channel({
    summary: 'Write a pair’s or a person’s meetings as an .ics calendar file into a folder the coordinator picks (date, time, place or link, theme title only).',
    input: z.union([z.object({ pairId: entityId }).strict(), z.object({ participantId: entityId }).strict()]),
    output: icsExportSchema,
  }),
} as const;
