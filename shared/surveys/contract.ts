import { z } from 'zod';
import { channel } from '../contract/define';
import { byPilot, entityId, isoDate, optionalText, requiredText, timestamp } from '../contract/common';
import { pageWindow } from '../contract/lists';
import { participantRole, participantStatus } from '../participants/contract';
import { previewFacts, stagedId } from '../imports/contract';

/**
 * Stage 10: surveys. A pilot has questionnaires (instruments) of items, and waves (pre, post, an
 * optional follow-up) that put a questionnaire to an audience between two dates. Responses are
 * entered by hand or imported from a forms tool; the analysis compares two waves item by item.
 * Once a questionnaire has responses, editing it makes a new version: answers keep the wording they
 * were given with, and analysis matches each item across versions by its identity.
 */

export const waveKinds = ['pre', 'post', 'follow-up'] as const;
export type WaveKind = (typeof waveKinds)[number];
export const waveKindLabels: Record<WaveKind, string> = { pre: 'Before the scheme', post: 'After the scheme', 'follow-up': 'Follow-up' };

/** Who a wave (or an item) is for. Mentors are the students, mentees the members of staff. */
export const audiences = ['mentors', 'mentees', 'both'] as const;
export type Audience = (typeof audiences)[number];
export const audienceLabels: Record<Audience, string> = { mentors: 'Mentors (students)', mentees: 'Mentees (staff)', both: 'Mentors and mentees' };

export const itemKinds = ['likert', 'choice', 'text'] as const;
export type ItemKind = (typeof itemKinds)[number];
export const itemKindLabels: Record<ItemKind, string> = { likert: 'Likert statement', choice: 'Single choice', text: 'Free text' };

export const DEFAULT_LIKERT_LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'] as const;
export const LIKERT_POINTS = { min: 3, max: 7 } as const;
export const CHOICES = { min: 2, max: 12 } as const;
export const MAX_ITEMS = 80;
export const FREE_TEXT_MAX = 5000;

const label = requiredText('Label', 100);

/**
 * An item as the coordinator writes it. A Likert statement has 3–7 labels (5 by default), from the
 * least to the most agreement; any can be reverse-scored (agreeing is the less favourable answer),
 * and is then flipped before analysis. A single choice has 2–12 choices; free text has none.
 */
export const itemDraft = z
  .object({
    kind: z.enum(itemKinds),
    text: requiredText('Question', 500),
    audience: z.enum(audiences).default('both'),
    reverseScored: z.boolean().default(false),
    options: z.array(label).max(CHOICES.max, `At most ${CHOICES.max} choices`).default([]),
  })
  .strict()
  .transform((item) => (item.kind === 'likert' && item.options.length === 0 ? { ...item, options: [...DEFAULT_LIKERT_LABELS] } : item))
  .superRefine((item, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (item.kind === 'likert' && (item.options.length < LIKERT_POINTS.min || item.options.length > LIKERT_POINTS.max)) {
      issue('options', `A Likert scale has ${LIKERT_POINTS.min} to ${LIKERT_POINTS.max} points`);
    }
    if (item.kind === 'choice' && item.options.length < CHOICES.min) issue('options', `Give at least ${CHOICES.min} choices`);
    if (item.kind === 'text' && item.options.length > 0) issue('options', 'A free-text question has no choices');
    if (item.kind !== 'likert' && item.reverseScored) issue('reverseScored', 'Only a Likert statement can be reverse-scored');
    const normal = item.options.map((o) => o.toLowerCase().replace(/\s+/g, ' '));
    if (new Set(normal).size !== normal.length) issue('options', 'Each label must be different');
  });
export type ItemDraft = z.input<typeof itemDraft>;

export const surveyItemSchema = z.object({
  /** The item's identity: the same across versions of its questionnaire. */
  id: entityId,
  kind: z.enum(itemKinds),
  text: z.string(),
  audience: z.enum(audiences),
  reverseScored: z.boolean(),
  options: z.array(z.string()),
  /** Earlier wordings of this item, in versions that have answers, when they differ from this one. */
  earlierWordings: z.array(z.object({ version: z.number().int(), text: z.string() })),
  /** Answers recorded to this item in any version: its kind and number of points can then no longer change. */
  answered: z.boolean(),
});
export type SurveyItem = z.infer<typeof surveyItemSchema>;

export const instrumentSummarySchema = z.object({
  id: entityId,
  pilotId: entityId,
  title: z.string(),
  /** The current version's number (1, 2, …). */
  version: z.number().int(),
  items: z.number().int(),
  responses: z.number().int(),
});
export type InstrumentSummary = z.infer<typeof instrumentSummarySchema>;

export const instrumentSchema = instrumentSummarySchema.extend({
  items: z.array(surveyItemSchema),
  /** Every version with its date and how many responses used it. */
  versions: z.array(z.object({ number: z.number().int(), createdAt: timestamp, responses: z.number().int() })),
  /** The current version has responses, so the next change to its items makes a new version. */
  nextChangeMakesVersion: z.boolean(),
  /** Waves that put this questionnaire to people. */
  waves: z.array(z.object({ id: entityId, title: z.string() })),
});
export type Instrument = z.infer<typeof instrumentSchema>;

export const templates = ['scheme', 'blank'] as const;
export type Template = (typeof templates)[number];

export const waveDraft = z
  .object({
    instrumentId: entityId,
    kind: z.enum(waveKinds),
    title: requiredText('Title', 200),
    audience: z.enum(audiences),
    opensOn: isoDate,
    closesOn: isoDate,
  })
  .strict()
  .refine((w) => w.closesOn >= w.opensOn, { message: 'The wave closes on or after the day it opens', path: ['closesOn'] });
export type WaveDraft = z.input<typeof waveDraft>;

export const waveStates = ['upcoming', 'open', 'closed'] as const;
export type WaveState = (typeof waveStates)[number];

export const waveSchema = z.object({
  id: entityId,
  pilotId: entityId,
  instrumentId: entityId,
  instrumentTitle: z.string(),
  kind: z.enum(waveKinds),
  title: z.string(),
  audience: z.enum(audiences),
  opensOn: isoDate,
  closesOn: isoDate,
  /** By today in the vault's time zone. */
  state: z.enum(waveStates),
  /** Responses recorded (anyone's, whatever their consent: a count of returns, not of analysis). */
  returned: z.number().int(),
  /** People in the wave's audience still taking part (not withdrawn, not declined). */
  invited: z.number().int(),
});
export type Wave = z.infer<typeof waveSchema>;

export const overviewSchema = z.object({
  instruments: z.array(instrumentSummarySchema),
  waves: z.array(waveSchema),
  /** Groups smaller than this are shown as "fewer than N" with no statistic. */
  threshold: z.number().int(),
});
export type SurveysOverview = z.infer<typeof overviewSchema>;

/** The code that stands for a person wherever a name must not appear (free text, exports). */
export const pseudonymCode = z.string();

export const respondentSchema = z.object({
  participantId: entityId,
  name: z.string(),
  role: participantRole,
  status: participantStatus,
  code: pseudonymCode,
  answered: z.boolean(),
  source: z.enum(['entered', 'imported']).nullable(),
});
export type Respondent = z.infer<typeof respondentSchema>;

export const answerInput = z
  .object({
    itemId: entityId,
    /** Likert: the point of the scale as presented (1 = the first label); choice: the choice's number. */
    score: z.number().int().min(1).max(CHOICES.max).nullable().default(null),
    text: optionalText('Answer', FREE_TEXT_MAX).default(''),
  })
  .strict();
export type AnswerInput = z.input<typeof answerInput>;

export const responseSchema = z.object({
  waveId: entityId,
  participant: z.object({ id: entityId, name: z.string(), role: participantRole, code: pseudonymCode }),
  /** The questionnaire version answered (or the current one, for a response not yet recorded). */
  version: z.number().int(),
  items: z.array(surveyItemSchema),
  /** Null when the person has no response in this wave yet. */
  answers: z.array(z.object({ itemId: entityId, score: z.number().int().nullable(), text: z.string() })).nullable(),
  source: z.enum(['entered', 'imported']).nullable(),
  recordedAt: timestamp.nullable(),
});
export type SurveyResponse = z.infer<typeof responseSchema>;

/** A column of a response file maps to who answered, or to an item (`item<id>`, e.g. item12), or is ignored (''). */
export const RESPONDENT_FIELD = 'respondent';
export const itemField = (itemId: number) => `item${itemId}`;
export const responseColumnMapping = z.record(z.string().max(500), z.string().max(40));
export type ResponseColumnMapping = z.infer<typeof responseColumnMapping>;

export const responseImportPreviewSchema = z.object({
  ...previewFacts,
  mapping: responseColumnMapping,
  /** What a column can be imported as: the respondent, then each item in order. */
  fields: z.array(z.object({ id: z.string(), label: z.string(), required: z.boolean() })),
  missingFields: z.array(z.string()),
});
export type ResponseImportPreview = z.infer<typeof responseImportPreviewSchema>;

/** A count that may be hidden because it describes too few people (see electron/core/stats/suppression.ts). */
export const cellSchema = z.union([z.object({ count: z.number().int() }).strict(), z.object({ hidden: z.enum(['small', 'complement']) }).strict()]);
export type CellValue = z.infer<typeof cellSchema>;

export const groupKeys = ['everyone', 'mentors', 'mentees'] as const;
export type GroupKey = (typeof groupKeys)[number];
export const groupLabels: Record<GroupKey, string> = { everyone: 'Everyone', mentors: 'Mentors (students)', mentees: 'Mentees (staff)' };

export const groupAnalysisSchema = z.object({
  group: z.enum(groupKeys),
  /** People who answered the item in both waves (and whose consent covers research use). */
  pairs: cellSchema,
  /** Null when the group is hidden (too small, or hidden so a small one cannot be worked out). */
  result: z
    .object({
      medianBefore: z.number().nullable(),
      medianAfter: z.number().nullable(),
      improved: cellSchema,
      same: cellSchema,
      worse: cellSchema,
      /** min(R+, R−); null when nobody's answer changed. */
      statistic: z.number().nullable(),
      pvalue: z.number().nullable(),
      method: z.enum(['exact', 'normal-approximation', 'none']),
      methodWords: z.string(),
      effectSize: z.number().nullable(),
      effectWords: z.string(),
      /** How many chose each point of the scale, before and after (scale as presented, not flipped). */
      before: z.array(cellSchema),
      after: z.array(cellSchema),
    })
    .nullable(),
});
export type GroupAnalysis = z.infer<typeof groupAnalysisSchema>;

export const itemAnalysisSchema = z.object({
  itemId: entityId,
  text: z.string(),
  audience: z.enum(audiences),
  reverseScored: z.boolean(),
  /** The scale's labels (current wording), lowest first. */
  labels: z.array(z.string()),
  /** The wordings answered in each wave, when the wording changed between versions. */
  wordingChanged: z.object({ before: z.array(z.string()), after: z.array(z.string()) }).nullable(),
  groups: z.array(groupAnalysisSchema),
});
export type ItemAnalysis = z.infer<typeof itemAnalysisSchema>;

export const waveRefSchema = z.object({ id: entityId, title: z.string(), kind: z.enum(waveKinds), instrumentId: entityId });

export const analysisSchema = z.object({
  threshold: z.number().int(),
  /** The waves that can be compared (any two sharing a questionnaire), and the pair compared. */
  waves: z.array(waveRefSchema),
  comparison: z.object({ before: waveRefSchema, after: waveRefSchema }).nullable(),
  /** Why the comparison counts whom it counts: people in either wave, by reason left out. */
  people: z.object({
    counted: z.number().int(),
    noConsent: z.number().int(),
    withdrawn: z.number().int(),
    oneWave: z.number().int(),
  }),
  items: z.array(itemAnalysisSchema),
});
export type SurveyAnalysis = z.infer<typeof analysisSchema>;

export const freeTextSchema = z.object({
  /** The free-text items of the wave's questionnaire. */
  items: z.array(z.object({ id: entityId, text: z.string() })),
  answers: z.array(z.object({ code: pseudonymCode, role: participantRole, itemId: entityId, text: z.string() })),
  offset: z.number().int(),
  total: z.number().int(),
  /** Answers not listed, and why. */
  notShown: z.object({ noConsent: z.number().int(), withdrawn: z.number().int() }),
});
export type FreeTextAnswers = z.infer<typeof freeTextSchema>;

export const waveReturnsSchema = z.object({
  waveId: entityId,
  title: z.string(),
  kind: z.enum(waveKinds),
  opensOn: isoDate,
  closesOn: isoDate,
  state: z.enum(waveStates),
  returned: z.number().int(),
  invited: z.number().int(),
});
export type WaveReturns = z.infer<typeof waveReturnsSchema>;

const byInstrument = z.object({ instrumentId: entityId }).strict();
const byWave = z.object({ waveId: entityId }).strict();
const instrumentTitle = requiredText('Title', 200);
const invalidatesSurveys = ['surveys'] as const;

export const surveysContract = {
  'surveys.overview': channel({
    summary: 'A pilot’s questionnaires and waves, each wave with its dates, state and returns, and the small-group threshold.',
    input: byPilot,
    output: overviewSchema,
  }),
  'surveys.returns': channel({
    summary: 'Responses returned per wave against the people it was for (for the pilot dashboard).',
    input: byPilot,
    output: z.array(waveReturnsSchema),
  }),
  'surveys.setThreshold': channel({
    summary: 'Set the pilot’s small-group threshold: groups smaller than it show no statistic (default 5, never below 3).',
    invalidates: invalidatesSurveys,
    input: z.object({ pilotId: entityId, threshold: z.number().int('Whole people only').min(3, 'The threshold is never below 3').max(50, 'At most 50') }).strict(),
    output: z.object({ threshold: z.number().int() }),
  }),
  'surveys.instrument': channel({
    summary: 'One questionnaire with its current items, their earlier wordings, its versions and the waves that use it.',
    input: byInstrument,
    output: instrumentSchema,
  }),
  'surveys.createInstrument': channel({
    summary: 'Start a questionnaire, from the scheme template (statements for students and for staff) or blank.',
    invalidates: invalidatesSurveys,
    input: z.object({ pilotId: entityId, title: instrumentTitle, template: z.enum(templates) }).strict(),
    output: instrumentSchema,
  }),
  'surveys.renameInstrument': channel({
    summary: 'Rename a questionnaire (its items and versions stay as they are).',
    invalidates: invalidatesSurveys,
    input: z.object({ instrumentId: entityId, title: instrumentTitle }).strict(),
    output: instrumentSchema,
  }),
  'surveys.addItem': channel({
    summary: 'Add an item at the end of a questionnaire (a new version when the current one has responses).',
    invalidates: invalidatesSurveys,
    input: z.object({ instrumentId: entityId, item: itemDraft }).strict(),
    output: instrumentSchema,
  }),
  'surveys.updateItem': channel({
    summary: 'Change an item’s wording, audience, labels or reverse scoring (a new version when the current one has responses).',
    invalidates: invalidatesSurveys,
    input: z.object({ instrumentId: entityId, itemId: entityId, item: itemDraft }).strict(),
    output: instrumentSchema,
  }),
  'surveys.removeItem': channel({
    summary: 'Take an item out of the questionnaire (answers already given to it are kept with their version).',
    invalidates: invalidatesSurveys,
    input: z.object({ instrumentId: entityId, itemId: entityId }).strict(),
    output: instrumentSchema,
  }),
  'surveys.moveItem': channel({
    summary: 'Move an item one place up or down.',
    invalidates: invalidatesSurveys,
    input: z.object({ instrumentId: entityId, itemId: entityId, direction: z.enum(['up', 'down']) }).strict(),
    output: instrumentSchema,
  }),
  'surveys.deleteInstrument': channel({
    summary: 'Delete a questionnaire that no wave uses.',
    invalidates: invalidatesSurveys,
    input: byInstrument,
    output: z.null(),
  }),
  'surveys.createWave': channel({
    summary: 'Add a wave (pre, post or follow-up): a questionnaire put to an audience between two dates.',
    invalidates: invalidatesSurveys,
    input: z.object({ pilotId: entityId, wave: waveDraft }).strict(),
    output: waveSchema,
  }),
  'surveys.updateWave': channel({
    summary: 'Change a wave’s title, kind, audience or dates (its questionnaire only while it has no responses).',
    invalidates: invalidatesSurveys,
    input: z.object({ waveId: entityId, wave: waveDraft }).strict(),
    output: waveSchema,
  }),
  'surveys.deleteWave': channel({
    summary: 'Delete a wave that has no responses.',
    invalidates: invalidatesSurveys,
    input: byWave,
    output: z.null(),
  }),
  'surveys.respondents': channel({
    summary: 'The people a wave is for, with their participant code and whether they have answered; searched and paged.',
    input: z
      .object({
        waveId: entityId,
        search: z.string().trim().max(200).default(''),
        answered: z.enum(['all', 'answered', 'not-yet']).default('all'),
        ...pageWindow({ defaultLimit: 50, maxLimit: 200 }),
      })
      .strict(),
    output: z.object({ rows: z.array(respondentSchema), total: z.number().int(), answered: z.number().int(), invited: z.number().int() }),
  }),
  'surveys.response': channel({
    summary: 'One person’s response in a wave with the items they answered (or would answer), or no answers yet.',
    input: z.object({ waveId: entityId, participantId: entityId }).strict(),
    output: responseSchema,
  }),
  'surveys.saveResponse': channel({
    summary: 'Record (or correct) one person’s answers in a wave, entered by hand from a paper or emailed form.',
    invalidates: invalidatesSurveys,
    input: z.object({ waveId: entityId, participantId: entityId, answers: z.array(answerInput).max(MAX_ITEMS) }).strict(),
    output: responseSchema,
  }),
  'surveys.deleteResponse': channel({
    summary: 'Remove one person’s response from a wave.',
    invalidates: invalidatesSurveys,
    input: z.object({ waveId: entityId, participantId: entityId }).strict(),
    output: z.null(),
  }),
  'surveys.importPreview': channel({
    summary:
      'Check a staged forms export (see imports.stage) against a wave: who answered (email or participant code), which column holds which question (mapped by question text, guessed or remembered), every row-level error. Saves nothing.',
    input: z.object({ waveId: entityId, stagedId, mapping: responseColumnMapping.optional() }).strict(),
    output: responseImportPreviewSchema,
  }),
  'surveys.import': channel({
    summary: 'Import a wave’s responses from a staged forms export: every row or none; a response already recorded with the same answers is skipped.',
    invalidates: invalidatesSurveys,
    input: z.object({ waveId: entityId, stagedId, mapping: responseColumnMapping }).strict(),
    output: z.object({ imported: z.number().int(), skipped: z.number().int() }),
  }),
  'surveys.analysis': channel({
    summary:
      'Compare two waves item by item, for everyone and by role: paired n, medians, who improved, the Wilcoxon signed-rank test and its effect size; only people whose consent covers research use; small groups suppressed.',
    input: z.object({ pilotId: entityId, beforeWaveId: entityId.optional(), afterWaveId: entityId.optional() }).strict(),
    output: analysisSchema,
  }),
  'surveys.freeText': channel({
    summary: 'Free-text answers of a wave with each person’s pseudonym code, only where consent covers research use; paged.',
    input: z.object({ waveId: entityId, ...pageWindow({ defaultLimit: 50, maxLimit: 200 }) }).strict(),
    output: freeTextSchema,
  }),
  'surveys.ofPerson': channel({
    summary: 'The survey waves put to one person (by their role), each with when they answered, or null: for their page.',
    input: z.object({ participantId: entityId }).strict(),
    output: z.array(z.object({ waveId: entityId, title: z.string(), kind: z.enum(waveKinds), opensOn: isoDate, closesOn: isoDate, answeredAt: z.string().nullable() })),
  }),
} as const;
