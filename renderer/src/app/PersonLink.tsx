import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { pairMeetingsPath, participantsPath } from './paths';

/**
 * A person's name as a link to their page, everywhere a person is named. `note` tells them apart
 * from a namesake shown alongside (from shared/participants/disambiguate.ts).
 */
export function PersonLink({ pilotId, person, note }: { pilotId: number; person: { id: number; name: string }; note?: string | undefined }) {
  return (
    <span className="person-link">
      <Link to={participantsPath(pilotId, person.id)}>{person.name}</Link>
      {note ? <span className="person-link-note"> ({note})</span> : null}
    </span>
  );
}

/** A pair's names as a link to the pair's meetings. */
export function PairLink({ pilotId, pairId, children }: { pilotId: number; pairId: number; children: ReactNode }) {
  return <Link to={pairMeetingsPath(pilotId, pairId)}>{children}</Link>;
}
