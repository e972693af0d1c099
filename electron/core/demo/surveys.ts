import type { HandlerRegistry } from '../registry/registry';
import type { ChannelInput } from '../../../shared/contract';
import type { DemoClock } from './clock';
import { call } from './call';

/**
 * Demo surveys: the scheme template put to everyone before pairing and again now, with a realistic,
 * mixed effect — belonging and confidence with senior staff rise for many students, "my voice can
 * change things" hardly moves, staff understanding rises a little and "hard to talk about inclusion"
 * falls; about one in five skips the post wave, which is still open.
 */

/** How each template statement moves from before to after: the chance a person moves up a point, and down a point. */
const shifts: Record<string, { up: number; down: number; start: number }> = {
  'I feel I belong at this university': { up: 0.55, down: 0.08, start: 2.6 },
  'I feel my background is valued': { up: 0.3, down: 0.12, start: 2.9 },
  'Staff understand students like me': { up: 0.45, down: 0.1, start: 2.4 },
  'I feel confident speaking to senior staff': { up: 0.65, down: 0.05, start: 2.2 },
  'I feel my voice can change how the university works': { up: 0.15, down: 0.15, start: 2.8 },
  'I understand the challenges students from under-represented backgrounds face': { up: 0.5, down: 0.05, start: 3.0 },
  'I know how my decisions affect these students': { up: 0.35, down: 0.1, start: 3.1 },
  // Reverse-scored: finding it hard falls, which is the improvement.
  'I find it hard to talk with students about inclusion': { up: 0.08, down: 0.45, start: 3.6 },
};

const reflections = [
  'I speak up more in seminars now (demo).',
  'Meeting someone senior who listened made the university feel less distant (demo).',
  'I understand why deadlines land badly for students who work (demo).',
  'Not much has changed yet, but I know who to ask (demo).',
];

/**
 * The pre wave is answered before pairing (call this then); the post wave's answers are drawn at the
 * same time, so the effect is fixed by the seed, and entered when `answerPostWave` is called, in the
 * days before "today".
 */
export async function startSurveysDemo(registry: HandlerRegistry, pilotId: number, random: () => number, clock: DemoClock): Promise<{ answerPostWave: () => Promise<Record<string, number>> }> {
  const instrument = await call(registry, 'surveys.createInstrument', { pilotId, title: 'Belonging and understanding (demo)', template: 'scheme' });
  const pre = await call(registry, 'surveys.createWave', {
    pilotId,
    wave: { instrumentId: instrument.id, kind: 'pre', title: 'Before pairing (demo)', audience: 'both', opensOn: clock.day(-46), closesOn: clock.day(-37) },
  });
  const post = await call(registry, 'surveys.createWave', {
    pilotId,
    wave: { instrumentId: instrument.id, kind: 'post', title: 'After the meetings (demo)', audience: 'both', opensOn: clock.day(-6), closesOn: clock.day(10) },
  });
  const { rows } = await call(registry, 'participants.list', { pilotId });
  const takingPart = rows.filter((p) => p.status !== 'withdrawn' && (p.consent === 'given' || p.consent === 'none'));
  const clamp = (n: number) => Math.max(1, Math.min(5, n));
  let responses = 0;
  const postAnswers: { participantId: number; answers: ChannelInput<'surveys.saveResponse'>['answers'] }[] = [];
  for (const person of takingPart) {
    if (random() >= 0.9) continue; // never answered
    const items = instrument.items.filter((item) => item.audience === 'both' || item.audience === (person.role === 'mentor' ? 'mentors' : 'mentees'));
    const before = new Map<number, number>();
    const after = new Map<number, number>();
    for (const item of items.filter((i) => i.kind === 'likert')) {
      const shift = shifts[item.text] ?? { up: 0.2, down: 0.2, start: 3 };
      const start = clamp(Math.round(shift.start + (random() - 0.5) * 2.2));
      const move = random();
      before.set(item.id, start);
      after.set(item.id, clamp(start + (move < shift.up ? 1 + (random() < 0.2 ? 1 : 0) : move < shift.up + shift.down ? -1 : 0)));
    }
    const text = items.find((i) => i.kind === 'text');
    const answers = (scores: Map<number, number>, withText: boolean) => [
      ...[...scores].map(([itemId, score]) => ({ itemId, score })),
      ...(text && withText ? [{ itemId: text.id, text: reflections[Math.floor(random() * reflections.length)]! }] : []),
    ];
    await call(registry, 'surveys.saveResponse', { waveId: pre.id, participantId: person.id, answers: answers(before, false) });
    responses += 1;
    if (random() < 0.2) continue; // skipped the post wave (so far)
    postAnswers.push({ participantId: person.id, answers: answers(after, random() < 0.5) });
  }
  return {
    answerPostWave: async () => {
      for (const response of postAnswers) await call(registry, 'surveys.saveResponse', { waveId: post.id, ...response });
      return { 'survey waves': 2, 'survey responses': responses + postAnswers.length };
    },
  };
}
