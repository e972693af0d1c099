import type { HandlerRegistry } from '../registry/registry';
import { call } from './call';

/**
 * A short coded transcript for the demo's first done interview: obviously synthetic (every line
 * says so), in the voice of the pilot's own materials. The codebook starts from the plan's themes,
 * with one code of the coordinator's own, and three excerpts coded.
 */
const DEMO_TRANSCRIPT = [
  '[00:00:04] Interviewer: Thanks for making time. What was your experience of the scheme, looking back? (demo)',
  '[00:00:11] Participant: Honestly it felt odd at first, a student telling a head of school how things are. By the third meeting it was just two people talking. (demo)',
  '[00:00:32] Interviewer: What changed for you, if anything? (demo)',
  '[00:00:37] Participant: I stopped assuming everyone can afford the field trip. My mentor walked me through her week: two jobs, a long commute. (demo)',
  '[00:01:02] Interviewer: And the training before you were paired? (demo)',
  '[00:01:07] Participant: The session on confidentiality was clear. I would have liked more on what to do if someone tells you something worrying. (demo)',
  '[00:01:29] Interviewer: What would you change? (demo)',
  '[00:01:33] Participant: Monthly meetings, and one group session halfway through so pairs can compare notes. (demo)',
].join('\n');

const CODED: { words: string; code: 'own' | number; memo: string }[] = [
  { words: 'By the third meeting it was just two people talking.', code: 0, memo: 'Hierarchy fades with time (demo memo).' },
  { words: 'I stopped assuming everyone can afford the field trip.', code: 'own', memo: 'Changed assumption about students’ costs (demo memo).' },
  { words: 'I would have liked more on what to do if someone tells you something worrying.', code: 1, memo: '' },
];

export async function fillTranscriptDemo(registry: HandlerRegistry, { pilotId }: { pilotId: number }) {
  const { rows } = await call(registry, 'interviews.list', { pilotId, status: 'done', offset: 0, limit: 1 });
  const interview = rows[0];
  if (!interview) return { 'coded transcripts': 0 };
  const saved = await call(registry, 'transcripts.save', { interviewId: interview.id, baseVersion: 0, body: DEMO_TRANSCRIPT });
  let codes = await call(registry, 'codebook.list', { pilotId });
  if (codes.length === 0) {
    try {
      codes = await call(registry, 'codebook.startFromThemes', { pilotId });
    } catch {
      codes = []; // a plan without themes: the coordinator's own code below still shows coding
    }
  }
  const own = codes.find((c) => c.name === 'Assumptions challenged (demo)') ?? (await call(registry, 'codebook.create', { pilotId, name: 'Assumptions challenged (demo)', colour: '#f4a6a6', description: 'A senior colleague notices an assumption they held (demo).' }));
  for (const { words, code, memo } of CODED) {
    const at = saved.body.indexOf(words);
    const start = Array.from(saved.body.slice(0, at)).length;
    const codeId = code === 'own' ? own.id : (codes[code]?.id ?? own.id);
    await call(registry, 'coding.apply', { interviewId: interview.id, start, end: start + Array.from(words).length, codeIds: [codeId], memo });
  }
  return { 'coded transcripts': 1 };
}
