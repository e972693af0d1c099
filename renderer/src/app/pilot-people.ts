import { useChannel } from '../queries';
import type { PersonOption } from '../ui/PersonPicker';

export const toPersonOption = ({ id, name, role, department, email }: PersonOption): PersonOption => ({ id, name, role, department, ...(email ? { email } : {}) });

/** The pilot's people (not withdrawn unless `keep` names them), split by role, sorted by name: the chemistry, training and pairing stages choose among them. */
export function usePilotPeople(pilotId: number, keep: number[] = []) {
  const query = useChannel('participants.list', { pilotId, sortBy: 'name' });
  const rows = (query.data?.rows ?? []).filter((p) => p.status !== 'withdrawn' || keep.includes(p.id));
  return {
    query,
    rows,
    mentors: rows.filter((p) => p.role === 'mentor').map(toPersonOption),
    mentees: rows.filter((p) => p.role === 'mentee').map(toPersonOption),
    total: query.data?.total ?? 0,
  };
}
