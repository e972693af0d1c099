import type { Candidate, MatchingState } from '../../../../../shared/matching/contract';
import { toPersonOption } from '../../../app/pilot-people';

/** The candidates of one role, as picker options (in the state's order: by name). */
export const optionsOf = (state: MatchingState, role: Candidate['role']) => state.candidates.filter((c) => c.role === role).map(toPersonOption);

/** Names by id, looked up once per render rather than searched for on every row. */
export function namesOf(state: MatchingState, gone = 'someone no longer taking part') {
  const names = new Map(state.candidates.map((c) => [c.id, c.name]));
  return (id: number) => names.get(id) ?? gone;
}
