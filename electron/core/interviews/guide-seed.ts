import type { GuideAudience, GuideQuestionDraft } from '../../../shared/interviews/contract';

/**
 * The starting guide, from the pilots' own accounts: the closing interview was where "the most
 * authentic reflections" came out — on the scheme as a whole, what changed, the training, the
 * themes, and what they would change. Worded per audience; the coordinator edits it freely.
 */
export function seedGuide(audience: GuideAudience): { title: string; questions: GuideQuestionDraft[] } {
  const partner = audience === 'mentor' ? 'your mentee' : audience === 'mentee' ? 'your mentor' : 'your partner';
  const title = audience === 'mentor' ? 'Closing interview: mentors' : audience === 'mentee' ? 'Closing interview: mentees' : 'Closing interview';
  return {
    title,
    questions: [
      {
        question: 'Looking back, how would you describe your experience of the scheme?',
        prompts: [`What stood out in your meetings with ${partner}?`, 'Was there a moment that surprised you?'],
      },
      {
        question: 'What, if anything, has changed for you because of taking part?',
        prompts: ['In how you see the university, or people in other roles?', 'Is there something you now do differently?'],
      },
      {
        question: 'How well did the training prepare you?',
        prompts: ['Confidentiality and its limits: was it clear what to do if something difficult came up?', 'What was missing?'],
      },
      {
        question: 'Which of the meeting themes mattered most, and which did not work?',
        prompts: ['Did the ice-breaker questions help you start?', 'Were there themes you wished you had talked about?'],
      },
      {
        question: 'If the scheme ran again, what would you change?',
        prompts: ['The number, length or format of meetings?', 'How pairs were made, or the support available?'],
      },
    ],
  };
}
