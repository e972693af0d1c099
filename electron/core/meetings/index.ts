/** Meetings for other features: a confirmed pair's meetings made from the plan, cancelled when it ends, and a meeting's pilot. */
export { generateMeetings, cancelRemaining, meetingPilot, remainingMeetings, dueSoonUntil } from './repository';
export { overview as meetingCounts } from './overview';
export { meetingsBetween, peopleBeforeFirstMeeting, heldByTheme } from './counts';
export { redactNamesInMeetings, countMeetingsInPilot } from './erasure';
export { researchMeetings, type ResearchMeeting } from './research-rows';
export { meetingsOfPairs } from './subject-access';
