import type { LogState, Meeting, MeetingDue } from '../../../../shared/meetings/contract';
import { ApiError } from '../../api';
import { queryClient } from '../../queries';
import { Button } from '../../ui/Button';

/* ---- where things are ------------------------------------------------------------------- */

export const meetingsPath = (pilotId: number, rest = '') => `/pilots/${pilotId}/meetings${rest ? `/${rest}` : ''}`;
export const pairPath = (pilotId: number, pairId: number) => meetingsPath(pilotId, `pairs/${pairId}`);
export const changeSchedulePath = (pilotId: number, pairId?: number) => `${meetingsPath(pilotId, 'change')}${pairId ? `?pair=${pairId}` : ''}`;
export const logsPath = (pilotId: number, tab?: string) => `/pilots/${pilotId}/logs${tab ? `?tab=${tab}` : ''}`;
export const writeLogPath = (pilotId: number, meetingId: number, authorId: number) => `/pilots/${pilotId}/logs/write/${meetingId}/${authorId}`;

/** Meeting and log changes touch every list that counts meetings, logs, people or pairs. */
export const MEETING_NAMESPACES = ['meetings', 'logs', 'participants', 'pairs'];
export function refreshMeetingsAndLogs(refetchType: 'active' | 'none' = 'active') {
  return queryClient.invalidateQueries({ predicate: (q) => MEETING_NAMESPACES.some((ns) => String(q.queryKey[0]).startsWith(`${ns}.`)), refetchType });
}

/* ---- words ------------------------------------------------------------------------------ */

export const isCancelled = (error: unknown) => error instanceof ApiError && error.code === 'CANCELLED';

const longDate = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
/** "Wed 2 Dec 2026" from "2026-12-02", without time-zone drift. */
export const formatDay = (isoDate: string) => longDate.format(new Date(`${isoDate}T00:00:00Z`));
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
/** "14:02" in this laptop's time, from an ISO timestamp. */
export const formatClock = (timestamp: string) => clock.format(new Date(timestamp));

export const pairName = (m: { mentorName: string; menteeName: string }) => `${m.mentorName} and ${m.menteeName}`;

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
  return <span className={`ml-pill ml-pill-${due}`}>{dueLabels[due]}</span>;
}

export function LogStatePill({ state }: { state: LogState }) {
  return <span className={`ml-pill ml-log-${state}`}>{logStateLabels[state]}</span>;
}

export const meetingLabel = (m: Pick<Meeting, 'sequence' | 'of'>) => `Meeting ${m.sequence} of ${m.of}`;

/** "/Users/x/Desktop" + "file.ics" with the folder's own separator. */
export function joinPath(folder: string, file: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${file}` : `${folder}${separator}${file}`;
}

/* ---- long lists, a page at a time ---------------------------------------------------------- */

/** "Showing 101–200 of 340 overdue meetings", with Previous and Next when there is more than one page. */
export function Pager({ total, offset, pageSize, what, onPage }: { total: number; offset: number; pageSize: number; what: string; onPage: (offset: number) => void }) {
  if (total <= pageSize) return null;
  const last = Math.min(total, offset + pageSize);
  return (
    <div className="ml-pager">
      <p className="ml-pager-status" aria-live="polite">
        Showing {offset + 1}–{last} of {total} {what}
      </p>
      <Button isDisabled={offset === 0} onPress={() => onPage(Math.max(0, offset - pageSize))}>
        Previous {pageSize}
      </Button>
      <Button isDisabled={last >= total} onPress={() => onPage(offset + pageSize)}>
        Next {Math.min(pageSize, total - last) || pageSize}
      </Button>
    </div>
  );
}
