import { useState } from 'react';
import { Link } from 'react-router';
import { zodResolver } from '@hookform/resolvers/zod';
import { logsContract, type OwedLog } from '../../../../shared/logs/contract';
import { useChannel, useCommand } from '../../queries';
import { Button } from '../../ui/Button';
import { TextAreaInput } from '../../ui/Field';
import { ErrorMessage, Loading } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { usePilotId } from '../pilots/usePilotId';
import { MEETING_NAMESPACES, formatDay, meetingsPath, pairPath, writeLogPath } from '../meetings/common';
import { FormDialog } from '../../ui/FormDialog';
import { DialogFormActions } from '../../ui/FormActions';
import { useSavingForm } from '../../ui/useSavingForm';
import { useFocusLater } from '../../ui/focus';
import { plural } from '../../ui/words';

const reasonSchema = logsContract['logs.markNotProvided'].input.pick({ reason: true });

const who = (o: OwedLog) => `${o.authorName}, meeting ${o.sequence}`;

/** Who still owes which log, oldest meeting first, with the two ways to settle it. */
export function OwedLogs() {
  const pilotId = usePilotId();
  const owed = useChannel('logs.owed', { pilotId });
  const { notify } = useNotices();
  const focusLater = useFocusLater();
  const [marking, setMarking] = useState<OwedLog>();

  if (owed.isPending) return <Loading />;
  if (owed.error) return <ErrorMessage error={owed.error} />;
  if (owed.data.length === 0) {
    return (
      <section className="ml-section-empty" aria-labelledby="owed-empty-heading">
        <h2 id="owed-empty-heading">Nobody owes a log</h2>
        <p>
          A log becomes owed by both people when a meeting is marked held. Mark meetings held under <Link to={meetingsPath(pilotId)}>Meetings</Link>; their logs then appear here until they are submitted or
          marked as not provided.
        </p>
      </section>
    );
  }
  const rows = owed.data;
  return (
    <>
      <p className="ml-section-intro">
        {plural(rows.length, 'log')} still owed, oldest meeting first. Write one for the person (for example from notes they sent), or record that it will not be provided and why.
      </p>
      <table className="table ml-table ml-owed">
        <caption className="visually-hidden">Logs still owed</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Meeting</th>
            <th scope="col">Held</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={`${o.meetingId}-${o.authorId}`}>
              <th scope="row">
                {o.authorName}
                <div className="cell-note">{o.role === 'mentor' ? 'Mentor (student)' : 'Mentee (staff)'}</div>
              </th>
              <td>
                <Link to={pairPath(pilotId, o.pairId)} aria-label={`Meeting ${o.sequence}: ${o.themeTitle} (the pair’s meetings)`}>
                  Meeting {o.sequence}: {o.themeTitle}
                </Link>
              </td>
              <td className="ml-nowrap">
                {formatDay(o.heldOn)}
                <div className="cell-note">{o.daysSinceMeeting === 0 ? 'today' : o.daysSinceMeeting === 1 ? 'yesterday' : `${o.daysSinceMeeting} days ago`}</div>
              </td>
              <td>
                <span className={`ml-pill ml-log-${o.state}`}>{o.state === 'draft' ? 'Draft started' : 'Not written yet'}</span>
              </td>
              <td className="cell-actions">
                <Link className="button button-quiet ml-link-button" to={writeLogPath(pilotId, o.meetingId, o.authorId)} aria-label={`${o.state === 'draft' ? 'Continue draft' : 'Write log'}: ${who(o)}`}>
                  {o.state === 'draft' ? 'Continue draft' : 'Write log'}
                </Link>
                <Button variant="quiet" id={`not-provided-${o.meetingId}-${o.authorId}`} aria-label={`Mark not provided: ${who(o)}`} onPress={() => setMarking(o)}>
                  Mark not provided
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {marking ? (
        <NotProvidedDialog
          owed={marking}
          onClose={() => setMarking(undefined)}
          onDone={() => {
            notify(`Recorded that ${marking.authorName}’s log for meeting ${marking.sequence} will not be provided.`);
            setMarking(undefined);
            // The row is gone: focus the next row's action, else the tab.
            const index = rows.indexOf(marking);
            const next = rows[index + 1] ?? rows[index - 1];
            focusLater(...(next ? [`not-provided-${next.meetingId}-${next.authorId}`] : []), 'main');
          }}
        />
      ) : null}
    </>
  );
}

function NotProvidedDialog({ owed, onClose, onDone }: { owed: OwedLog; onClose: () => void; onDone: () => void }) {
  const command = useCommand('logs.markNotProvided', MEETING_NAMESPACES);
  const { register, formState, submit, formError } = useSavingForm<{ reason: string }>({ defaultValues: { reason: '' }, resolver: zodResolver(reasonSchema), mode: 'onTouched' }, ['reason'], async ({ reason }) => {
    await command.mutateAsync({ meetingId: owed.meetingId, authorId: owed.authorId, reason });
    onDone();
  });
  return (
    <FormDialog title={`Mark ${owed.authorName}’s log as not provided?`} onClose={onClose}>
      <form onSubmit={submit} noValidate className="form">
        <p className="ml-dialog-intro">
          Meeting {owed.sequence}: {owed.themeTitle}, held on {formatDay(owed.heldOn)}. The log stops being owed{owed.state === 'draft' ? '; the draft is kept' : ''}. Someone can still write it later.
        </p>
        <TextAreaInput label="Reason" rows={3} required autoFocus description="For example: on leave; agreed with the coordinator." error={formState.errors.reason?.message} {...register('reason')} />
        <DialogFormActions formError={formError} submitLabel="Mark not provided" busy={formState.isSubmitting} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}
