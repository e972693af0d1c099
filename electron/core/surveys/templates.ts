import type { ItemDraft } from '../../../shared/surveys/contract';

/**
 * The scheme template: statements in the participants' own words from the source documents (the
 * Leeds pilot's post-mentoring feedback on belonging, being valued and confidence that staff
 * understand students; staff's understanding of student challenges), one free-text question each.
 * A starting point: the coordinator edits freely.
 */
export const schemeTemplate: ItemDraft[] = [
  { kind: 'likert', audience: 'mentors', text: 'I feel I belong at this university' },
  { kind: 'likert', audience: 'mentors', text: 'I feel my background is valued' },
  { kind: 'likert', audience: 'mentors', text: 'Staff understand students like me' },
  { kind: 'likert', audience: 'mentors', text: 'I feel confident speaking to senior staff' },
  { kind: 'likert', audience: 'mentors', text: 'I feel my voice can change how the university works' },
  { kind: 'likert', audience: 'mentees', text: 'I understand the challenges students from under-represented backgrounds face' },
  { kind: 'likert', audience: 'mentees', text: 'I know how my decisions affect these students' },
  { kind: 'likert', audience: 'mentees', text: 'I find it hard to talk with students about inclusion', reverseScored: true },
  { kind: 'text', audience: 'both', text: 'What, if anything, has changed for you through the scheme?' },
];
