import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { zodResolver } from '@hookform/resolvers/zod';
import { logsContract, type OwedLog } from '../../../../shared/logs/contract';
import { formatDay } from '../../../../shared/dates';
import { plural } from '../../../../shared/words';
import { meetingsPath, pairMeetingsPath, writeLogPath } from '../../app/paths';
import { usePilotId } from '../../app/usePilotId';
import { PersonLink } from '../../app/PersonLink';
import { Button } from '../../ui/Button';
import { SelectInput, TextAreaInput, TextInput } from '../../ui/Field';
import { Pager } from '../../ui/Pager';
import { useFocusLater } from '../../ui/focus';
import { DialogFormActions } from '../../ui/FormActions';
import { FormDialog } from '../../ui/FormDialog';
import { LinkButton } from '../../ui/LinkButton';
import { useNotices } from '../../ui/Notices';
import { ErrorMessage, Loading } from '../../ui/Page';
import { Table } from '../../ui/Table';
import { useSavingForm } from '../../ui/useSavingForm';
import { useMarkNotProvided, useOwedLogs } from './api';

const reasonSchema = logsContract['logs.markNotProvided'].input.pick({ reason: true });

/** Rows per page: a large scheme owes thousands of logs at times. */
const PAGE_SIZE = 100;

const who = (o: OwedLog) => `${o.authorName}, meeting ${o.sequence}`;
const sinceWords = (days: number) => (days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`);
const writeWords = (o: OwedLog) => (o.state === 'draft' ? 'Continue draft' : 'Write log');

/** Who still owes which log, oldest meeting first, with the two ways to settle it. */
export function OwedLogs() {
  const pilotId = usePilotId();
  const [searchText, setSearchText] = useState('');
  const search = useDeferredValue(searchText.trim());
  const [state, setState] = useState<'' | 'missing' | 'draft'>('');
  const [paging, setPaging] = useState({ offset: 0, key: '' });
  // A new search or filter starts at the first page again.
  const key = `${search}|${state}`;
  const offset = paging.key === key ? paging.offset : 0;
  const owed = useOwedLogs({ pilotId, search, ...(state ? { state } : {}), offset, limit: PAGE_SIZE });
  const { notify } = useNotices();
  const focusLater = useFocusLater();
  const [marking, setMarking] = useState<OwedLog>();
  const filtering = search !== '' || state !== '';

  if (owed.isPending) return <Loading />;
  if (owed.error) return <ErrorMessage error={owed.error} />;
  if (owed.data.total === 0 && !filtering) {
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
  const rows = owed.data.rows;
  return (
    <>
      <p className="section-intro">
        {plural(owed.data.total, 'log')} still owed{filtering ? ' match' : ''}, oldest meeting first. Write one for the person (for example from notes they sent), or record that it will not be provided and why.
      </p>
      <div className="lg-owed-toolbar" role="search" aria-label="Find logs still owed">
        <TextInput label="Name" type="search" autoComplete="off" placeholder="Student or member of staff" value={searchText} onChange={(e) => setSearchText(e.target.value)} />
        <SelectInput
          label="State"
          value={state}
          onChange={(e) => setState(e.target.value as typeof state)}
          options={[
            { value: '', label: 'Any' },
            { value: 'missing', label: 'Not written yet' },
            { value: 'draft', label: 'Draft started' },
          ]}
        />
      </div>
      {rows.length === 0 ? (
        <p className="muted" role="status">
          No log still owed matches.
        </p>
      ) : (
        <Table
        caption="Logs still owed"
        className="table-gap-small ml-owed"
        rows={rows}
        rowKey={(o) => `${o.meetingId}-${o.authorId}`}
        columns={[
          {
            id: 'person',
            header: 'Person',
            rowHeader: true,
            cell: (o) => (
              <>
                <PersonLink pilotId={pilotId} person={{ id: o.authorId, name: o.authorName }} />
                <div className="cell-note">{o.role === 'mentor' ? 'Mentor (student)' : 'Mentee (staff)'}</div>
              </>
            ),
          },
          {
            id: 'meeting',
            header: 'Meeting',
            cell: (o) => (
              <Link to={pairMeetingsPath(pilotId, o.pairId)} aria-label={`Meeting ${o.sequence}: ${o.themeTitle} (the pair’s meetings)`}>
                Meeting {o.sequence}: {o.themeTitle}
              </Link>
            ),
          },
          {
            id: 'held',
            header: 'Held',
            className: 'nowrap',
            cell: (o) => (
              <>
                {formatDay(o.heldOn)}
                <div className="cell-note">{sinceWords(o.daysSinceMeeting)}</div>
              </>
            ),
          },
          { id: 'state', header: 'State', cell: (o) => <span className={`pill pill-log-${o.state}`}>{o.state === 'draft' ? 'Draft started' : 'Not written yet'}</span> },
          {
            id: 'actions',
            header: 'Actions',
            hideHeader: true,
            className: 'cell-actions',
            cell: (o) => (
              <>
                <LinkButton variant="quiet" to={writeLogPath(pilotId, o.meetingId, o.authorId)} aria-label={`${writeWords(o)}: ${who(o)}`}>
                  {writeWords(o)}
                </LinkButton>
                <Button variant="quiet" id={`not-provided-${o.meetingId}-${o.authorId}`} aria-label={`Mark not provided: ${who(o)}`} onPress={() => setMarking(o)}>
                  Mark not provided
                </Button>
              </>
            ),
          },
        ]}
      />
      )}
      <Pager total={owed.data.total} offset={offset} pageSize={PAGE_SIZE} what="logs still owed" onPage={(next) => setPaging({ offset: next, key })} />
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
  const command = useMarkNotProvided();
  const { register, formState, submit, formError } = useSavingForm<{ reason: string }>({ defaultValues: { reason: '' }, resolver: zodResolver(reasonSchema), mode: 'onTouched' }, ['reason'], async ({ reason }) => {
    await command.mutateAsync({ meetingId: owed.meetingId, authorId: owed.authorId, reason });
    onDone();
  });
  return (
    <FormDialog title={`Mark ${owed.authorName}’s log as not provided?`} onClose={onClose}>
      <form onSubmit={submit} noValidate className="form">
        <p className="dialog-intro">
          Meeting {owed.sequence}: {owed.themeTitle}, held on {formatDay(owed.heldOn)}. The log stops being owed{owed.state === 'draft' ? '; the draft is kept' : ''}. Someone can still write it later.
        </p>
        <TextAreaInput label="Reason" rows={3} required autoFocus description="For example: on leave; agreed with the coordinator." error={formState.errors.reason?.message} {...register('reason')} />
        <DialogFormActions formError={formError} submitLabel="Mark not provided" busy={formState.isSubmitting} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}
