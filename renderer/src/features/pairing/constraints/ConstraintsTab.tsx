import type { MatchingState } from '../../../../../shared/matching/contract';
import { Capacities } from './Capacities';
import { Conflicts } from './Conflicts';
import { PinnedAndForbidden } from './PinnedAndForbidden';
import { Preferences } from './Preferences';

/** What the proposals must respect: conflicts of interest, pins and forbidden pairs, stated preferences and capacities. */
export function ConstraintsTab({ pilotId, state }: { pilotId: number; state: MatchingState }) {
  if (state.candidates.length === 0) {
    return <p className="cp-hint-box">Nobody can be paired yet: add people under Participants first.</p>;
  }
  return (
    <div className="cp-constraints">
      <Conflicts pilotId={pilotId} state={state} />
      <PinnedAndForbidden pilotId={pilotId} state={state} />
      <Preferences state={state} />
      <Capacities state={state} />
    </div>
  );
}
