import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { allowedTransitions, roleLabels, statusLabels, stepNotes, type Participant, type ParticipantStatus } from '../../../../shared/participants/contract';
import { DAY_PARTS, WEEKDAYS } from '../../../../shared/participants/availability';
import { Button } from '../../ui/Button';
import { Callout } from '../../ui/Callout';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { ConsentSection } from './ConsentSection';
import { WithdrawDialog } from './WithdrawDialog';
import { PersonProfileSections } from './PersonProfileSections';
import { useMoveParticipant, useParticipant, usePlan } from './api';
import { focusAfterDialog } from '../../ui/FormDialog';
import { formatDateTime } from '../../../../shared/dates';
import { usePilotId } from '../../app/usePilotId';
import { listPath } from './list-memory';
import { pairingPath, participantsPath } from '../../app/paths';
import { errorText } from '../../ui/errors';
import { RaiseConcernButton } from '../../app/RaiseConcernButton';
import { SubjectAccessButton } from '../../app/SubjectAccessButton';

/** "Monday morning and afternoon; Wednesday evening". */
function availabilityText(slots: string[]): string {
  const days = WEEKDAYS.map(([day, dayLabel]) => {
    const parts = DAY_PARTS.filter(([part]) => slots.includes(`${day}-${part}`)).map(([, label]) => label);
    if (parts.length === 0) return '';
    return `${dayLabel} ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`}`;
  }).filter(Boolean);
  return days.join('; ');
}

export function ParticipantDetail() {
  const pilotId = usePilotId();
  const id = Number(useParams().participantId);
  const navigate = useNavigate();
  const person = useParticipant(id);
  const plan = usePlan(pilotId);
  if (person.isPending) return <Loading />;
  if (person.error) {
    return (
      <>
        <p className="back-link">
          <Link to={listPath(pilotId)}>All participants</Link>
        </p>
        <ErrorMessage error={person.error} />
      </>
    );
  }
  const p = person.data;
  return (
    <>
      <p className="back-link">
        <Link to={listPath(pilotId)}>All participants</Link>
      </p>
      <PageHeader
        title={p.name}
        description={`${roleLabels[p.role]}${p.department ? ` · ${p.department}` : ''} · ${statusLabels[p.status]}`}
        actions={
          <>
            <RaiseConcernButton source={{ kind: 'participant', participantId: id }} />
            <SubjectAccessButton participantId={id} name={p.name} />
            <Button onPress={() => navigate(participantsPath(pilotId, `${id}/edit`))}>Edit details</Button>
          </>
        }
      />
      <div className="pp-detail">
        <DetailsSection person={p} />
        <StatusSection person={p} pilotId={pilotId} />
      </div>
      <ConsentSection person={p} pilotId={pilotId} forms={plan.data?.consentForms} />
      <PersonProfileSections pilotId={pilotId} participantId={id} />
    </>
  );
}

function DetailsSection({ person: p }: { person: Participant }) {
  const none = <span className="muted">Not given</span>;
  return (
    <section className="panel pp-panel" aria-labelledby="pp-details-heading">
      <h2 id="pp-details-heading">Details</h2>
      <dl className="pp-facts">
        <dt>Email</dt>
        <dd>{p.email}</dd>
        <dt>Role</dt>
        <dd>{roleLabels[p.role]}</dd>
        <dt>Department</dt>
        <dd>{p.department || none}</dd>
        <dt>Level or seniority</dt>
        <dd>{p.level || none}</dd>
        <dt>
          Characteristics <span className="pp-dt-note">(self-identified, special-category data)</span>
        </dt>
        <dd>{p.characteristics.length > 0 ? p.characteristics.join(', ') : <span className="muted">None given</span>}</dd>
        <dt>Topics of interest</dt>
        <dd>
          {p.topics.length > 0 ? (
            <ul className="pp-tags pp-tags-static" aria-label="Topics">
              {p.topics.map((t) => (
                <li key={t} className="pp-tag">
                  {t}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </dd>
        <dt>Availability</dt>
        <dd>{p.availability.length > 0 ? availabilityText(p.availability) : none}</dd>
        <dt>Notes</dt>
        <dd className="notes-text">{p.notes || <span className="muted">None</span>}</dd>
        <dt>Added</dt>
        <dd>{formatDateTime(p.createdAt)}</dd>
      </dl>
    </section>
  );
}

const moveLabel = (from: ParticipantStatus, to: ParticipantStatus) => (from === 'withdrawn' && to === 'interested' ? 'Reinstate as interested' : `Move to ${statusLabels[to]}`);

/** Pairing is where "paired" comes from: the note for a trained person links to it. */
function StepNote({ person, pilotId }: { person: Participant; pilotId: number }) {
  const note = stepNotes[person.status];
  if (!note) return null;
  if (person.status !== 'trained') return <p className="hint">{note}</p>;
  return (
    <p className="hint">
      They become Paired when a pair with them is confirmed on the <Link to={pairingPath(pilotId)}>Pairing</Link> screen.
    </p>
  );
}

function StatusSection({ person, pilotId }: { person: Participant; pilotId: number }) {
  const transition = useMoveParticipant();
  const [withdrawing, setWithdrawing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const { notify } = useNotices();
  const next = allowedTransitions(person.status);
  const moves = next.filter((s) => s !== 'withdrawn');

  const move = async (to: ParticipantStatus) => {
    try {
      await transition.mutateAsync({ id: person.id, to });
      notify(`${person.name}: ${statusLabels[to]}.`);
      // The pressed button is gone now; keep keyboard users in this section.
      heading.current?.focus();
    } catch (error) {
      notify(errorText(error), { tone: 'error' });
    }
  };

  return (
    <section className="panel pp-panel" aria-labelledby="pp-status-heading">
      <h2 id="pp-status-heading" ref={heading} tabIndex={-1}>
        Status
      </h2>
      <p className="pp-current">
        Now: <span className={`pp-status pp-status-${person.status}`}>{statusLabels[person.status]}</span>
      </p>
      {person.status === 'withdrawn' && person.statusReason ? <p className="pp-reason">Reason: {person.statusReason}</p> : null}
      {person.repairingNote ? (
        <Callout tone="warning">
          <strong>Needs a new partner.</strong> {person.repairingNote} <Link to={pairingPath(pilotId)}>Go to Pairing</Link>
        </Callout>
      ) : null}
      {person.status === 'withdrawn' && person.consent === 'given' ? <p className="hint">Their consent is still on record: see Consent below.</p> : null}
      {next.length === 0 ? (
        <p className="hint">Completed is the last step of the scheme.</p>
      ) : (
        <>
          <div className="pp-moves" role="group" aria-label="Next steps">
            {moves.map((to, index) => (
              // The usual next step stands out; a second one skips a stage (no chemistry meeting).
              <Button key={to} variant={index === 0 ? 'primary' : 'secondary'} onPress={() => void move(to)} busy={transition.isPending}>
                {moveLabel(person.status, to)}
              </Button>
            ))}
            {next.includes('withdrawn') ? (
              <Button variant="danger" onPress={() => setWithdrawing(true)}>
                Withdraw from the scheme
              </Button>
            ) : null}
          </div>
          <StepNote person={person} pilotId={pilotId} />
        </>
      )}
      <h3 className="pp-subheading">History</h3>
      <ol className="pp-history">
        {[...person.statusHistory].reverse().map((change, index) => (
          <li key={`${change.at}-${index}`}>
            <span className="pp-history-when">{formatDateTime(change.at)}</span>
            <span className="pp-history-what">{change.from === null ? `Added as ${statusLabels[change.to]}` : `${statusLabels[change.from]} → ${statusLabels[change.to]}`}</span>
            {change.reason ? <span className="pp-history-reason">Reason: {change.reason}</span> : null}
          </li>
        ))}
      </ol>
      {withdrawing ? (
        <WithdrawDialog
          person={person}
          onClose={() => setWithdrawing(false)}
          onDone={() => {
            setWithdrawing(false);
            focusAfterDialog(heading.current);
          }}
        />
      ) : null}
    </section>
  );
}
