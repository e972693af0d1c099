/**
 * Pairing for other features: a pair's pilot, the pairing settings (eligibility renames carry into
 * them), a person's current pairs, and ending a pair (a withdrawal ends theirs).
 */
export { pairPilot, getSettings as getMatchingSettings, setSettings as setMatchingSettings, currentPairsOf } from './engine/repository';
export { endPairWithReason } from './engine/end-pair';
export { countPairingRulesOf, erasePairingRulesOf, countPairsOf, countPairsInPilot, redactNamesInPairs } from './erasure';
export { researchPairs, type ResearchPair } from './research-rows';
export { pairsOfPerson } from './subject-access';
