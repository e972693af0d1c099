import { z } from 'zod';
import { channel } from '../contract/define';
import { empty, entityId, isoDate } from '../contract/common';

/**
 * The research export (stage 14): a pseudonymised dataset for ethics-approved storage, one CSV per
 * table with a data dictionary, a README, a manifest and SHA256SUMS. The screen shows what will go out
 * (files and row counts, and what is left out and why) before anything is written, and again after.
 */

export const MIN_SUPPRESSION = 3;
export const MAX_SUPPRESSION = 50;
export const MAX_DATE_SHIFT_DAYS = 30;

export const researchExportOptions = z
  .object({
    pilotId: entityId,
    /** Free text (logs, findings, survey answers) goes out with names replaced; false leaves it all out. */
    includeFreeText: z.boolean().default(true),
    /** Every date moved by a per-person offset (up to ±30 days), the same in every export of this vault. */
    shiftDates: z.boolean().default(false),
    /** Departments and characteristics held by fewer people than this are grouped; the pilot's own threshold when not given. */
    threshold: z
      .number()
      .int('The small-group threshold is a whole number of people.')
      .min(MIN_SUPPRESSION, `Groups smaller than ${MIN_SUPPRESSION} people are always grouped: choose ${MIN_SUPPRESSION} or more.`)
      .max(MAX_SUPPRESSION, `Choose a threshold of ${MAX_SUPPRESSION} people or fewer.`)
      .optional(),
  })
  .strict();
export type ResearchExportOptions = z.input<typeof researchExportOptions>;

export const exportFileSummarySchema = z.object({
  name: z.string(),
  /** Data rows (the header row not counted); null for files that are not tables (README, manifest). */
  rows: z.number().int().nullable(),
  what: z.string(),
});
export type ExportFileSummary = z.infer<typeof exportFileSummarySchema>;

export const leftOutSchema = z.object({
  /** What is left out, e.g. "Reflective logs". */
  what: z.string(),
  count: z.number().int(),
  why: z.string(),
});
export type LeftOut = z.infer<typeof leftOutSchema>;

export const researchExportPlanSchema = z.object({
  pilotName: z.string(),
  ethicsReference: z.string(),
  madeOn: isoDate,
  threshold: z.number().int(),
  includeFreeText: z.boolean(),
  shiftDates: z.boolean(),
  /** People in the dataset (consent to take part, not withdrawn). */
  people: z.number().int(),
  files: z.array(exportFileSummarySchema),
  leftOut: z.array(leftOutSchema),
});
export type ResearchExportPlan = z.infer<typeof researchExportPlanSchema>;

export const researchExportResultSchema = researchExportPlanSchema.extend({
  folder: z.string(),
  /** SHA-256 of manifest.json, as held by the export's audit entry. */
  manifestSha256: z.string(),
  /** Names replaced in free text. */
  namesReplaced: z.number().int(),
});
export type ResearchExportResult = z.infer<typeof researchExportResultSchema>;

export const researchExportProgressSchema = z.object({
  running: z.boolean(),
  /** What is being done, in words ("Replacing names in reflective logs"). */
  step: z.string(),
  done: z.number().int(),
  total: z.number().int(),
});
export type ResearchExportProgress = z.infer<typeof researchExportProgressSchema>;

export const researchExportContract = {
  'researchExport.preview': channel({
    summary: 'What a research export of the pilot with these options would hold: files and row counts, what is left out and why. Writes nothing.',
    input: researchExportOptions,
    output: researchExportPlanSchema,
  }),
  'researchExport.write': channel({
    summary: 'Writes the pseudonymised research dataset (CSV per table, data dictionary, README, manifest.json, SHA256SUMS) to a folder the coordinator picks, with an audit entry holding the manifest’s hash.',
    invalidates: ['audit', 'erasure'],
    input: researchExportOptions,
    output: researchExportResultSchema,
  }),
  'researchExport.progress': channel({
    summary: 'How far the research export being written has got, for a progress bar.',
    input: empty,
    output: researchExportProgressSchema,
  }),
} as const;
