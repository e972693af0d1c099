import { z } from 'zod';
import { channel } from '../contract/define';

/**
 * The import pipeline shared by every kind of import (expressions of interest, reflective logs; later
 * survey responses and transcripts): a chosen file is staged once in the main process (`imports.stage`),
 * each kind's preview is a query keyed on the staged file and a column mapping, and each kind's import is
 * a command on the same staged file. The file crosses the boundary once; changing a mapping resends
 * nothing.
 */

/** The largest file that can be chosen: the window reads it whole and sends it once, as base64. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const uploadedFile = z.object({
  name: z.string().max(500),
  /** The file's bytes, base64: what it is (CSV or an Excel workbook) and its encoding are found in the main process. */
  base64: z.string().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, 'The file is larger than 20 MB. Export only the columns you need, or split it.'),
});

/** A staged file, by the id `imports.stage` gave it. Any id that is not (or no longer) staged is NOT_FOUND. */
export const stagedId = z.string().min(1).max(64);

export const importFormats = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** What was found in a file, said the same way by the stage and by every preview. */
export const fileFacts = {
  format: z.enum(importFormats),
  /** CSV: the text encoding found (UTF-8, Windows-1252…); null for a workbook. */
  encoding: z.string().nullable(),
  /** CSV: ',', ';' or 'tab'; null for a workbook. */
  delimiter: z.string().nullable(),
  /** Workbook: the sheet that was read (always the first) and how many the workbook has; null for CSV. */
  sheet: z.object({ name: z.string(), of: z.number().int() }).nullable(),
  /** The column headings, each unique ("Email", "Email (2)"). */
  headers: z.array(z.string()),
  /** Data rows, blank ones left out. */
  rowCount: z.number().int(),
};

export const stagedFileSchema = z.object({ stagedId, name: z.string(), ...fileFacts });
export type StagedFile = z.infer<typeof stagedFileSchema>;

/** A problem with one row: the line of the file it starts on (the header is line 1), its column heading ('' for the whole row). */
export const rowErrorSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type RowError = z.infer<typeof rowErrorSchema>;

/** How many values each column shows as its examples, so the coordinator can see which column is which. */
export const EXAMPLES_PER_COLUMN = 3;
export const columnExamplesSchema = z.object({
  header: z.string(),
  /** The first few non-empty values of the column, as the file has them (long ones cut short). */
  examples: z.array(z.string()),
});
export type ColumnExamples = z.infer<typeof columnExamplesSchema>;

/** Where each row of the file would go. All zero until every required field has a column. */
export const importCountsSchema = z.object({
  /** Rows that would be added. */
  new: z.number().int(),
  /** Rows matching a record already there, with nothing different: skipped. */
  unchanged: z.number().int(),
  /** Rows matching a record already there, with differences that are applied only when confirmed. */
  changed: z.number().int(),
  /** Rows with problems: while there is one, nothing can be imported. */
  invalid: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

/** What every kind's preview says besides its own mapping, sample and changes. */
export const previewFacts = {
  ...fileFacts,
  columns: z.array(columnExamplesSchema),
  /** Whether the mapping came from the last import of this kind into this pilot (matched by heading text), rather than guessed. */
  mappingRemembered: z.boolean(),
  errors: z.array(rowErrorSchema),
  counts: importCountsSchema,
};

export const importsContract = {
  'imports.stage': channel({
    summary:
      'Read a chosen file (CSV, or an Excel .xlsx workbook’s first sheet) and keep it in memory for previews and one import: never written to disk, let go when the vault locks. Saves nothing in the vault.',
    invalidates: [],
    input: z.object({ file: uploadedFile }).strict(),
    output: stagedFileSchema,
  }),
  'imports.discard': channel({
    summary: 'Let go of a staged file (leaving the import screen); an id that is not staged is fine.',
    invalidates: [],
    input: z.object({ stagedId }).strict(),
    output: z.null(),
  }),
} as const;
