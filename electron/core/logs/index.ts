/** Reflective logs for other features: what a person still owes, and excusing it when they leave (meetings read log states in SQL, meetings/repository.ts). */
export { owedLogsOf, excuseOwedLogs } from './repository';
export { countOwedLogs, logReturns } from './counts';
export { countLogsBy, eraseLogsBy, redactNamesInLogs, purgeSearchIndex } from './erasure';
export { researchLogs, type ResearchLog } from './research-rows';
export { logsWrittenBy } from './subject-access';
