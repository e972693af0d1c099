/**
 * Surveys for other features (the pilot dashboard, the sponsor report, exports): which pilot a wave
 * or questionnaire belongs to, returns per wave, the paired analysis of two waves (per item, for
 * everyone and by role, suppressed), and the pilot's small-group threshold.
 */
export { wavePilot, listWaves, waveReturns } from './waves';
export { instrumentPilot } from './instruments';
export { analyseWaves } from './analysis';
export { suppressionThreshold } from './settings';
export { researchStandings, type ResearchStanding } from './people';
export { countSurveyResponsesOf, eraseSurveyResponsesOf, redactNamesInSurveys } from './erasure';
export { researchSurveys, type ResearchWave, type ResearchItem, type ResearchResponse } from './research-rows';
export { surveyAnswersOf } from './subject-access';
