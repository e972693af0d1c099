import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PersonLink } from '../../app/PersonLink';
import type { MeetingDetail } from '../../../../shared/meetings/contract';
import { Button } from '../../ui/Button';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { CancelMeetingDialog, MarkHeldDialog, RescheduleDialog, RestoreMeetingDialog, type NoticeAction } from './MeetingDialogs';
import { exportPairCalendar, usePairMeetings } from './api';
import { MeetingCard, type MeetingAction, meetingHeadingId } from './MeetingCard';
import { pairName } from './words';
import { useFocusLater } from '../../ui/focus';
import { useToday } from '../../ui/today';
import { usePilotId } from '../../app/usePilotId';
import { changeSchedulePath, meetingsPath } from '../../app/paths';
import { filePath, isCancelled } from '../../ui/export-result';
import { errorText } from '../../ui/errors';
import { plural } from '../../../../shared/words';

/** One pair's meetings in date order: details, ice-breakers, state, history, logs, and what can be done with each. */
export function PairMeetings() {
  const pilotId = usePilotId();
  const pairId = Number(useParams().pairId);
  const navigate = useNavigate();
  const { notify } = useNotices();
  const today = useToday();
  const focusLater = useFocusLater();
  const pair = usePairMeetings(pairId);
  const [open, setOpen] = useState<{ kind: MeetingAction; meeting: MeetingDetail }>();
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
      const result = await exportPairCalendar(pairId);
      notify(`Wrote ${plural(result.events, 'meeting')} to ${filePath(result.folder, result.files[0] ?? '')}.`);
    } catch (error) {
      // Closing the folder dialog is a choice, not a failure: said plainly, not in red.
      notify(errorText(error), isCancelled(error) ? {} : { tone: 'error' });
    } finally {
      setExporting(false);
    }
  };

  const done = (meeting: MeetingDetail, message: string, action?: NoticeAction) => {
    setOpen(undefined);
    notify(message, action ? { action } : {});
    focusLater(meetingHeadingId(meeting));
  };
  const dialogProps = (meeting: MeetingDetail) => ({ meeting, onClose: () => setOpen(undefined), onDone: (message: string, action?: NoticeAction) => done(meeting, message, action) });

  return (
    <>
      {back}
      <PageHeader
        title={`Meetings of ${pairName(pair.data)}`}
        description={`${held} of ${list.length} meetings held.`}
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
      <p className="ml-pair-people">
        Mentor (student): <PersonLink pilotId={pilotId} person={{ id: pair.data.mentorId, name: pair.data.mentorName }} /> · Mentee (staff):{' '}
        <PersonLink pilotId={pilotId} person={{ id: pair.data.menteeId, name: pair.data.menteeName }} />
      </p>
      {ended ? <p className="callout">This pair has ended. Its meetings are kept as a record; meetings still to come were cancelled.</p> : null}
      {scheduleNote ? (
        <p className="callout" id="schedule-note">
          <strong>Schedule shortened: </strong>
          {scheduleNote}
        </p>
      ) : null}
      <p className="hint ml-export-hint" id="calendar-hint">
        <strong>Export calendar (.ics)</strong> writes this pair’s meetings to a calendar file that Outlook, Google Calendar or Apple Calendar can import, in a folder you choose. Only the date, time, place
        or link and the theme title go into it: no names and no notes. Exporting again after a change updates the meetings instead of adding them twice.
      </p>
      {list.length === 0 ? <p className="muted">This pair has no meetings.</p> : null}
      <ol className="ml-meetings" aria-label="Meetings in plan order">
        {list.map((m) => (
          <MeetingCard key={m.id} meeting={m} pilotId={pilotId} ended={ended} onAction={(kind) => setOpen({ kind, meeting: m })} />
        ))}
      </ol>
      {open?.kind === 'held' ? <MarkHeldDialog {...dialogProps(open.meeting)} today={today} onUndone={(message, failed) => notify(message, failed ? { tone: 'error' } : {})} /> : null}
      {open?.kind === 'reschedule' ? <RescheduleDialog {...dialogProps(open.meeting)} /> : null}
      {open?.kind === 'cancel' ? <CancelMeetingDialog {...dialogProps(open.meeting)} /> : null}
      {open?.kind === 'restore' ? <RestoreMeetingDialog {...dialogProps(open.meeting)} /> : null}
    </>
  );
}

