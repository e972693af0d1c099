/** Training for other features: who still misses a required topic, and stages brought in line with the records. */
export { missingTopics, settleStages } from './preparation';
export { untrainedAmong } from './counts';
export { countTrainingAttendanceOf, eraseTrainingAttendanceOf, redactNamesInTraining } from './erasure';
