import { ok } from './pilot';
import type { HandlerRegistry } from '../../electron/core';

/**
 * A pilot with themes, a 4-meeting fortnightly plan, and one confirmed pair free on Wednesday
 * afternoons — the smallest world in which meetings and logs exist.
 */
export async function pilotWithPair(registry: HandlerRegistry) {
  const pilot = await ok(registry, 'pilots.create', { name: 'Meetings pilot', startDate: '2026-10-01', endDate: '2027-06-30' });
  const pilotId = pilot.id;
  for (const title of ['Identity', 'Belonging', 'Assessment']) await ok(registry, 'themes.create', { pilotId, theme: { title, iceBreakers: [`Ice-breaker about ${title}`] } });
  const mentor = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Amara Nwosu', email: 'amara@example.ac.uk', role: 'mentor', department: 'Law', availability: ['mon-am', 'wed-pm'] } });
  const mentee = await ok(registry, 'participants.create', { pilotId, participant: { name: 'Helen Marsh', email: 'helen@example.ac.uk', role: 'mentee', department: 'Registry', availability: ['wed-pm', 'fri-am'] } });
  await readyForPairing(registry, pilotId, [mentor.id, mentee.id]);
  const [pair] = await ok(registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: mentor.id, menteeId: mentee.id }] });
  return { pilotId, mentor, mentee, pair: pair! };
}

const everything = { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: true, archiving: true };

/**
 * Puts people where the pairing pool wants them: consent to take part recorded (on the pilot's
 * first consent form, made if there is none) and met at chemistry (set by hand, for people still
 * interested). Only such people may be paired.
 */
export async function readyForPairing(registry: HandlerRegistry, pilotId: number, ids: number[]) {
  await consentToTakePart(registry, pilotId, ids);
  for (const id of ids) {
    if ((await ok(registry, 'participants.get', { id })).status === 'interested') await ok(registry, 'participants.transition', { id, to: 'chemistry' });
  }
}

/** Consent to take part (and the rest) recorded for these people, on the pilot's first consent form (made if there is none). */
export async function consentToTakePart(registry: HandlerRegistry, pilotId: number, ids: number[]) {
  const plan = await ok(registry, 'plan.get', { pilotId });
  const form = plan.consentForms[0] ?? (await ok(registry, 'consentForms.create', { pilotId, form: { version: '1', datedOn: '2026-09-01', text: 'Taking part in the pilot' } }));
  for (const id of ids) {
    if ((await ok(registry, 'participants.get', { id })).consent !== 'given') await ok(registry, 'consent.record', { participantId: id, formId: form.id, givenOn: form.datedOn, choices: everything });
  }
}

/** A scheme without chemistry meetings or training before pairing: consent alone lets people into the pool. */
export async function pairingNeedsConsentOnly(registry: HandlerRegistry, pilotId: number) {
  const { meetingPlan } = await ok(registry, 'plan.get', { pilotId });
  await ok(registry, 'plan.setMeetingPlan', { pilotId, meetingPlan: { ...meetingPlan, chemistryBeforePairing: false, trainingBeforePairing: false } });
}

/** A clock the test can move: meetings are held only on dates already passed. */
export function movableClock(start: string) {
  let now = new Date(start);
  return {
    now: () => now,
    set: (iso: string) => {
      now = new Date(iso);
    },
  };
}
