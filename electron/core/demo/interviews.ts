import type { HandlerRegistry } from '../registry/registry';
import type { DemoClock } from './clock';
import { call } from './call';

/**
 * Closing interviews in the demo: a guide for everyone, two interviewers with their own (printed,
 * obviously demo) passphrases, and interviews in each state: done with notes, consent checked,
 * scheduled, cancelled. Interviewers unlock with their email and passphrase to see their share.
 */
export const DEMO_INTERVIEWERS = [
  { name: 'Robin Demo-Interviewer', email: 'robin.interviewer@demo.example', passphrase: 'demo robin orchard lantern' },
  { name: 'Sasha Demo-Interviewer', email: 'sasha.interviewer@demo.example', passphrase: 'demo sasha harbour violet' },
] as const;

const demoNotes = [
  'Said the meetings were the first time a senior leader asked about their commute and caring duties (demo).',
  'Described changing how they open committee meetings: students speak first now (demo).',
  'Training on confidentiality limits was clear; wanted more on what happens after a disclosure (demo).',
  'The "labels" theme mattered most; the assessment theme felt rushed (demo).',
  'Would make the meetings monthly and add a mid-point group session (demo).',
];

export async function fillInterviewsDemo(registry: HandlerRegistry, { pilotId, clock }: { pilotId: number; clock: DemoClock }) {
  const guide = await call(registry, 'interviews.startGuide', { pilotId, audience: 'everyone' });
  // Interviewers belong to the vault, not the pilot: a second demo pilot in the same vault reuses them.
  const existing = await call(registry, 'interviews.interviewers', {});
  const interviewers = [];
  for (const interviewer of DEMO_INTERVIEWERS) {
    interviewers.push(existing.find((i) => i.email === interviewer.email) ?? (await call(registry, 'interviews.addInterviewer', interviewer)));
  }
  const { rows } = await call(registry, 'participants.list', { pilotId, status: 'active' });
  const people = rows.filter((p) => p.consent === 'given').slice(0, 8);
  let done = 0;
  for (const [index, person] of people.entries()) {
    const past = index < 3;
    const interviewer = interviewers[index % interviewers.length]!;
    const interview = await call(registry, 'interviews.schedule', {
      pilotId,
      participantId: person.id,
      interviewerId: interviewer.id,
      scheduledOn: clock.day(past ? -6 + index : 3 + index * 2),
      startsAt: index % 2 ? '10:00' : '14:30',
      place: index % 3 === 2 ? '' : 'Library, seminar room 2 (demo)',
      onlineLink: index % 3 === 2 ? 'https://meet.demo.example/closing-interview' : '',
    });
    if (past) {
      await call(registry, 'interviews.checkConsent', { interviewId: interview.id });
      for (const [position, question] of guide.questions.entries()) {
        await call(registry, 'interviews.saveNotes', { interviewId: interview.id, questionId: question.id, body: demoNotes[(position + index) % demoNotes.length]! });
      }
      await call(registry, 'interviews.markDone', { interviewId: interview.id });
      done += 1;
    } else if (index === 3) {
      await call(registry, 'interviews.checkConsent', { interviewId: interview.id });
    } else if (index === people.length - 1 && index > 4) {
      await call(registry, 'interviews.cancel', { pilotId, interviewId: interview.id, reason: 'Away on fieldwork; will answer the post survey instead (demo).' });
    }
  }
  return { interviewers: interviewers.length, 'interviews done': done, 'interviews scheduled': people.length - done };
}
