import { many, type ReadDb } from '../db/query';
import { disambiguators } from '../../../shared/participants/disambiguate';
import type { NamesakeNote } from '../../../shared/participants/namesakes-contract';
import type { ParticipantRole } from '../../../shared/participants/contract';

/**
 * The pilot's people who share a name (in any capitals and spacing) with someone else in it, with
 * the note that tells them apart. Names are compared by the shared helper, not in SQL (SQLite's
 * lower() knows only ASCII, and inner spaces count there); a pilot's few thousand names take
 * a millisecond or two. Erased people have no name left to confuse.
 */
export function namesakeNotes(db: ReadDb, pilotId: number): NamesakeNote[] {
  const people = many<{ id: number; name: string; role: ParticipantRole; department: string; email: string }>(
    db,
    'SELECT id, name, role, department, email FROM participants WHERE pilot_id = ? AND erased_at IS NULL ORDER BY id',
    [pilotId],
  );
  return [...disambiguators(people)].map(([id, note]) => ({ id, note }));
}
