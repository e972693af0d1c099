import { z } from 'zod';
import { channel } from '../contract/define';
import { entityId } from '../contract/common';

/**
 * The closing interviews as a REFI-QDA project (`.qdpx`), which NVivo, ATLAS.ti and MAXQDA import:
 * pseudonymised (people by participant code, names in text replaced), only transcripts of people who
 * consented to direct quotes, recordings only where consent covers archiving. Written through the
 * one export path, with an audit entry.
 */

export const qdpxOptions = z
  .object({
    pilotId: entityId,
    /** Recordings go in as audio sources (where consent covers archiving); false makes a text-only project. */
    includeAudio: z.boolean().default(true),
    /** The file's name (the CLI's --out); by default the pilot's id and the day. */
    fileName: z
      .string()
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,150}\.qdpx$/iu, 'The file name must end in .qdpx and hold only letters, digits, spaces, dots, dashes and underscores.')
      .optional(),
  })
  .strict();
export type QdpxOptions = z.output<typeof qdpxOptions>;

export const qdpxLeftOutSchema = z.object({ what: z.string(), count: z.number().int(), why: z.string() });
export type QdpxLeftOut = z.infer<typeof qdpxLeftOutSchema>;

export const qdpxPlanSchema = z.object({
  /** Cases: interviewed people in the export. */
  people: z.number().int(),
  transcripts: z.number().int(),
  codings: z.number().int(),
  recordings: z.number().int(),
  leftOut: z.array(qdpxLeftOutSchema),
});
export type QdpxPlan = z.infer<typeof qdpxPlanSchema>;

export const qdpxResultSchema = qdpxPlanSchema.extend({
  folder: z.string(),
  file: z.string(),
  bytes: z.number().int(),
  /** Names replaced in transcripts, memos and notes. */
  namesReplaced: z.number().int(),
  sha256: z.string(),
});
export type QdpxResult = z.infer<typeof qdpxResultSchema>;

export const qdpxContract = {
  'qdpx.preview': channel({
    summary: 'What a REFI-QDA export of the pilot’s closing interviews would hold (people, transcripts, codings, recordings) and what is left out and why. Writes nothing.',
    input: qdpxOptions,
    output: qdpxPlanSchema,
  }),
  'qdpx.write': channel({
    summary: 'Writes the pseudonymised closing interviews as a REFI-QDA project (.qdpx) to a folder the coordinator picks, with an audit entry holding the file’s hash.',
    invalidates: ['audit'],
    input: qdpxOptions,
    output: qdpxResultSchema,
  }),
} as const;
