import { useState } from 'react';
import { formatDate } from '../../../../shared/dates';
import { Button } from '../../ui/Button';
import { Table } from '../../ui/Table';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { InterviewDetail } from './InterviewDetail';
import { useMyInterviews } from './api';
import { ChangeMyPassphraseDialog } from './ChangeMyPassphrase';
import { useNotices } from '../../ui/Notices';
import './interviews.css';

/**
 * All an interviewer's session shows: their own interviews. Their key opens the interview database
 * only, so there is nothing else to show; the main process refuses every other channel too.
 */
export function InterviewerHome({ name, onLock }: { name: string; onLock: () => void }) {
  const [open, setOpen] = useState<number>();
  const [changing, setChanging] = useState(false);
  const { notify } = useNotices();
  return (
    <div className="interviewer-app">
      <header className="interviewer-bar">
        <span>
          Reciprocal · signed in as <strong>{name}</strong> (interviewer)
        </span>
        <span className="interviewer-bar-actions">
          <Button variant="quiet" onPress={() => setChanging(true)}>
            Change my passphrase
          </Button>
          <Button onPress={onLock}>Lock</Button>
        </span>
      </header>
      {changing ? (
        <ChangeMyPassphraseDialog
          onClose={() => setChanging(false)}
          onChanged={() => {
            setChanging(false);
            notify('Passphrase changed. Use the new one next time you unlock.');
          }}
        />
      ) : null}
      <main id="main" className="interviewer-main">
        {open === undefined ? (
          <MyInterviews onOpen={setOpen} />
        ) : (
          <InterviewDetail
            interviewId={open}
            backLink={
              <Button variant="quiet" onPress={() => setOpen(undefined)}>
                ← My interviews
              </Button>
            }
          />
        )}
      </main>
    </div>
  );
}

function MyInterviews({ onOpen }: { onOpen: (id: number) => void }) {
  const mine = useMyInterviews();
  if (mine.isPending) return <Loading label="Loading your interviews…" />;
  if (mine.error) return <ErrorMessage error={mine.error} />;
  return (
    <>
      <PageHeader title="My interviews" description="The closing interviews the coordinator has given you. Check consent with the person before you begin." />
      {mine.data.length === 0 ? (
        <EmptyState title="No interviews yet">The coordinator has not scheduled any interviews with you.</EmptyState>
      ) : (
        <Table
          caption="My interviews"
          rows={mine.data}
          rowKey={(row) => row.id}
          columns={[
            { id: 'person', header: 'Person', rowHeader: true, cell: (row) => <Button variant="quiet" onPress={() => onOpen(row.id)}>{row.personName}</Button> },
            { id: 'when', header: 'When', cell: (row) => `${formatDate(row.scheduledOn)} ${row.startsAt}` },
            { id: 'where', header: 'Where', cell: (row) => row.place || (row.onlineLink ? 'Online' : '—') },
            { id: 'status', header: 'Status', cell: (row) => (row.status === 'done' ? 'Done' : row.consentCheckedAt ? 'Consent checked' : 'Scheduled') },
          ]}
        />
      )}
    </>
  );
}
