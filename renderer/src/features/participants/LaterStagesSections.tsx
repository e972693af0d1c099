import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { InterviewStatus } from '../../../../shared/interviews/contract';
import { waveKindLabels } from '../../../../shared/surveys/contract';
import { formatDate, formatTimestampDay } from '../../../../shared/dates';
import { plural } from '../../../../shared/words';
import { Table } from '../../ui/Table';
import { ErrorMessage, Loading } from '../../ui/Page';
import { groupReflectionPath, pilotPath, surveysPath } from '../../app/paths';
import { useChannel } from '../../queries';
import { ProfileSection } from './ProfileSection';

const interviewStates: Record<InterviewStatus, string> = { scheduled: 'Scheduled', done: 'Done', cancelled: 'Cancelled' };

/** What a read says while it loads or fails, else the section. */
function Loaded<T>({ query, children }: { query: { isPending: boolean; error: Error | null; data?: T }; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorMessage error={query.error} />;
  return <>{children(query.data as T)}</>;
}

/**
 * A person's surveys, closing interview and group reflection on their page, each read from the stage
 * that owns it (surveys.ofPerson, interviews.ofPerson, groupReflections.ofPerson) and linked to it.
 */
export function LaterStagesSections({ pilotId, participantId }: { pilotId: number; participantId: number }) {
  const surveys = useChannel('surveys.ofPerson', { participantId });
  const interviews = useChannel('interviews.ofPerson', { participantId });
  const reflections = useChannel('groupReflections.ofPerson', { participantId });
  return (
    <>
      <Loaded query={surveys}>
        {(waves) => (
          <ProfileSection id="surveys" title="Surveys" summary={waves.length ? `${waves.filter((w) => w.answeredAt).length} of ${plural(waves.length, 'survey wave')} answered.` : undefined}>
            <Table
              aria-labelledby="pp-surveys-heading"
              rows={waves}
              rowKey={(w) => w.waveId}
              empty={<p className="muted">No survey wave is put to them yet. <Link to={surveysPath(pilotId, 'waves')}>Surveys</Link></p>}
              columns={[
                { id: 'wave', header: 'Wave', rowHeader: true, cell: (w) => <Link to={surveysPath(pilotId, 'waves')}>{w.title}</Link> },
                { id: 'kind', header: 'When in the scheme', cell: (w) => waveKindLabels[w.kind] },
                { id: 'open', header: 'Open', cell: (w) => `${formatDate(w.opensOn)} to ${formatDate(w.closesOn)}` },
                { id: 'answered', header: 'Their answers', cell: (w) => (w.answeredAt ? `Recorded ${formatTimestampDay(w.answeredAt)}` : 'Not yet') },
              ]}
            />
          </ProfileSection>
        )}
      </Loaded>
      <Loaded query={interviews}>
        {(rows) => (
          <ProfileSection id="interviews" title="Closing interview">
            <Table
              aria-labelledby="pp-interviews-heading"
              rows={rows}
              rowKey={(i) => i.id}
              empty={<p className="muted">No closing interview scheduled. <Link to={pilotPath(pilotId, 'interviews')}>Closing interviews</Link></p>}
              columns={[
                { id: 'when', header: 'When', rowHeader: true, cell: (i) => <Link to={pilotPath(pilotId, `interviews/${i.id}`)}>{`${formatDate(i.scheduledOn)} at ${i.startsAt}`}</Link> },
                { id: 'with', header: 'Interviewer', cell: (i) => i.interviewer },
                { id: 'state', header: 'State', cell: (i) => interviewStates[i.status] },
                { id: 'kept', header: 'Recorded and transcribed', cell: (i) => [i.recordings ? plural(i.recordings, 'recording') : 'No recording', i.transcript ? 'a transcript' : 'no transcript'].join(', ') },
              ]}
            />
          </ProfileSection>
        )}
      </Loaded>
      <Loaded query={reflections}>
        {(events) => (
          <ProfileSection id="reflections" title="Group reflection">
            <Table
              aria-labelledby="pp-reflections-heading"
              rows={events}
              rowKey={(e) => e.id}
              empty={<p className="muted">Not named at a group reflection event. <Link to={groupReflectionPath(pilotId)}>Group reflection</Link></p>}
              columns={[
                { id: 'date', header: 'Date', rowHeader: true, cell: (e) => <Link to={groupReflectionPath(pilotId, e.id)}>{formatDate(e.heldOn)}</Link> },
                { id: 'place', header: 'Place', cell: (e) => e.place || 'Not recorded' },
              ]}
            />
          </ProfileSection>
        )}
      </Loaded>
    </>
  );
}
