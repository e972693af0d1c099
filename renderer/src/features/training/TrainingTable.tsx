import { trainingAudienceLabels, type TrainingSession } from '../../../../shared/training/contract';
import { formatDate } from '../../../../shared/dates';
import { Fragment } from 'react';
import { PersonLink } from '../../app/PersonLink';
import { usePilotId } from '../../app/usePilotId';
import { people } from '../../../../shared/words';
import { Button } from '../../ui/Button';
import { Table } from '../../ui/Table';
import { sessionName } from './words';

/** The training sessions, newest first, with their topics and who attended. */
export function TrainingTable({ sessions, today, onEdit, onDelete }: { sessions: TrainingSession[]; today: string; onEdit: (s: TrainingSession) => void; onDelete: (s: TrainingSession) => void }) {
  const pilotId = usePilotId();
  return (
    <Table
      caption="Training sessions, newest first"
      className="table-gap"
      rows={sessions}
      rowKey={(s) => s.id}
      columns={[
        { id: 'date', header: 'Date', rowHeader: true, className: 'nowrap', cell: (s) => formatDate(s.heldOn) },
        { id: 'audience', header: 'Audience', cell: (s) => trainingAudienceLabels[s.audience] },
        {
          id: 'topics',
          header: 'Topics',
          cell: (s) => (
            <ul className="cp-tags" aria-label="Topics">
              {s.topics.map((t) => (
                <li key={t} className="cp-tag">
                  {t}
                </li>
              ))}
            </ul>
          ),
        },
        {
          id: 'attendance',
          header: 'Attendance',
          cell: (s) => (
            <>
              <strong>{s.attendees.length > 0 ? people(s.attendees.length) : s.heldOn > today ? 'Not held yet' : 'Nobody recorded'}</strong>
              {s.attendees.length > 0 ? (
                <div className="cp-attendees">
                  {s.attendees.map((a, i) => (
                    <Fragment key={a.id}>
                      {i === 0 ? '' : i === s.attendees.length - 1 ? ' and ' : ', '}
                      <PersonLink pilotId={pilotId} person={a} />
                    </Fragment>
                  ))}
                </div>
              ) : null}
            </>
          ),
        },
        {
          id: 'actions',
          header: 'Actions',
          hideHeader: true,
          className: 'cell-actions',
          cell: (s) => (
            <>
              <Button variant="quiet" onPress={() => onEdit(s)} aria-label={`Edit ${sessionName(s)}`}>
                Edit
              </Button>
              <Button variant="quiet" onPress={() => onDelete(s)} aria-label={`Delete ${sessionName(s)}`}>
                Delete
              </Button>
            </>
          ),
        },
      ]}
    />
  );
}
