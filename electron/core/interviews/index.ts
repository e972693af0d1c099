/** Closing interviews for other features: the withdrawal cascade, the session's refresh, counts for the dashboard and timeline. */
export { cancelInterviewsOfWithdrawn, refreshPeople, refreshPersonCopy } from './service';
export { interviewCounts, interviewerBySlot, scheduledInterviewsBetween } from './repository';
export { verifyInterviewAudit } from './trail';
export { interviewsAbout } from './subject-access';
export { countInterviewsOf, eraseInterviewsOf } from './erasure';
export { researchInterviews, type ResearchInterview } from './research';
export { audioResponse, type AudioRange } from './recordings/service';
export { importRecording } from './recordings/service';
