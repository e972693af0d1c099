/** Pairing for other features: a pair's pilot, and the pairing settings (eligibility renames carry into them). */
export { pairPilot, getSettings as getMatchingSettings, setSettings as setMatchingSettings } from './engine/repository';
