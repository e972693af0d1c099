import { unlockedCore } from './vault';
import { ok } from './pilot';
import { pilotWithPair } from './pairs';

/** The interview tests' shared cast: two interviewers with their own passphrases, and one interview slot. */
export const INTERVIEWER = { name: 'Robin Example', email: 'robin.interviewer@example.ac.uk', passphrase: 'harbour violet cactus thimble' };
export const OTHER_INTERVIEWER = { name: 'Sasha Sample', email: 'sasha.interviewer@example.ac.uk', passphrase: 'meadow copper lantern quiver' };
/** When and where an interview is held (inside the test pilots' dates). */
export const when = { scheduledOn: '2027-06-10', startsAt: '14:00', place: 'Room 2.14, Library', onlineLink: '' };

/** A fresh vault in `dir` with a pilot, its confirmed pair (mentor and mentee) and both interviewers. */
export async function pairWithInterviewers(dir: string) {
  const core = await unlockedCore(dir);
  const { pilotId, mentor, mentee } = await pilotWithPair(core.registry);
  const robin = await ok(core.registry, 'interviews.addInterviewer', INTERVIEWER);
  const sasha = await ok(core.registry, 'interviews.addInterviewer', OTHER_INTERVIEWER);
  return { ...core, pilotId, mentor, mentee, robin, sasha };
}
