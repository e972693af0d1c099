import { Link } from 'react-router';
import { PersonLink } from '../../app/PersonLink';
import type { MatchingState } from '../../../../shared/matching/contract';
import { plural } from '../../../../shared/words';
import { planPath } from '../../app/paths';
import { Callout } from '../../ui/Callout';

/** Who may be paired, by the plan's rule, in words. */
function gateWords(gate: MatchingState['gate']): string {
  const after = gate.trainingBeforePairing ? ' and are trained' : gate.chemistryBeforePairing ? ' and have met at a chemistry meeting' : '';
  return `Only people who consented to take part${after} are paired.`;
}

/**
 * Above the tabs: who enters the pool (the plan's rule, with how many are outside it and why in the
 * "Not paired" list), and everyone whose partner withdrew, flagged for re-pairing.
 */
export function PoolNotes({ pilotId, state }: { pilotId: number; state: MatchingState }) {
  const outside = state.candidates.filter((c) => c.notInPool !== null).length;
  const flagged = state.candidates.filter((c) => c.repairingNote !== null);
  return (
    <>
      <p className="hint" id="pool-rule">
        {gateWords(state.gate)} {outside > 0 ? `${plural(outside, 'person', 'people')} still taking part ${outside === 1 ? 'is' : 'are'} not in the pool yet: a proposal lists them under “Not paired” with the reason. ` : ''}
        <Link to={planPath(pilotId)}>Change this in the plan’s meeting plan</Link>.
      </p>
      {flagged.length > 0 ? (
        <Callout tone="warning">
          <h2 className="callout-title">Needs a new partner ({flagged.length})</h2>
          <ul className="cp-repairing">
            {flagged.map((c) => (
              <li key={c.id}>
                <PersonLink pilotId={pilotId} person={c} />: {c.repairingNote}
              </li>
            ))}
          </ul>
        </Callout>
      ) : null}
    </>
  );
}
