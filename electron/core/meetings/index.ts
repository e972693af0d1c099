/** Meetings for other features: a confirmed pair's meetings made from the plan, cancelled when it ends, and a meeting's pilot. */
export { generateMeetings, cancelRemaining, meetingPilot } from './repository';
