import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { distinctName } from '../../../shared/participants/disambiguate';
import { useChannel } from '../queries';
import { pairMeetingsPath, participantsPath } from './paths';

/**
 * The notes that tell the pilot's namesakes apart, by person id (shared/participants/disambiguate.ts,
 * worked out in the main process over the whole pilot, so a note does not depend on who else is on
 * the page). One small query, shared by every list on screen; people without a namesake are absent.
 */
export function useNamesakeNotes(pilotId: number): Map<number, string> {
  const namesakes = useChannel('participants.namesakes', { pilotId });
  return useMemo(() => new Map((namesakes.data ?? []).map((n) => [n.id, n.note])), [namesakes.data]);
}

/** "Nadia Osei (Law · staff mentee)" where the pilot has a namesake, else the name: for text that cannot hold a link (labels, messages). */
export function useDistinctName(pilotId: number): (person: { id: number; name: string }) => string {
  const notes = useNamesakeNotes(pilotId);
  return (person) => distinctName(person, notes);
}

/**
 * A person's name as a link to their page, everywhere a person is named, with the note that tells
 * them apart from a namesake in the pilot (or the `note` given).
 */
export function PersonLink({ pilotId, person, note }: { pilotId: number; person: { id: number; name: string }; note?: string | undefined }) {
  const notes = useNamesakeNotes(pilotId);
  const shownNote = note ?? notes.get(person.id);
  return (
    <span className="person-link">
      <Link to={participantsPath(pilotId, person.id)}>{person.name}</Link>
      {shownNote ? <span className="person-link-note"> ({shownNote})</span> : null}
    </span>
  );
}

/** A pair's names as a link to the pair's meetings. */
export function PairLink({ pilotId, pairId, children }: { pilotId: number; pairId: number; children: ReactNode }) {
  return <Link to={pairMeetingsPath(pilotId, pairId)}>{children}</Link>;
}

/**
 * Beside a pair's link (whose text is the two names): which namesake each one is, as a small note,
 * e.g. "Nadia Osei: School of Law · staff mentee". Nothing when neither has a namesake.
 */
export function PairNamesakeNotes({ pilotId, pair }: { pilotId: number; pair: { mentorId: number; mentorName: string; menteeId: number; menteeName: string } }) {
  const notes = useNamesakeNotes(pilotId);
  const described = [
    { id: pair.mentorId, name: pair.mentorName },
    { id: pair.menteeId, name: pair.menteeName },
  ].flatMap((person) => (notes.has(person.id) ? [`${person.name}: ${notes.get(person.id)}`] : []));
  return described.length > 0 ? <div className="cell-note-wrap">{described.join('; ')}</div> : null;
}
