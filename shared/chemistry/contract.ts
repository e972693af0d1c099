import { z } from 'zod';
import { channel } from '../contract/define';
import { byId, entityId, isoDate, optionalText } from '../contract/common';
import { pageOf, pageWindow, pairSides, searchText } from '../contract/lists';

export const willingness = z.enum(['yes', 'maybe', 'no']);
export type Willingness = z.infer<typeof willingness>;
export const willingnessLabels: Record<Willingness, string> = { yes: 'Yes', maybe: 'Maybe', no: 'No' };

export const chemistryDraft = z.object({
  heldOn: isoDate,
  mentorId: entityId,
  menteeId: entityId,
  happened: z.boolean().default(true),
  /** Each side's answer to "would you like to work together?"; null until asked. */
  mentorWillingness: willingness.nullable().default(null),
  menteeWillingness: willingness.nullable().default(null),
  mentorNote: optionalText('Mentor’s note', 2000).default(''),
  menteeNote: optionalText('Mentee’s note', 2000).default(''),
});
export type ChemistryDraft = z.input<typeof chemistryDraft>;

export const chemistryMeetingSchema = z.object({
  id: entityId,
  pilotId: entityId,
  heldOn: isoDate,
  ...pairSides,
  happened: z.boolean(),
  mentorWillingness: willingness.nullable(),
  menteeWillingness: willingness.nullable(),
  mentorNote: z.string(),
  menteeNote: z.string(),
});
export type ChemistryMeeting = z.infer<typeof chemistryMeetingSchema>;

/** Which chemistry meetings a page shows. */
export const chemistryFilters = ['all', 'took-place', 'did-not-happen', 'said-no', 'not-asked'] as const;
export type ChemistryFilter = (typeof chemistryFilters)[number];
export const chemistryFilterLabels: Record<ChemistryFilter, string> = {
  all: 'All',
  'took-place': 'Took place',
  'did-not-happen': 'Did not happen',
  'said-no': 'Someone said no',
  'not-asked': 'Answer not asked yet',
};

export const chemistryListInput = z
  .object({
    pilotId: entityId,
    filter: z.enum(chemistryFilters).default('all'),
    /** Part of either person's name. */
    search: searchText,
    ...pageWindow({ defaultLimit: 50, maxLimit: 500 }),
  })
  .strict();

/** Meetings matching the filter and search, and: */
export const chemistryPageSchema = pageOf(chemistryMeetingSchema).extend({
  /** The whole pilot, whatever the filter: recorded, took place, with a "no". */
  summary: z.object({ recorded: z.number().int(), tookPlace: z.number().int(), saidNo: z.number().int() }),
});
export type ChemistryPage = z.infer<typeof chemistryPageSchema>;

export const chemistryContract = {
  'chemistry.list': channel({
    summary: 'One page of a pilot’s chemistry meetings (newest first), filtered and searched by name, with each side’s willingness and the pilot’s totals.',
    input: chemistryListInput,
    output: chemistryPageSchema,
  }),
  'chemistry.create': channel({
    summary: 'Record a chemistry meeting between a mentor (student) and a mentee (staff); one per pair.',
    invalidates: ['chemistry', 'training', 'matching', 'pairs', 'participants'],
    input: z.object({ pilotId: entityId, meeting: chemistryDraft }).strict(),
    output: chemistryMeetingSchema,
  }),
  'chemistry.update': channel({
    summary: 'Change a chemistry meeting: whether it happened, the answers and notes.',
    invalidates: ['chemistry', 'training', 'matching', 'pairs', 'participants'],
    input: z.object({ id: entityId, meeting: chemistryDraft }).strict(),
    output: chemistryMeetingSchema,
  }),
  'chemistry.delete': channel({
    summary: 'Remove a chemistry meeting recorded by mistake; a "chemistry" stage it set is taken back.',
    invalidates: ['chemistry', 'training', 'matching', 'pairs', 'participants'],
    input: byId,
    output: z.null(),
  }),
} as const;
