import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { canDo, meetingModeLabels, type MeetingChange, type MeetingDetail } from '../../../../shared/meetings/contract';
import { call } from '../../api';
import { useChannel } from '../../queries';
import { Button } from '../../ui/Button';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { formatDate, formatMinutes } from '../../ui/format';
import { usePilotId } from '../pilots/usePilotId';
import { CancelMeetingDialog, MarkHeldDialog, RescheduleDialog, RestoreMeetingDialog } from './MeetingDialogs';
import { DuePill, LogStatePill, changeSchedulePath, formatDay, isCancelled, joinPath, meetingLabel, meetingsPath, pairName, writeLogPath } from './common';
import { useFocusLater } from '../../ui/focus';
import { useToday } from '../../ui/today';
import { errorText, plural } from '../../ui/words';

type DialogKind = 'held' | 'reschedule' | 'cancel' | 'restore';

const headingId = (m: MeetingDetail) => `meeting-${m.id}-heading`;

/** One pair's meetings in date order: details, ice-breakers, state, history, logs, and what can be done with each. */
export function PairMeetings() {
  const pilotId = usePilotId();
  const pairId = Number(useParams().pairId);
  const navigate = useNavigate();
  const { notify } = useNotices();
  const today = useToday();
  const focusLater = useFocusLater();
  const pair = useChannel('meetings.forPair', { pairId });
  const [open, setOpen] = useState<{ kind: DialogKind; meeting: MeetingDetail }>();
  const [exporting, setExporting] = useState(false);

  const back = (
    <p className="back-link">
      <Link to={meetingsPath(pilotId)}>All meetings</Link>
    </p>
  );
  if (pair.isPending) return <Loading />;
  if (pair.error) {
    return (
      <>
        {back}
        <PageHeader title="Meetings of a pair" />
        <ErrorMessage error={pair.error} />
      </>
    );
  }
  const { meetings: list, ended, scheduleNote } = pair.data;
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

  const done = (meeting: MeetingDetail, message: string) => {
    setOpen(undefined);
    notify(message);
    focusLater(headingId(meeting));
  };
  const dialogProps = (meeting: MeetingDetail) => ({ meeting, onClose: () => setOpen(undefined), onDone: (message: string) => done(meeting, message) });

  return (
    <>
      {back}
      <PageHeader
        title={`Meetings of ${pairName(pair.data)}`}
        description={`Mentor (student): ${pair.data.mentorName}. Mentee (staff): ${pair.data.menteeName}. ${held} of ${list.length} meetings held.`}
        actions={
          <>
            <Button onPress={() => void exportCalendar()} busy={exporting} isDisabled={list.length === 0} aria-describedby="calendar-hint">
              Export calendar (.ics)
            </Button>
            <Button onPress={() => navigate(changeSchedulePath(pilotId, pairId))} isDisabled={ended || !list.some((m) => m.status === 'scheduled')}>
              Change this pair’s schedule
            </Button>
          </>
        }
      />
      {ended ? <p className="ml-callout">This pair has ended. Its meetings are kept as a record; meetings still to come were cancelled.</p> : null}
      {scheduleNote ? (
        <p className="ml-callout" id="schedule-note">
          <strong>Schedule shortened: </strong>
          {scheduleNote}
        </p>
      ) : null}
      <p className="hint ml-export-hint" id="calendar-hint">
        <strong>Export calendar (.ics)</strong> writes this pair’s meetings to a calendar file that Outlook, Google Calendar or Apple Calendar can import, in a folder you choose. Only the date, time, place
        or link and the theme title go into it: no names and no notes. Exporting again after a change updates the meetings instead of adding them twice.
      </p>
      {list.length === 0 ? <p className="muted">This pair has no meetings.</p> : null}
      <ol className="ml-meetings">
        {list.map((m) => (
          <MeetingCard key={m.id} meeting={m} pilotId={pilotId} ended={ended} onAction={(kind) => setOpen({ kind, meeting: m })} />
        ))}
      </ol>
      {open?.kind === 'held' ? <MarkHeldDialog {...dialogProps(open.meeting)} today={today} /> : null}
      {open?.kind === 'reschedule' ? <RescheduleDialog {...dialogProps(open.meeting)} /> : null}
      {open?.kind === 'cancel' ? <CancelMeetingDialog {...dialogProps(open.meeting)} /> : null}
      {open?.kind === 'restore' ? <RestoreMeetingDialog {...dialogProps(open.meeting)} /> : null}
    </>
  );
}

const logLinkText = { missing: 'Write log', draft: 'Continue draft', submitted: 'See log', 'not-provided': 'Write log anyway' } as const;

/** One line of a meeting's history, in words: what changed, and the note given with it. */
function describeChange(c: MeetingChange): string {
  const moved = c.fromDate && c.toDate && c.fromDate !== c.toDate ? `moved from ${formatDay(c.fromDate)} to ${formatDay(c.toDate)}` : '';
  const mode = c.fromMode && c.toMode && c.fromMode !== c.toMode ? `${c.toMode === 'online' ? 'switched online' : 'switched to in person'}` : '';
  const what = [moved, mode].filter(Boolean).join(' and ');
  switch (c.kind) {
    case 'rescheduled':
      return `Rescheduled${what ? `: ${what}` : ' (time, length or place changed)'}`;
    case 'schedule-change':
      return `Schedule change${what ? `: ${what}` : ''}`;
    case 'cancelled':
      return 'Cancelled';
    case 'restored':
      return 'Restored: scheduled again';
  }
}

function MeetingCard({ meeting: m, pilotId, ended, onAction }: { meeting: MeetingDetail; pilotId: number; ended: boolean; onAction: (kind: DialogKind) => void }) {
  const place = m.location || (m.mode === 'online' ? 'Link not set yet' : 'Place not set yet');
  // A meeting switched online before the plan had a link may still show its old room.
  const staleRoom = m.mode === 'online' && m.location !== '' && !/^[a-z][a-z0-9+.-]*:\/\/|^www\./i.test(m.location);
  const cancellation = m.status === 'cancelled' ? m.changes.findLast((c) => c.kind === 'cancelled') : undefined;
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
      {cancellation ? (
        <p className="ml-note">
          <strong>Reason: </strong>
          {cancellation.note}
        </p>
      ) : null}
      {m.note ? (
        <p className="ml-note">
          <strong>Note: </strong>
          {m.note}
        </p>
      ) : null}
      {m.changes.length > 0 ? (
        <div className="ml-history">
          <h3>History</h3>
          <ol>
            {m.changes.map((c, i) => (
              <li key={i}>
                <span className="ml-history-when">{formatDate(c.at.slice(0, 10))}:</span> {describeChange(c)}
                {c.note ? <span className="ml-history-note">: “{c.note}”</span> : null}
              </li>
            ))}
          </ol>
        </div>
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
      {canDo(m.status, 'hold') ? (
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
      {canDo(m.status, 'restore') && !ended ? (
        <div className="ml-meeting-actions">
          <Button aria-label={`Restore meeting ${m.sequence}`} onPress={() => onAction('restore')}>
            Restore meeting
          </Button>
        </div>
      ) : null}
    </li>
  );
}
