import { Link } from 'react-router';
import { roleLabels } from '../../../../shared/participants/contract';
import { plural } from '../../../../shared/words';
import { pairingPath } from '../../app/paths';
import { usePilotPeople } from '../../app/pilot-people';
import { PairLink, PersonLink } from '../../app/PersonLink';
import { ErrorMessage, Loading } from '../../ui/Page';
import { useConfirmedPairs } from './api';
import { requiredTopicsInWords } from './words';

/** People in confirmed pairs who have not attended training for their role: to be trained before their first meeting. */
export function NotTrainedYet({ pilotId }: { pilotId: number }) {
  const pairs = useConfirmedPairs(pilotId);
  const people = usePilotPeople(pilotId);
  if (pairs.isPending) return <Loading label="Checking who is not trained yet…" />;
  if (pairs.error) return <ErrorMessage error={pairs.error} />;
  // Pair by pair (as listed, by mentee), the member of staff first.
  const untrained = pairs.data.flatMap((pair) =>
    pair.untrained
      .map((person) => ({
        ...person,
        pairId: pair.id,
        partner: person.id === pair.mentorId ? { id: pair.menteeId, name: pair.menteeName } : { id: pair.mentorId, name: pair.mentorName },
        role: person.id === pair.mentorId ? ('mentor' as const) : ('mentee' as const),
      }))
      .sort((a, b) => a.role.localeCompare(b.role)),
  );
  const department = (id: number) => people.rows.find((p) => p.id === id)?.department;
  return (
    <section className={`panel cp-panel ${untrained.length > 0 ? 'cp-panel-warning' : ''}`} aria-labelledby="not-trained-heading">
      <h2 id="not-trained-heading">Not trained yet{untrained.length > 0 ? ` (${untrained.length})` : ''}</h2>
      {pairs.data.length === 0 ? (
        <p className="muted flush">
          No confirmed pairs yet. Once you <Link to={pairingPath(pilotId)}>confirm pairs</Link>, anyone in them who has not been trained for their role is listed here.
        </p>
      ) : untrained.length === 0 ? (
        <p className="flush">Everyone in the {plural(pairs.data.length, 'confirmed pair')} has been trained for their role.</p>
      ) : (
        <>
          <p>
            People in confirmed pairs who have not yet attended training for their role on both {requiredTopicsInWords()}. Train them before their first meeting: record the session below with
            them ticked.
          </p>
          <ul className="cp-flag-list">
            {untrained.map((p) => (
              <li key={`${p.pairId}-${p.id}`}>
                <span className="pill pill-flag">Not trained</span> <strong>
                  <PersonLink pilotId={pilotId} person={p} />
                </strong>
                <span className="muted">
                  {' '}
                  — {roleLabels[p.role]}
                  {department(p.id) ? `, ${department(p.id)}` : ''}; paired with <PersonLink pilotId={pilotId} person={p.partner} /> (<PairLink pilotId={pilotId} pairId={p.pairId}>their meetings</PairLink>); still needs: {p.missing.join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
