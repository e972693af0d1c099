import { willingnessLabels, type ChemistryMeeting, type Willingness } from '../../../../shared/chemistry/contract';
import { formatDate } from '../../../../shared/dates';
import { Button } from '../../ui/Button';
import { Table } from '../../ui/Table';
import { PersonLink } from '../../app/PersonLink';
import { pairOf, saidNo } from './words';

/** An answer in words; the colour only repeats them. */
function AnswerPill({ answer }: { answer: Willingness | null }) {
  return <span className={`pill pill-${answer ?? 'unasked'}`}>{answer ? willingnessLabels[answer] : 'Not asked'}</span>;
}

function Answers({ meeting: m }: { meeting: ChemistryMeeting }) {
  return (
    <>
      {m.happened ? (
        <dl className="cp-answers">
          <dt>Student</dt>
          <dd>
            <AnswerPill answer={m.mentorWillingness} />
          </dd>
          <dt>Staff</dt>
          <dd>
            <AnswerPill answer={m.menteeWillingness} />
          </dd>
        </dl>
      ) : (
        <span className="muted">Not asked</span>
      )}
      {saidNo(m) ? <p className="cp-never">Never proposed as a pair</p> : null}
    </>
  );
}

function Notes({ meeting: m }: { meeting: ChemistryMeeting }) {
  if (!m.mentorNote && !m.menteeNote) return <span className="muted">None</span>;
  return (
    <>
      {m.mentorNote ? (
        <p>
          <span className="cp-note-who">Student:</span> {m.mentorNote}
        </p>
      ) : null}
      {m.menteeNote ? (
        <p>
          <span className="cp-note-who">Staff:</span> {m.menteeNote}
        </p>
      ) : null}
    </>
  );
}

/** The chemistry meetings, newest first, with both answers and notes. */
export function ChemistryTable({ meetings, onEdit, onDelete }: { meetings: ChemistryMeeting[]; onEdit: (m: ChemistryMeeting) => void; onDelete: (m: ChemistryMeeting) => void }) {
  return (
    <Table
      caption="Chemistry meetings, newest first"
      aria-describedby="chemistry-summary"
      className="table-gap"
      rows={meetings}
      rowKey={(m) => m.id}
      columns={[
        { id: 'date', header: 'Date', className: 'nowrap', cell: (m) => formatDate(m.heldOn) },
        { id: 'mentor', header: 'Student mentor', rowHeader: true, className: 'nowrap', cell: (m) => <PersonLink pilotId={m.pilotId} person={{ id: m.mentorId, name: m.mentorName }} /> },
        { id: 'mentee', header: 'Staff mentee', className: 'nowrap', cell: (m) => <PersonLink pilotId={m.pilotId} person={{ id: m.menteeId, name: m.menteeName }} /> },
        { id: 'happened', header: 'Took place', cell: (m) => (m.happened ? 'Yes' : 'No, did not happen') },
        { id: 'answers', header: 'Would work together?', cell: (m) => <Answers meeting={m} /> },
        { id: 'notes', header: 'Notes', className: 'cp-notes', cell: (m) => <Notes meeting={m} /> },
        {
          id: 'actions',
          header: 'Actions',
          hideHeader: true,
          className: 'cell-actions',
          cell: (m) => (
            <>
              <Button variant="quiet" onPress={() => onEdit(m)} aria-label={`Edit the meeting of ${pairOf(m)}`}>
                Edit
              </Button>
              <Button variant="quiet" onPress={() => onDelete(m)} aria-label={`Delete the meeting of ${pairOf(m)}`}>
                Delete
              </Button>
            </>
          ),
        },
      ]}
    />
  );
}
