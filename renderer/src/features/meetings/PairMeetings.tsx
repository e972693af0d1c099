import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { meetingModeLabels, type Meeting } from '../../../../shared/meetings/contract';
import { call } from '../../api';
import { useChannel } from '../../queries';
import { Button } from '../../ui/Button';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { usePilotId } from '../pilots/usePilotId';
import { CancelMeetingDialog, MarkHeldDialog, RescheduleDialog } from './MeetingDialogs';
import {
  DuePill,
  LogStatePill,
  changeSchedulePath,
  errorText,
  formatDay,
  formatMinutes,
  isCancelled,
  joinPath,
  meetingLabel,
  meetingsPath,
  pairName,
  plural,
  useFocusLater,
  useToday,
  writeLogPath,
} from './common';

type DialogKind = 'held' | 'reschedule' | 'cancel';

const headingId = (m: Meeting) => `meeting-${m.id}-heading`;

/** One pair's meetings in order: details, ice-breakers, state, logs, and what can be done with each. */
export function PairMeetings() {
  const pilotId = usePilotId();
  const pairId = Number(useParams().pairId);
  const navigate = useNavigate();
  const { notify } = useNotices();
  const today = useToday();
  const focusLater = useFocusLater();
  const meetings = useChannel('meetings.forPair', { pairId });
  const [open, setOpen] = useState<{ kind: DialogKind; meeting: Meeting }>();
  const [exporting, setExporting] = useState(false);

  const back = (
    <p className="back-link">
      <Link to={meetingsPath(pilotId)}>All meetings</Link>
    </p>
  );
  if (meetings.isPending) return <Loading />;
  if (meetings.error) {
    return (
      <>
        {back}
        <PageHeader title="Meetings of a pair" />
        <ErrorMessage error={meetings.error} />
      </>
    );
  }
  const list = meetings.data;
  const first = list[0];
  const held = list.filter((m) => m.status === 'held').length;

  const exportCalendar = async () => {
    setExporting(true);
    try {
      const result = await call('meetings.exportIcs', { pairId });
      notify(`Wrote ${plural(result.events, 'meeting')} to ${joinPath(result.folder, result.files[0] ?? '')}.`);
    } catch (error) {
      // Closing the folder dialog is a choice, not a failure: said plainly, not in red.
      notify(errorText(error), isCancelled(error) ? {} : { tone: 'error' });
    } finally {
      setExporting(false);
    }
  };

  const done = (meeting: Meeting, message: string) => {
    setOpen(undefined);
    notify(message);
    focusLater(headingId(meeting));
  };

  return (
    <>
      {back}
      <PageHeader
        title={first ? `Meetings of ${pairName(first)}` : 'Meetings of a pair'}
        description={first ? `Mentor (student): ${first.mentorName}. Mentee (staff): ${first.menteeName}. ${held} of ${list.length} meetings held.` : undefined}
        actions={
          <>
            <Button onPress={() => void exportCalendar()} busy={exporting} isDisabled={list.length === 0} aria-describedby="calendar-hint">
              Export calendar (.ics)
            </Button>
            <Button onPress={() => navigate(changeSchedulePath(pilotId, pairId))} isDisabled={!list.some((m) => m.status === 'scheduled')}>
              Change this pair’s schedule
            </Button>
          </>
        }
      />
      <p className="hint ml-export-hint" id="calendar-hint">
        <strong>Export calendar (.ics)</strong> writes this pair’s meetings to a calendar file that Outlook, Google Calendar or Apple Calendar can import, in a folder you choose. Only the date, time, place
        or link and the theme title go into it: no names and no notes. Exporting again after a change updates the meetings instead of adding them twice.
      </p>
      {list.length === 0 ? <p className="muted">This pair has no meetings.</p> : null}
      <ol className="ml-meetings">
        {list.map((m) => (
          <MeetingCard key={m.id} meeting={m} pilotId={pilotId} onAction={(kind) => setOpen({ kind, meeting: m })} />
        ))}
      </ol>
      {open?.kind === 'held' ? <MarkHeldDialog meeting={open.meeting} today={today} onClose={() => setOpen(undefined)} onDone={(message) => done(open.meeting, message)} /> : null}
      {open?.kind === 'reschedule' ? <RescheduleDialog meeting={open.meeting} onClose={() => setOpen(undefined)} onDone={(message) => done(open.meeting, message)} /> : null}
      {open?.kind === 'cancel' ? <CancelMeetingDialog meeting={open.meeting} onClose={() => setOpen(undefined)} onDone={(message) => done(open.meeting, message)} /> : null}
    </>
  );
}

const logLinkText = { missing: 'Write log', draft: 'Continue draft', submitted: 'See log', 'not-provided': 'Write log anyway' } as const;

function MeetingCard({ meeting: m, pilotId, onAction }: { meeting: Meeting; pilotId: number; onAction: (kind: DialogKind) => void }) {
  const place = m.location || (m.mode === 'online' ? 'Link not set yet' : 'Place not set yet');
  // A meeting switched online by a schedule change keeps its old room until someone adds a link.
  const staleRoom = m.mode === 'online' && m.location !== '' && !/^[a-z][a-z0-9+.-]*:\/\/|^www\./i.test(m.location);
  return (
    <li className={`ml-meeting ml-meeting-${m.due}`}>
      <div className="ml-meeting-head">
        <h2 id={headingId(m)} tabIndex={-1} className="ml-meeting-title">
          {meetingLabel(m)}: {m.themeTitle}
        </h2>
        <DuePill due={m.due} />
      </div>
      <dl className="ml-facts">
        <div>
          <dt>Date</dt>
          <dd>
            {m.status === 'held' && m.heldOn ? (
              <>
                Held on {formatDay(m.heldOn)}
                {m.heldOn !== m.date ? <span className="muted"> (planned for {formatDay(m.date)})</span> : null}
              </>
            ) : (
              formatDay(m.date)
            )}
          </dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>
            {m.startTime}, {formatMinutes(m.durationMin)}
            {m.actualDurationMin !== null ? <span className="muted"> (lasted {formatMinutes(m.actualDurationMin)})</span> : null}
          </dd>
        </div>
        <div>
          <dt>Mode</dt>
          <dd>{meetingModeLabels[m.mode]}</dd>
        </div>
        <div>
          <dt>{m.mode === 'online' ? 'Link' : 'Place'}</dt>
          <dd className={m.location ? 'ml-break' : 'muted'}>
            {place}
            {staleRoom && m.status === 'scheduled' ? <span className="muted"> (the room from before it went online: add a link with Reschedule)</span> : null}
          </dd>
        </div>
      </dl>
      {m.note || m.rescheduleCount > 0 ? (
        <p className="ml-note">
          {m.note ? (
            <>
              <strong>{m.status === 'cancelled' ? 'Reason: ' : 'Note: '}</strong>
              {m.note}
            </>
          ) : null}
          {m.rescheduleCount > 0 ? <span className="muted">{`${m.note ? ' · ' : ''}Moved ${m.rescheduleCount === 1 ? 'once' : `${m.rescheduleCount} times`}`}</span> : null}
        </p>
      ) : null}
      {m.iceBreakers.length > 0 ? (
        <div className="ml-icebreakers">
          <h3>Ice-breaker questions</h3>
          <ul>
            {m.iceBreakers.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {m.logs.length > 0 ? (
        <div className="ml-logs">
          <h3>Reflective logs</h3>
          <ul>
            {m.logs.map((log) => (
              <li key={log.authorId}>
                <span className="ml-log-who">
                  {log.authorName} <span className="muted">({log.role})</span>
                </span>
                <LogStatePill state={log.state} />
                <Link to={writeLogPath(pilotId, m.id, log.authorId)} aria-label={`${logLinkText[log.state]}: ${log.authorName}, meeting ${m.sequence}`}>
                  {logLinkText[log.state]}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {m.status === 'scheduled' ? (
        <div className="ml-meeting-actions">
          <Button variant="primary" aria-label={`Mark held: meeting ${m.sequence}`} onPress={() => onAction('held')}>
            Mark held
          </Button>
          <Button aria-label={`Reschedule meeting ${m.sequence}`} onPress={() => onAction('reschedule')}>
            Reschedule
          </Button>
          <Button variant="quiet" aria-label={`Cancel meeting ${m.sequence}`} onPress={() => onAction('cancel')}>
            Cancel meeting
          </Button>
        </div>
      ) : null}
    </li>
  );
}
