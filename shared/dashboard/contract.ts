import { z } from 'zod';
import { channel } from '../contract/define';
import { byPilot, entityId, isoDate } from '../contract/common';
import { participantStatuses } from '../participants/contract';
import { milestoneSchema } from '../plan/contract';
import { waveReturnsSchema } from '../surveys/contract';

/**
 * The pilot dashboard (stage 13): the pilot's first page. Counts only, each read by one set-based
 * query of the feature that owns it, so it stays quick on a whole university's scheme. Safeguarding
 * appears as counts and a link, never as text.
 */

const count = z.number().int().nonnegative();

/** An open survey wave closing within this many days, with returns still missing, needs attention. */
export const SURVEY_CLOSING_DAYS = 7;

export const attentionKinds = ['late-milestones', 'overdue-meetings', 'owed-logs', 'untrained-before-first-meeting', 'consent-missing', 'waves-closing', 'open-concerns', 'overdue-follow-ups'] as const;
export type AttentionKind = (typeof attentionKinds)[number];

export const attentionItemSchema = z.object({
  kind: z.enum(attentionKinds),
  count,
  /** For the two items about specific people (untrained, consent missing): the first few, to open directly. */
  people: z.array(z.object({ id: entityId, name: z.string() })),
  /** For "waves closing": the waves, to name them. */
  waves: z.array(z.object({ waveId: entityId, title: z.string(), closesOn: isoDate, returned: count, invited: count })),
});
export type AttentionItem = z.infer<typeof attentionItemSchema>;

export const dashboardSchema = z.object({
  today: isoDate,
  pilot: z.object({ name: z.string(), startDate: isoDate, endDate: isoDate }),
  timeline: z.object({
    /** Monday and Sunday of the current week. */
    weekStart: isoDate,
    weekEnd: isoDate,
    /** Which week of the pilot this is (1 = the week it starts); null before the start or after the end. */
    weekOfPilot: z.number().int().nullable(),
    weeksInPilot: z.number().int(),
    thisWeek: z.array(milestoneSchema),
    meetingsThisWeek: count,
    /** Closing interviews still scheduled this week. */
    interviewsThisWeek: count,
    /** Group reflection events held (or planned) this week. */
    groupReflectionsThisWeek: count,
    next: milestoneSchema.nullable(),
    late: z.array(milestoneSchema),
  }),
  people: z.object({
    total: count,
    byStatus: z.record(z.enum(participantStatuses), count),
    /** Consent to take part given (latest record, not withdrawn). */
    consented: count,
  }),
  meetings: z.object({ held: count, dueSoon: count, overdue: count, scheduled: count, cancelled: count, pairs: count }),
  logsOwed: count,
  surveyReturns: z.array(waveReturnsSchema),
  /** Closing interviews by state (stage 11). */
  interviews: z.object({ scheduled: count, done: count, cancelled: count }),
  attention: z.array(attentionItemSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const dashboardContract = {
  'dashboard.get': channel({
    summary: 'The pilot dashboard: where the pilot stands on its timeline, counts per stage, and what needs attention (counts and who, never safeguarding text).',
    input: byPilot,
    output: dashboardSchema,
  }),
} as const;
