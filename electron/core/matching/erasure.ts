/**
 * What erasing a person means for pairing: their conflicts of interest, pins, forbidden pairs and
 * stated preferences go. Their pairs stay for their partner's sake (meetings and the partner's logs
 * hang on them), pointing at the erased record, which no longer names anyone; their name in a pair's
 * end reason becomes "[removed]".
 */
import { run, value, type ReadDb, type WriteDb } from '../db/query';
import { redactRows } from '../db/redact-rows';

export function countPairingRulesOf(db: ReadDb, participantId: number): number {
  const params = { id: participantId };
  return (
    value<number>(db, 'SELECT count(*) FROM conflicts_of_interest WHERE mentor_id = @id OR mentee_id = @id', params)! +
    value<number>(db, 'SELECT count(*) FROM pair_rules WHERE mentor_id = @id OR mentee_id = @id', params)! +
    value<number>(db, 'SELECT count(*) FROM pair_preferences WHERE participant_id = @id OR preferred_id = @id', params)!
  );
}

export function erasePairingRulesOf(db: WriteDb, participantId: number): number {
  const params = { id: participantId };
  return (
    run(db, 'DELETE FROM conflicts_of_interest WHERE mentor_id = @id OR mentee_id = @id', params).changes +
    run(db, 'DELETE FROM pair_rules WHERE mentor_id = @id OR mentee_id = @id', params).changes +
    run(db, 'DELETE FROM pair_preferences WHERE participant_id = @id OR preferred_id = @id', params).changes
  );
}

export function countPairsOf(db: ReadDb, participantId: number): number {
  return value<number>(db, 'SELECT count(*) FROM pairs WHERE mentor_id = @id OR mentee_id = @id', { id: participantId })!;
}

export function redactNamesInPairs(db: WriteDb, pilotId: number, pattern: RegExp | null): number {
  if (!pattern) return 0;
  return (
    redactRows(db, 'SELECT id, end_reason FROM pairs WHERE pilot_id = ? AND end_reason IS NOT NULL', [pilotId], ['end_reason'], 'UPDATE pairs SET end_reason = @end_reason WHERE id = @id', pattern) +
    redactRows(db, 'SELECT c.id, c.note FROM conflicts_of_interest c WHERE c.pilot_id = ? AND c.note <> ?', [pilotId, ''], ['note'], 'UPDATE conflicts_of_interest SET note = @note WHERE id = @id', pattern)
  );
}

export function countPairsInPilot(db: ReadDb, pilotId: number): number {
  return value<number>(db, 'SELECT count(*) FROM pairs WHERE pilot_id = ?', [pilotId])!;
}
