/** Closing interviews for other features: the withdrawal cascade, the session's refresh, counts for the dashboard and timeline. */
export { cancelInterviewsOfWithdrawn, refreshPeople } from './service';
export { interviewCounts, interviewerBySlot } from './repository';
export { verifyInterviewAudit } from './trail';
export { interviewsAbout } from './subject-access';
export { countInterviewsOf, eraseInterviewsOf } from './erasure';
