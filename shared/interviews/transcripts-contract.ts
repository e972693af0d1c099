import { z } from 'zod';
import { channel, roles } from '../contract/define';
import { entityId, optionalText, requiredText } from '../contract/common';
import { pageWindow } from '../contract/lists';

/**
 * Transcripts and coding of closing interviews (stage 11). A transcript is one current text per
 * interview; coded excerpts point into it by Unicode code points from 0, end exclusive
 * (shared/interviews/code-points.ts converts). An edit that changes coded text is refused; text
 * added or removed elsewhere shifts the excerpts after it.
 */

/** At most two million characters: several hours of talk. */
export const TRANSCRIPT_MAX_CHARS = 2_000_000;
/** Imported files up to 5 MB (a .docx of a long interview is well under 1 MB). */
export const TRANSCRIPT_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const transcriptFormat = z.enum(['typed', 'vtt', 'srt', 'text', 'docx']);
export type TranscriptFormat = z.infer<typeof transcriptFormat>;

export const transcriptSchema = z.object({
  interviewId: entityId,
  body: z.string(),
  /** Increases with every save: a save names the version it started from, so two editors never overwrite each other. */
  version: z.number().int(),
  source: transcriptFormat,
  updatedAt: z.string().nullable(),
  /** Coded stretches (code points): text inside them cannot be changed until the coding is removed. */
  codedRanges: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
});
export type Transcript = z.infer<typeof transcriptSchema>;

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Choose a colour like #3366cc');

export const codeSchema = z.object({
  id: entityId,
  pilotId: entityId,
  name: z.string(),
  colour: z.string(),
  description: z.string(),
  memo: z.string(),
  /** The plan theme it started from, if any. */
  themeId: z.number().int().nullable(),
  excerpts: z.number().int(),
});
export type Code = z.infer<typeof codeSchema>;

export const excerptSchema = z.object({
  id: entityId,
  interviewId: entityId,
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  memo: z.string(),
  codeIds: z.array(entityId),
});
export type Excerpt = z.infer<typeof excerptSchema>;

export const codeExcerptRow = excerptSchema.extend({
  personName: z.string(),
  personRole: z.enum(['mentor', 'mentee']),
  /** Live from the register: may this excerpt be quoted word for word in a report? */
  directQuotes: z.boolean(),
  withdrawn: z.boolean(),
});
export type CodeExcerptRow = z.infer<typeof codeExcerptRow>;

const byInterview = z.object({ interviewId: entityId }).strict();
const byCode = z.object({ codeId: entityId }).strict();
const offset = z.number().int().min(0, 'An offset cannot be negative').max(TRANSCRIPT_MAX_CHARS, 'That offset is past the end of any transcript');
const codeFields = {
  name: requiredText('Name', 100),
  colour,
  description: optionalText('Description', 1000).default(''),
};

export const transcriptsContract = {
  'transcripts.get': channel({
    summary: 'The transcript of one interview (empty until typed or imported), with the stretches that are coded. An interviewer sees only their own interviews’.',
    input: byInterview,
    output: transcriptSchema,
    access: roles,
  }),
  'transcripts.save': channel({
    summary: 'Save the transcript text, from the version it was edited from. Refused if the edit changes coded text or someone saved in between; excerpts after an edit move with their text.',
    invalidates: ['transcripts', 'coding'],
    input: z.object({ interviewId: entityId, baseVersion: z.number().int().min(0), body: z.string().max(TRANSCRIPT_MAX_CHARS, 'A transcript is at most two million characters') }).strict(),
    output: transcriptSchema,
    access: roles,
  }),
  'transcripts.import': channel({
    summary: 'Import a transcript from a WebVTT or SRT file (Teams, Zoom), plain text or .docx: all of it or nothing. Replacing an existing transcript must be confirmed; a coded one cannot be replaced.',
    invalidates: ['transcripts', 'coding'],
    input: z
      .object({
        interviewId: entityId,
        fileName: requiredText('File name', 300),
        bytesBase64: z.string().min(1, 'The file is empty').max(Math.ceil(TRANSCRIPT_IMPORT_MAX_BYTES / 3) * 4, 'The file is over 5 MB: a transcript is much smaller'),
        replace: z.boolean().default(false),
      })
      .strict(),
    output: transcriptSchema,
    access: roles,
  }),
  'codebook.list': channel({
    summary: 'The pilot’s codebook: its codes with colour, description, memo and how many excerpts use each.',
    input: z.object({ pilotId: entityId }).strict(),
    output: z.array(codeSchema),
  }),
  'codebook.startFromThemes': channel({
    summary: 'Add a code for each of the pilot’s plan themes not yet in the codebook.',
    invalidates: ['codebook'],
    input: z.object({ pilotId: entityId }).strict(),
    output: z.array(codeSchema),
  }),
  'codebook.create': channel({
    summary: 'Add a code with its colour and description.',
    invalidates: ['codebook'],
    input: z.object({ pilotId: entityId, ...codeFields }).strict(),
    output: codeSchema,
  }),
  'codebook.update': channel({
    summary: 'Rename a code, or change its colour, description or memo.',
    invalidates: ['codebook', 'coding'],
    input: z.object({ codeId: entityId, ...codeFields, memo: optionalText('Memo', 20_000).default('') }).strict(),
    output: codeSchema,
  }),
  'codebook.merge': channel({
    summary: 'Merge one code into another: its excerpts take the other code, and it is removed.',
    invalidates: ['codebook', 'coding'],
    input: z.object({ codeId: entityId, intoCodeId: entityId }).strict(),
    output: codeSchema,
  }),
  'codebook.remove': channel({
    summary: 'Delete a code (confirmed on screen with the number of excerpts using it); excerpts left with no code are removed too.',
    invalidates: ['codebook', 'coding'],
    input: byCode,
    output: z.object({ excerptsRemoved: z.number().int() }),
  }),
  'coding.excerpts': channel({
    summary: 'The coded excerpts of one interview’s transcript, in text order.',
    input: byInterview,
    output: z.array(excerptSchema),
  }),
  'coding.apply': channel({
    summary: 'Code a stretch of transcript (code points, end exclusive) with one or more codes; the same stretch coded again gains the codes.',
    invalidates: ['coding', 'codebook', 'transcripts'],
    input: z.object({ interviewId: entityId, start: offset, end: offset, codeIds: z.array(entityId).min(1, 'Choose at least one code').max(20, 'At most 20 codes at once'), memo: optionalText('Memo', 20_000).default('') }).strict(),
    output: excerptSchema,
  }),
  'coding.updateExcerpt': channel({
    summary: 'Change an excerpt’s codes or memo.',
    invalidates: ['coding', 'codebook'],
    input: z.object({ excerptId: entityId, codeIds: z.array(entityId).min(1, 'An excerpt keeps at least one code: remove it instead').max(20, 'At most 20 codes'), memo: optionalText('Memo', 20_000).default('') }).strict(),
    output: excerptSchema,
  }),
  'coding.removeExcerpt': channel({
    summary: 'Remove the coding of an excerpt (its text stays in the transcript).',
    invalidates: ['coding', 'codebook', 'transcripts'],
    input: z.object({ excerptId: entityId }).strict(),
    output: z.null(),
  }),
  'coding.byCode': channel({
    summary: 'Every excerpt coded with one code across the pilot’s interviews, a page at a time, with the person and whether they consented to direct quotes.',
    input: z.object({ codeId: entityId, ...pageWindow({ defaultLimit: 20, maxLimit: 100 }) }).strict(),
    output: z.object({ code: codeSchema, total: z.number().int(), rows: z.array(codeExcerptRow) }),
  }),
} as const;
