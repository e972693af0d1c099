import { z } from 'zod';
import { channel } from '../contract/define';
import { byId, entityId, optionalText, requiredText, timestamp } from '../contract/common';
import { pairSides } from '../contract/lists';
import { participantRole } from '../participants/contract';

export const criteria = ['chemistry', 'preferences', 'difference', 'topics', 'availability'] as const;
export type Criterion = (typeof criteria)[number];
export const criterionLabels: Record<Criterion, string> = {
  chemistry: 'Chemistry meeting',
  preferences: 'Stated preferences',
  difference: 'Different on chosen characteristics',
  topics: 'Shared topics',
  availability: 'Availability overlap',
};

export const pairingModes = ['best-fit', 'most-paired', 'stable'] as const;
export type PairingModeChoice = (typeof pairingModes)[number];
export const pairingModeLabels: Record<PairingModeChoice, string> = {
  'best-fit': 'Best total fit',
  'most-paired': 'Most people paired',
  stable: 'Stable (mentees propose)',
};

const weight = z.number().min(0, 'Weights cannot be negative').max(100, 'At most 100');

export const matchingSettingsSchema = z.object({
  mode: z.enum(pairingModes),
  weights: z.object({ chemistry: weight, preferences: weight, difference: weight, topics: weight, availability: weight }),
  /** Characteristics the scheme wants pairs to differ on (Leeds: mentors differ from mentees in what they explore). */
  differenceCharacteristics: z.array(requiredText('Characteristic', 100)).max(40),
  allowSameDepartment: z.boolean(),
  requireAvailabilityOverlap: z.boolean(),
});
export type MatchingSettings = z.infer<typeof matchingSettingsSchema>;
export const DEFAULT_MATCHING_SETTINGS: MatchingSettings = {
  mode: 'best-fit',
  weights: { chemistry: 40, preferences: 25, difference: 15, topics: 10, availability: 10 },
  differenceCharacteristics: [],
  allowSameDepartment: false,
  requireAvailabilityOverlap: false,
};

export const conflictKinds = ['teaches', 'assesses', 'supervises', 'other'] as const;
export const conflictKindLabels: Record<(typeof conflictKinds)[number], string> = {
  teaches: 'teaches the student',
  assesses: 'assesses the student',
  supervises: 'supervises the student',
  other: 'other conflict of interest',
};

export const conflictSchema = z.object({ id: entityId, mentorId: entityId, menteeId: entityId, kind: z.enum(conflictKinds), note: z.string() });
export const pairRuleSchema = z.object({ mentorId: entityId, menteeId: entityId, rule: z.enum(['pin', 'forbid']) });
export type PairRule = z.infer<typeof pairRuleSchema>;

export const candidateSchema = z.object({
  id: entityId,
  name: z.string(),
  role: participantRole,
  department: z.string(),
  status: z.string(),
  capacity: z.number().int(),
  /** Partners already in confirmed pairs with this person. */
  pairedCount: z.number().int(),
  trained: z.boolean(),
  /** Required training topics this person has not yet attended (empty when trained). */
  trainingMissing: z.array(z.string()),
  /** Ranked partner preferences this person stated (ids of the other role), best first. */
  preferences: z.array(entityId),
  /** Why this person may not be paired now ("No consent to take part", "Not yet met at chemistry"), or null when they may. */
  notInPool: z.string().nullable(),
  /** Their partner withdrew: flagged for re-pairing, with why. */
  repairingNote: z.string().nullable(),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const explanationSchema = z.object({
  criterion: z.enum(criteria),
  points: z.number(),
  max: z.number(),
  /** In words: "both said yes", "shared topics: Belonging, Careers". */
  detail: z.string(),
});
export type Explanation = z.infer<typeof explanationSchema>;

export const proposedPairSchema = z.object({
  ...pairSides,
  score: z.number(),
  pinned: z.boolean(),
  /** "Most people paired" only: the pair scores nothing and is proposed only so that nobody is left out. */
  onlyToIncludeEveryone: z.boolean(),
  explanation: z.array(explanationSchema),
});
export type ProposedPair = z.infer<typeof proposedPairSchema>;

export const unpairedReasons = ['no-allowed-partner', 'capacity', 'outscored', 'not-worth-it', 'no-consent', 'consent-withdrawn', 'not-met-at-chemistry', 'not-trained'] as const;
export const unpairedSchema = z.object({
  participantId: entityId,
  name: z.string(),
  role: participantRole,
  reason: z.enum(unpairedReasons),
  /** A sentence for the coordinator, with numbers. */
  detail: z.string(),
});
export type Unpaired = z.infer<typeof unpairedSchema>;

export const proposalSchema = z.object({
  mode: z.enum(pairingModes),
  pairs: z.array(proposedPairSchema),
  unpaired: z.array(unpairedSchema),
  totalScore: z.number(),
  /** Allowed pairs not matched together who would both rather be with each other than a current partner. */
  blockingPairs: z.number().int(),
  /** People with a free place (capacity not yet filled by confirmed pairs), on each side. */
  mentors: z.number().int(),
  mentees: z.number().int(),
  /** Pins that could not be kept (a hard rule forbids them, or a person is no longer available). */
  warnings: z.array(z.string()),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const pairSchema = z.object({
  id: entityId,
  pilotId: entityId,
  ...pairSides,
  score: z.number(),
  explanation: z.array(explanationSchema),
  confirmedAt: timestamp,
  endedAt: timestamp.nullable(),
  endReason: z.string().nullable(),
  /** People in this pair not yet trained for their role (with the required topics they still miss): flag before the first meeting. */
  untrained: z.array(z.object({ id: entityId, name: z.string(), missing: z.array(z.string()) })),
});
export type Pair = z.infer<typeof pairSchema>;

export const matchingStateSchema = z.object({
  settings: matchingSettingsSchema,
  eligibility: z.array(z.string()),
  /** What the plan asks before pairing (set on the Plan screen, meeting plan). */
  gate: z.object({ chemistryBeforePairing: z.boolean(), trainingBeforePairing: z.boolean() }),
  candidates: z.array(candidateSchema),
  conflicts: z.array(conflictSchema),
  rules: z.array(pairRuleSchema),
});
export type MatchingState = z.infer<typeof matchingStateSchema>;

const forPilot = { pilotId: entityId };
const pairKey = { mentorId: entityId, menteeId: entityId };

export const matchingContract = {
  'matching.state': channel({
    summary: 'Everything the pairing screen needs: settings, candidates with capacities and preferences, conflicts of interest, pins and forbidden pairs.',
    input: z.object(forPilot).strict(),
    output: matchingStateSchema,
  }),
  'matching.setSettings': channel({
    summary: 'Set the pairing mode, criterion weights and rules (difference characteristics, same department, availability).',
    invalidates: ['chemistry', 'training', 'matching', 'pairs', 'participants'],
    input: z.object({ ...forPilot, settings: matchingSettingsSchema }).strict(),
    output: matchingSettingsSchema,
  }),
  'matching.addConflict': channel({
    summary: 'Record a conflict of interest: the staff member teaches, assesses or supervises the student. They are never paired.',
    invalidates: ['chemistry', 'training', 'matching', 'pairs', 'participants'],
    input: z.object({ ...forPilot, ...pairKey, kind: z.enum(conflictKinds), note: optionalText('Note', 1000).default('') }).strict(),
    output: conflictSchema,
  }),
  'matching.removeConflict': channel({
    summary: 'Remove a conflict of interest recorded by mistake.',
    invalidates: ['chemistry', 'training', 'matching', 'pairs', 'participants'],
    input: byId,
    output: z.null(),
  }),
  'matching.setRule': channel({
    summary: 'Pin a pair (kept in every proposal), forbid it (never proposed), or clear the rule (null).',
    invalidates: ['chemistry', 'training', 'matching', 'pairs', 'participants'],
    input: z.object({ ...forPilot, ...pairKey, rule: z.enum(['pin', 'forbid']).nullable() }).strict(),
    output: z.array(pairRuleSchema),
  }),
  'matching.setPreferences': channel({
    summary: 'A person’s ranked preferred partners (of the other role), best first.',
    invalidates: ['chemistry', 'training', 'matching', 'pairs', 'participants'],
    input: z.object({ participantId: entityId, preferredIds: z.array(entityId).max(20) }).strict(),
    output: z.array(entityId),
  }),
  'matching.setCapacity': channel({
    summary: 'How many partners a person takes on (default 1).',
    invalidates: ['chemistry', 'training', 'matching', 'pairs', 'participants'],
    input: z.object({ participantId: entityId, capacity: z.number().int('Whole partners only').min(1, 'At least 1').max(5, 'At most 5: nobody over-burdened') }).strict(),
    output: z.number().int(),
  }),
  'matching.propose': channel({
    summary: 'Propose pairs for the whole cohort under the settings and rules, each with its explanation, and the unpaired with reasons. Saves nothing.',
    input: z.object(forPilot).strict(),
    output: proposalSchema,
  }),
  'matching.confirm': channel({
    summary: 'Confirm pairs (all proposed, or chosen ones): both people move to "paired", each pair gets its meetings, and a pin on a confirmed pair is cleared (its job is done).',
    invalidates: ['chemistry', 'training', 'matching', 'pairs', 'participants', 'meetings'],
    input: z.object({ ...forPilot, pairs: z.array(z.object(pairKey)).min(1, 'Choose at least one pair').max(5000) }).strict(),
    output: z.array(pairSchema),
  }),
  'pairs.list': channel({
    summary: 'Confirmed pairs of a pilot (current ones, or all with ended ones), with untrained people flagged.',
    input: z.object({ ...forPilot, includeEnded: z.boolean().default(false) }).strict(),
    output: z.array(pairSchema),
  }),
  'pairs.unpair': channel({
    summary: 'End a confirmed pair; a reason is required and kept. Both people return to their stage before pairing.',
    invalidates: ['chemistry', 'training', 'matching', 'pairs', 'participants', 'meetings', 'logs'],
    input: z.object({ id: entityId, reason: requiredText('Reason', 2000) }).strict(),
    output: pairSchema,
  }),
} as const;
