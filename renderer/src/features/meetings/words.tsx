import type { LogState, Meeting, MeetingDue } from '../../../../shared/meetings/contract';

export const pairName = (m: { mentorName: string; menteeName: string }) => `${m.mentorName} and ${m.menteeName}`;

export const meetingLabel = (m: Pick<Meeting, 'sequence' | 'of'>) => `Meeting ${m.sequence} of ${m.of}`;

const dueLabels: Record<MeetingDue, string> = {
  done: 'Held',
  cancelled: 'Cancelled',
  overdue: 'Overdue',
  'due-soon': 'Due in the next 7 days',
  upcoming: 'Scheduled',
};

const logStateLabels: Record<LogState, string> = {
  missing: 'Not written yet',
  draft: 'Draft started',
  submitted: 'Submitted',
  'not-provided': 'Not provided',
};

/** The state of a meeting in words, with a colour that only repeats them. */
export function DuePill({ due }: { due: MeetingDue }) {
  return <span className={`pill pill-${due}`}>{dueLabels[due]}</span>;
}

export function LogStatePill({ state }: { state: LogState }) {
  return <span className={`pill pill-log-${state}`}>{logStateLabels[state]}</span>;
}
