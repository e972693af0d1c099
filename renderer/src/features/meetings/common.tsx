import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { LogState, Meeting, MeetingDue } from '../../../../shared/meetings/contract';
import type { Channel, ChannelInput, ChannelOutput } from '../../../../shared/contract';
import { ApiError, call } from '../../api';
import { queryClient, useChannel } from '../../queries';
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

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
export const isCancelled = (error: unknown) => error instanceof ApiError && error.code === 'CANCELLED';

const longDate = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
/** "Wed 2 Dec 2026" from "2026-12-02", without time-zone drift. */
export const formatDay = (isoDate: string) => longDate.format(new Date(`${isoDate}T00:00:00Z`));
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
/** "14:02" in this laptop's time, from an ISO timestamp. */
export const formatClock = (timestamp: string) => clock.format(new Date(timestamp));

export function formatMinutes(minutes: number): string {
  if (minutes < 60 || minutes % 30 !== 0) return `${minutes} minutes`;
  const hours = minutes / 60;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

export const pairName = (m: { mentorName: string; menteeName: string }) => `${m.mentorName} and ${m.menteeName}`;

export const dueLabels: Record<MeetingDue, string> = {
  done: 'Held',
  cancelled: 'Cancelled',
  overdue: 'Overdue',
  'due-soon': 'Due in the next 7 days',
  upcoming: 'Scheduled',
};

export const logStateLabels: Record<LogState, string> = {
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

/* ---- dates ------------------------------------------------------------------------------ */

/** Today as YYYY-MM-DD in the vault's time zone (the main process dates meetings by the same calendar). */
export function useToday(): string {
  const settings = useChannel('settings.get', {});
  return todayIn(settings.data?.timeZone);
}

export function todayIn(timeZone: string | undefined, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { ...(timeZone ? { timeZone } : {}), year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  }
}

/* ---- forms ------------------------------------------------------------------------------ */

/** zodResolver options: an empty number box says "Enter a number" instead of zod's type message. */
export const numberMessages: { error: z.core.$ZodErrorMap } = {
  error: (issue) => (issue.code === 'invalid_type' && issue.expected === 'number' ? 'Enter a number' : undefined),
};

export function FormError({ message }: { message: string | undefined }) {
  return message ? (
    <p role="alert" className="error-banner">
      {message}
    </p>
  ) : null;
}

/**
 * A modal with a form in it (Mark held, Reschedule, Cancel…): focus is trapped inside, Escape
 * closes it and focus returns to the button that opened it. A click outside does not close it,
 * so nothing typed is lost by a stray click.
 */
export function FormDialog({ isOpen, title, onClose, children, wide }: { isOpen: boolean; title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={(open) => !open && onClose()} isKeyboardDismissDisabled={false} className="modal-overlay">
      <Modal className={`modal ml-modal ${wide ? 'ml-modal-wide' : ''}`}>
        <Dialog className="dialog">
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/**
 * Moves keyboard focus, after the next render, to the first element found by id: used when the
 * button that was pressed disappears (a meeting marked held loses its "Mark held" button).
 */
export function useFocusLater() {
  const [ids, setIds] = useState<string[]>();
  useEffect(() => {
    if (!ids) return;
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element) {
        element.focus();
        break;
      }
    }
    setIds(undefined);
  }, [ids]);
  return useCallback((...targets: string[]) => setIds(targets), []);
}

/** "/Users/x/Desktop" + "file.ics" with the folder's own separator. */
export function joinPath(folder: string, file: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${file}` : `${folder}${separator}${file}`;
}

/* ---- long lists, a page at a time ---------------------------------------------------------- */

/**
 * Like useChannel, but the previous page stays on screen while the next one loads, so the table
 * and the buttons that page it do not disappear under the keyboard focus.
 */
export function usePagedChannel<C extends Channel>(channel: C, input: ChannelInput<C>, options: { enabled?: boolean } = {}) {
  return useQuery<ChannelOutput<C>, ApiError>({ queryKey: [channel, input], queryFn: () => call(channel, input), placeholderData: keepPreviousData, ...options });
}

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
