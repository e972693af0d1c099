import { z } from 'zod';
import { channel } from '../contract/define';
import { byPilot, entityId, isoDate, optionalText, requiredText, timestamp } from '../contract/common';
import { pageWindow, searchText } from '../contract/lists';
import { participantRole } from '../participants/contract';
import { previewFacts, stagedId } from '../imports/contract';

/** Gibbs' reflective cycle (1988), in order. */
export const gibbsStages = ['description', 'feelings', 'evaluation', 'analysis', 'conclusion', 'actionPlan'] as const;
export type GibbsStage = (typeof gibbsStages)[number];
export const gibbsLabels: Record<GibbsStage, string> = {
  description: 'Description',
  feelings: 'Feelings',
  evaluation: 'Evaluation',
  analysis: 'Analysis',
  conclusion: 'Conclusion',
  actionPlan: 'Action plan',
};
export const gibbsPrompts: Record<GibbsStage, string> = {
  description: 'What happened in the meeting?',
  feelings: 'What were you thinking and feeling?',
  evaluation: 'What was good and bad about the experience?',
  analysis: 'What sense can you make of it?',
  conclusion: 'What else could you have done?',
  actionPlan: 'What will you do next time?',
};

/** U+E000 … U+E001 mark search hits (below); pasted into a log, they would fake a highlight. */
const HIT_MARKERS = /[\uE000\uE001]/g;
const withoutHitMarkers = (text: string) => text.replace(HIT_MARKERS, '');
const stageText = (label: string) => optionalText(label, 20_000).default('').transform(withoutHitMarkers);
export const gibbsEntry = z.object({
  description: stageText('Description'),
  feelings: stageText('Feelings'),
  evaluation: stageText('Evaluation'),
  analysis: stageText('Analysis'),
  conclusion: stageText('Conclusion'),
  actionPlan: stageText('Action plan'),
});
export type GibbsEntry = z.infer<typeof gibbsEntry>;

export const logSchema = z.object({
  id: entityId,
  meetingId: entityId,
  pairId: entityId,
  authorId: entityId,
  authorName: z.string(),
  role: participantRole,
  sequence: z.number().int(),
  meetingDate: isoDate,
  themeTitle: z.string(),
  state: z.enum(['draft', 'submitted', 'not-provided']),
  stages: gibbsEntry,
  notProvidedReason: z.string().nullable(),
  source: z.enum(['entered', 'imported']),
  updatedAt: timestamp,
  submittedAt: timestamp.nullable(),
});
export type ReflectiveLog = z.infer<typeof logSchema>;

export const owedLogSchema = z.object({
  meetingId: entityId,
  pairId: entityId,
  sequence: z.number().int(),
  heldOn: isoDate,
  themeTitle: z.string(),
  authorId: entityId,
  authorName: z.string(),
  role: participantRole,
  state: z.enum(['missing', 'draft']),
  daysSinceMeeting: z.number().int(),
});
export type OwedLog = z.infer<typeof owedLogSchema>;

export const owedLogsQuery = z
  .object({
    pilotId: entityId,
    /** Part of the person's name. */
    search: searchText,
    state: z.enum(['missing', 'draft']).optional(),
    /** One meeting and person (the log editor asks what a log still to be written is about). */
    meetingId: entityId.optional(),
    authorId: entityId.optional(),
    ...pageWindow({ defaultLimit: 100, maxLimit: 500 }),
  })
  .strict();
export type OwedLogsQuery = z.output<typeof owedLogsQuery>;

export const searchHitSchema = z.object({
  logId: entityId,
  meetingId: entityId,
  pairId: entityId,
  authorId: entityId,
  authorName: z.string(),
  meetingDate: isoDate,
  themeTitle: z.string(),
  /** Drafts are searched too, and say so. */
  state: z.enum(['draft', 'submitted', 'not-provided']),
  /** Matching passages; the matched words are wrapped in U+E000 … U+E001, which are removed from log text when it is saved. */
  snippets: z.array(z.object({ stage: z.enum(gibbsStages), text: z.string() })),
});
export type SearchHit = z.infer<typeof searchHitSchema>;
/** Newest first (what a coordinator reading logs expects, and quick), or best match first. */
export const searchOrders = ['newest', 'relevance'] as const;
export type SearchOrder = (typeof searchOrders)[number];
/** Hits are counted up to this many; beyond it the count says "more than". */
export const SEARCH_COUNT_CAP = 500;
export const searchResultSchema = z.object({
  hits: z.array(searchHitSchema),
  offset: z.number().int(),
  /** How many logs match, at most SEARCH_COUNT_CAP (with `more` set when there are more). */
  total: z.number().int(),
  more: z.boolean(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

export const logImportFields = ['email', 'meeting', 'partnerEmail', ...gibbsStages] as const;
export type LogImportField = (typeof logImportFields)[number];
export const logImportFieldLabels: Record<LogImportField, string> = {
  email: 'Author’s email',
  meeting: 'Meeting number',
  partnerEmail: 'Partner’s email (when the author has several partners)',
  ...gibbsLabels,
};
export const logColumnMapping = z.record(z.string().max(500), z.union([z.enum(logImportFields), z.literal('')]));
export type LogColumnMapping = z.infer<typeof logColumnMapping>;
export const requiredLogImportFields: LogImportField[] = ['email', 'meeting', 'description'];

export const logImportPreviewSchema = z.object({
  ...previewFacts,
  mapping: logColumnMapping,
  missingFields: z.array(z.enum(logImportFields)),
});
export type LogImportPreview = z.infer<typeof logImportPreviewSchema>;

const key = { meetingId: entityId, authorId: entityId };

export const logsContract = {
  'logs.get': channel({
    summary: 'One person’s reflective log for a meeting, or null when none has been started.',
    input: z.object(key).strict(),
    output: logSchema.nullable(),
  }),
  'logs.saveDraft': channel({
    summary: 'Save a reflective log as a draft (as the coordinator types; nothing is lost on lock).',
    invalidates: ['meetings', 'logs', 'participants', 'pairs'],
    input: z.object({ ...key, stages: gibbsEntry }).strict(),
    output: logSchema,
  }),
  'logs.submit': channel({
    summary: 'Submit a reflective log: the Description at least must be written.',
    invalidates: ['meetings', 'logs', 'participants', 'pairs'],
    input: z.object({ ...key, stages: gibbsEntry }).strict(),
    output: logSchema,
  }),
  'logs.markNotProvided': channel({
    summary: 'Record that a person will not provide a log for a meeting, and why.',
    invalidates: ['meetings', 'logs', 'participants', 'pairs'],
    input: z.object({ ...key, reason: requiredText('Reason', 1000) }).strict(),
    output: logSchema,
  }),
  'logs.owed': channel({
    summary: 'Who still owes which log: each person in each held meeting without a submitted log or a reason (all of them; screens use logs.owedPage).',
    input: byPilot,
    output: z.array(owedLogSchema),
  }),
  'logs.owedPage': channel({
    summary: 'One page of who still owes which log (oldest meeting first), with the total: by name, draft or not, or one meeting and person.',
    input: owedLogsQuery,
    output: z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(owedLogSchema) }),
  }),
  'logs.search': channel({
    summary: 'Full-text search across a pilot’s reflective logs, with the matched words highlighted.',
    input: z
      .object({
        pilotId: entityId,
        query: requiredText('Search', 200),
        order: z.enum(searchOrders).default('newest'),
        ...pageWindow({ defaultLimit: 50, maxLimit: 200, maxOffset: 10_000 }),
      })
      .strict(),
    output: searchResultSchema,
  }),
  'logs.importPreview': channel({
    summary:
      'Check a staged export of a log form (see imports.stage) with a column mapping (guessed or remembered when none is given): sample values per column, every row-level error and the counts. Saves nothing.',
    input: z.object({ pilotId: entityId, stagedId, mapping: logColumnMapping.optional() }).strict(),
    output: logImportPreviewSchema,
  }),
  'logs.import': channel({
    summary: 'Import reflective logs from a staged file: all rows or none; a log already submitted is never overwritten; the mapping is remembered for the pilot.',
    invalidates: ['meetings', 'logs', 'participants', 'pairs'],
    input: z.object({ pilotId: entityId, stagedId, mapping: logColumnMapping }).strict(),
    output: z.object({ imported: z.number().int() }),
  }),
  'logs.exportLogBook': channel({
    summary: 'A participant’s own logs only, as a PDF log book they can keep, written to a folder the coordinator picks.',
    invalidates: [],
    input: z.object({ participantId: entityId }).strict(),
    output: z.object({ folder: z.string(), file: z.string(), logs: z.number().int() }),
  }),
} as const;
