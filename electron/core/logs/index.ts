/** Reflective logs for other features: what a person still owes, and excusing it when they leave (meetings read log states in SQL, meetings/repository.ts). */
export { owedLogsOf, excuseOwedLogs } from './repository';
export { countOwedLogs, logReturns } from './counts';
