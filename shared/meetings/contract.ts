import { z } from 'zod';
import { channel } from '../contract/define';
import { byPilot, entityId, isoDate, optionalText, requiredText, timestamp } from '../contract/common';
import { participantRole } from '../participants/contract';
import { confirmations } from '../contract/confirm';
import { pairSides } from '../contract/lists';

export const meetingModes = ['in-person', 'online'] as const;
export const meetingMode = z.enum(meetingModes);
export type MeetingMode = z.infer<typeof meetingMode>;
export const meetingModeLabels: Record<MeetingMode, string> = { 'in-person': 'In person', online: 'Online' };

export const meetingStatus = z.enum(['scheduled', 'held', 'cancelled']);
export type MeetingStatus = z.infer<typeof meetingStatus>;

/**
 * The meeting's life: a scheduled meeting is held, cancelled or moved (it stays scheduled). Held is
 * final, except that "mark held" can be undone for a while (UNDO_HELD_MINUTES, and only until a
 * log is written for it). A cancelled meeting can be restored to scheduled, as its own recorded change — so a calendar
 * that had it cancelled receives a newer version of it, never an older one.
 */
export type MeetingAction = 'hold' | 'cancel' | 'reschedule' | 'restore';
const meetingActions: Record<MeetingStatus, readonly MeetingAction[]> = {
  scheduled: ['hold', 'cancel', 'reschedule'],
  held: [],
  cancelled: ['restore'],
};
/** How long after "mark held" it can still be undone (as long as nobody has started a log for it). */
export const UNDO_HELD_MINUTES = 15;
export const canDo = (status: MeetingStatus, action: MeetingAction): boolean => meetingActions[status].includes(action);
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
  ...pairSides,
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
  logs: z.array(z.object({ authorId: entityId, authorName: z.string(), role: participantRole, state: logState })),
  updatedAt: timestamp,
});
export type Meeting = z.infer<typeof meetingSchema>;

/** One recorded change to a meeting's schedule, with its own note: notes are added, never overwritten. */
export const meetingChangeKinds = ['rescheduled', 'schedule-change', 'cancelled', 'restored'] as const;
export const meetingChangeSchema = z.object({
  at: timestamp,
  kind: z.enum(meetingChangeKinds),
  fromDate: isoDate.nullable(),
  toDate: isoDate.nullable(),
  fromMode: meetingMode.nullable(),
  toMode: meetingMode.nullable(),
  note: z.string(),
});
export type MeetingChange = z.infer<typeof meetingChangeSchema>;
export const meetingDetailSchema = meetingSchema.extend({ changes: z.array(meetingChangeSchema) });
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const pairMeetingsSchema = z.object({
  pairId: entityId,
  ...pairSides,
  /** An ended pair's meetings are kept as a record; none of them can change. */
  ended: z.boolean(),
  /** Set when the plan's meetings did not all fit before the scheme ends: what was done instead. */
  scheduleNote: z.string().nullable(),
  meetings: z.array(meetingDetailSchema),
});
export type PairMeetings = z.infer<typeof pairMeetingsSchema>;

export const pairProgressSchema = z.object({
  pairId: entityId,
  ...pairSides,
  held: z.number().int(),
  cancelled: z.number().int(),
  total: z.number().int(),
  overdue: z.number().int(),
  nextDate: isoDate.nullable(),
  logsOwed: z.number().int(),
});

export type PairProgress = z.infer<typeof pairProgressSchema>;

/** The scheme at a glance; the lists themselves come a page at a time (a scheme may have thousands of pairs). */
export const overviewSchema = z.object({
  today: isoDate,
  counts: z.object({ scheduled: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int(), held: z.number().int(), cancelled: z.number().int() }),
  /** Current (not ended) pairs. */
  pairs: z.number().int(),
});
export type MeetingsOverview = z.infer<typeof overviewSchema>;

/** Which meetings a scheme-wide list shows: overdue and due soon oldest first, done and cancelled newest first. */
export const meetingListKinds = ['overdue', 'due-soon', 'upcoming', 'done', 'cancelled'] as const;
export type MeetingListKind = (typeof meetingListKinds)[number];
const paging = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) };
const page = <T extends z.ZodType>(row: T) => z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(row) });
export type Page<T> = { total: number; offset: number; rows: T[] };

export const shiftScope = z.union([byPilot, z.object({ pairId: entityId }).strict()]);
export type ShiftScope = z.infer<typeof shiftScope>;
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
  /** Switching online replaces a room with the plan's online link (or nothing, to be added). */
  toLocation: z.string(),
});
export type ShiftChange = z.infer<typeof shiftChangeSchema>;

/** What a reschedule may ask to confirm: a length outside the plan's range, a weekend, a date outside the pilot. */
export const rescheduleWarnings = ['length', 'weekend', 'outside-pilot'] as const;
export type RescheduleWarning = (typeof rescheduleWarnings)[number];

export const icsExportSchema = z.object({ folder: z.string(), files: z.array(z.string()), events: z.number().int() });

export const meetingsContract = {
  'meetings.overview': channel({
    summary: 'How many meetings are overdue, due in the next 7 days, scheduled, held and cancelled across the scheme.',
    input: byPilot,
    output: overviewSchema,
  }),
  'meetings.list': channel({
    summary: 'One page of the scheme’s overdue, due-soon, upcoming, done or cancelled meetings, with the total.',
    input: z.object({ pilotId: entityId, kind: z.enum(meetingListKinds), ...paging }).strict(),
    output: page(meetingSchema),
  }),
  'meetings.pairProgress': channel({
    summary: 'One page of the current pairs (by mentee, then mentor), each with meetings held, overdue, next and logs owed.',
    input: z.object({ pilotId: entityId, offset: paging.offset, limit: z.number().int().min(1).max(10_000).default(100) }).strict(),
    output: page(pairProgressSchema),
  }),
  'meetings.forPair': channel({
    summary: 'A pair’s meetings by their number in the plan, each with its recorded changes and the state of each person’s reflective log.',
    input: z.object({ pairId: entityId }).strict(),
    output: pairMeetingsSchema,
  }),
  'meetings.markHeld': channel({
    summary: 'Mark a scheduled meeting held, with the actual date, duration and a note.',
    invalidates: ['meetings', 'logs', 'participants', 'pairs'],
    input: z.object({ id: entityId, heldOn: isoDate, actualDurationMin: minutes, note: optionalText('Note', 2000).default('') }).strict(),
    output: meetingSchema,
  }),
  'meetings.cancel': channel({
    summary: 'Cancel a scheduled meeting, saying why.',
    invalidates: ['meetings', 'logs', 'participants', 'pairs'],
    input: z.object({ id: entityId, note: requiredText('Reason', 2000) }).strict(),
    output: meetingSchema,
  }),
  'meetings.restore': channel({
    summary: 'Restore a cancelled meeting to scheduled (its cancellation stays in its history).',
    invalidates: ['meetings', 'logs', 'participants', 'pairs'],
    input: z.object({ id: entityId, note: optionalText('Note', 2000).default('') }).strict(),
    output: meetingSchema,
  }),
  'meetings.reschedule': channel({
    summary: 'Move a scheduled meeting to another date and time (and place or mode), with a note kept in its history.',
    invalidates: ['meetings', 'logs', 'participants', 'pairs'],
    input: z
      .object({
        id: entityId,
        date: isoDate,
        startTime: clockTime,
        durationMin: minutes,
        mode: meetingMode,
        location: optionalText('Place or link', 500).default(''),
        note: optionalText('Note', 2000).default(''),
        /** Soft rules acknowledged (shared/contract/confirm.ts). A date in the past is a hard rule: record the meeting as held instead. */
        confirmed: confirmations(rescheduleWarnings),
      })
      .strict(),
    output: meetingSchema,
  }),
  'meetings.undoHeld': channel({
    summary: `Undo "mark held" within ${UNDO_HELD_MINUTES} minutes, before either log is started: the meeting is scheduled again on its planned date.`,
    invalidates: ['meetings', 'logs', 'participants', 'pairs'],
    input: z.object({ id: entityId }).strict(),
    output: meetingSchema,
  }),
  'meetings.previewShift': channel({
    summary: 'Contingency: the new schedule if the remaining meetings of a pair or of the whole scheme move (and/or go online). Saves nothing.',
    input: shiftInput,
    output: z.array(shiftChangeSchema),
  }),
  'meetings.applyShift': channel({
    summary: 'Contingency: move the remaining meetings of a pair or of the whole scheme, and/or switch them online.',
    invalidates: ['meetings', 'logs', 'participants', 'pairs'],
    input: shiftInput,
    output: z.array(shiftChangeSchema),
  }),
  'meetings.exportIcs': channel({
    summary: 'Write a pair’s or a person’s meetings as an .ics calendar file into a folder the coordinator picks (date, time, place or link, theme title only).',
    invalidates: [],
    input: z.union([z.object({ pairId: entityId }).strict(), z.object({ participantId: entityId }).strict()]),
    output: icsExportSchema,
  }),
} as const;
