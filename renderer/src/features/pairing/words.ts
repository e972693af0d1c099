import { criteria, criterionLabels, type MatchingSettings, type MatchingState, type PairingModeChoice, type Unpaired } from '../../../../shared/matching/contract';

/** One line per mode, in the coordinator's terms. */
export const modeExplanations: Record<PairingModeChoice, string> = {
  'best-fit': 'The highest total score for the whole cohort. Someone may stay unpaired when no allowed pair with them scores above 0.',
  'most-paired': 'As many pairs as the rules allow, then the highest total score among those: nobody is left out who could be paired.',
  stable:
    'Each side by its own order — their stated preferences first, then their answer after a chemistry meeting, then the pair score — with mentees choosing first: no mentee and mentor would both rather be with each other than with the partners they get.',
};

export const reasonLabels: Record<Unpaired['reason'], string> = {
  'no-allowed-partner': 'No allowed partner',
  capacity: 'No place left',
  outscored: 'Best partner went elsewhere',
  'not-worth-it': 'No pair scores above 0',
  'no-consent': 'No consent to take part',
  'consent-withdrawn': 'Consent withdrawn',
  'not-met-at-chemistry': 'Not yet met at chemistry',
  'not-trained': 'Not yet trained',
};

/** "Helen Marsh and Amara Nwosu": the staff mentee first, as in the tables. */
export const pairName = (p: { menteeName: string; mentorName: string }) => `${p.menteeName} and ${p.mentorName}`;
export const pairKey = (p: { mentorId: number; menteeId: number }) => `${p.mentorId}:${p.menteeId}`;

/** The most a pair can score under these settings (difference counts only once characteristics are chosen). */
export function maxScore(settings: MatchingSettings): number {
  return criteria.reduce((sum, c) => sum + (c === 'difference' && settings.differenceCharacteristics.length === 0 ? 0 : settings.weights[c]), 0);
}

/** The settings in one sentence, for the top of the proposal. */
export function settingsInWords(settings: MatchingSettings): string[] {
  const weights = criteria
    .filter((c) => !(c === 'difference' && settings.differenceCharacteristics.length === 0))
    .map((c) => `${criterionLabels[c]} ${settings.weights[c]}`)
    .join(', ');
  return [
    `Weights: ${weights}.`,
    settings.differenceCharacteristics.length > 0 ? `Pairs should differ on: ${settings.differenceCharacteristics.join(', ')}.` : 'No characteristics chosen to differ on.',
    settings.allowSameDepartment ? 'Pairs from the same department allowed.' : 'Pairs across departments only.',
    settings.requireAvailabilityOverlap ? 'Pairs must share a free time.' : 'Shared free time not required.',
  ];
}

/**
 * What a proposal depends on in the pairing state: when it differs from the state at the time of the
 * proposal, the proposal is out of date (a pin, a forbidden pair, a conflict, a capacity…).
 */
export function snapshotOf(state: MatchingState): string {
  return JSON.stringify({
    settings: state.settings,
    rules: state.rules.map((r) => [r.mentorId, r.menteeId, r.rule]),
    conflicts: state.conflicts.map((c) => [c.mentorId, c.menteeId]),
    people: state.candidates.map((c) => [c.id, c.capacity, c.pairedCount, c.preferences]),
  });
}
