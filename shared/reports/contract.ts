import { z } from 'zod';
import { channel } from '../contract/define';
import { byPilot, isoDate } from '../contract/common';
import { cellSchema, itemAnalysisSchema, waveRefSchema } from '../surveys/contract';

/**
 * The sponsor report (stage 13): aggregate figures only, for the people who fund or sponsor the
 * scheme. No names, no quotes, no free text, nothing from the safeguarding register; every count of
 * people smaller than the pilot's threshold is shown as "fewer than N" (electron/core/stats).
 */

/** One role's way through the scheme, each a count of people (suppressed when small). */
export const recruitmentSchema = z.object({
  role: z.enum(['mentor', 'mentee']),
  /** Everyone who expressed interest. */
  interested: cellSchema,
  /** Consent to take part on record. */
  consented: cellSchema,
  /** Ever in a confirmed pair. */
  paired: cellSchema,
  /** Of those paired: still taking part or completed, and withdrawn. */
  retained: cellSchema,
  withdrawn: cellSchema,
});
export type Recruitment = z.infer<typeof recruitmentSchema>;

export const sponsorReportSchema = z.object({
  pilotName: z.string(),
  /** The pilot's ethics approval reference ('' when none is recorded). */
  ethicsReference: z.string(),
  madeOn: isoDate,
  period: z.object({ startDate: isoDate, endDate: isoDate }),
  /** Groups smaller than this are shown as "fewer than N". */
  threshold: z.number().int(),
  recruitment: z.array(recruitmentSchema),
  /** Meetings are events, not people: shown as they are. */
  meetings: z.object({ held: z.number().int(), planned: z.number().int(), cancelled: z.number().int(), pairs: z.number().int() }),
  /** Reflective logs submitted, of those due after held meetings (two per meeting). */
  logs: z.object({ submitted: z.number().int(), due: z.number().int() }),
  /** Meetings held per theme, in the plan's order. */
  themes: z.array(z.object({ title: z.string(), held: z.number().int() })),
  /** The survey change per item: the same paired analysis as the Surveys screen, consent-filtered and suppressed. */
  surveys: z.object({
    comparison: z.object({ before: waveRefSchema, after: waveRefSchema }).nullable(),
    /** People counted (in both waves, consent covering research use). */
    counted: cellSchema,
    items: z.array(itemAnalysisSchema),
  }),
});
export type SponsorReport = z.infer<typeof sponsorReportSchema>;

export const reportsContract = {
  'reports.sponsor': channel({
    summary: 'The sponsor report on screen: recruitment and retention by role, meetings, log returns, themes and the survey change per item — aggregate figures only, small groups suppressed.',
    input: byPilot,
    output: sponsorReportSchema,
  }),
  'reports.exportSponsorPdf': channel({
    summary: 'The sponsor report as a PDF, written to a folder the coordinator picks, with an audit entry.',
    invalidates: [],
    input: byPilot,
    output: z.object({ folder: z.string(), file: z.string() }),
  }),
} as const;
