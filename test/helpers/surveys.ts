import type { HandlerRegistry } from '../../electron/core';
import { ok } from './pilot';

export const TODAY = '2026-11-22';

/**
 * A running pilot with a consent form and `mentors` students and `mentees` staff, all consenting to
 * take part and to research use unless listed in `noResearch` (by index in the returned list).
 */
export async function surveyPilot(registry: HandlerRegistry, { mentors = 8, mentees = 8, noResearch = [] as number[] } = {}) {
  const pilot = await ok(registry, 'pilots.create', { name: 'Surveys pilot', startDate: '2026-09-01', endDate: '2027-06-30', status: 'running' });
  const pilotId = pilot.id;
  const form = await ok(registry, 'consentForms.create', { pilotId, form: { version: '1.0', datedOn: '2026-09-01', text: 'Consent form (test).' } });
  const people: { id: number; role: 'mentor' | 'mentee'; email: string; consentId: number }[] = [];
  for (const [role, count] of [
    ['mentor', mentors],
    ['mentee', mentees],
  ] as const) {
    for (let i = 1; i <= count; i++) {
      const email = `${role}${i}@example.ac.uk`;
      const person = await ok(registry, 'participants.create', { pilotId, participant: { name: `${role === 'mentor' ? 'Student' : 'Staff'} ${i}`, email, role } });
      const research = !noResearch.includes(people.length);
      const consent = await ok(registry, 'consent.record', {
        participantId: person.id,
        formId: form.id,
        givenOn: '2026-09-10',
        choices: { takePart: true, researchUseOfLogs: research, audioRecording: false, directQuotes: false, archiving: true },
      });
      people.push({ id: person.id, role, email, consentId: consent.id });
    }
  }
  return { pilotId, people, formId: form.id };
}

/** The scheme template questionnaire with a pre and a post wave for both roles. */
export async function templateWaves(registry: HandlerRegistry, pilotId: number) {
  const instrument = await ok(registry, 'surveys.createInstrument', { pilotId, title: 'Belonging survey', template: 'scheme' });
  const pre = await ok(registry, 'surveys.createWave', { pilotId, wave: { instrumentId: instrument.id, kind: 'pre', title: 'Before (autumn)', audience: 'both', opensOn: '2026-09-15', closesOn: '2026-09-30' } });
  const post = await ok(registry, 'surveys.createWave', { pilotId, wave: { instrumentId: instrument.id, kind: 'post', title: 'After (summer)', audience: 'both', opensOn: '2026-11-01', closesOn: '2026-11-30' } });
  return { instrument, pre, post };
}
