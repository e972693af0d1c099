import type { GroupReflection } from '../../../../shared/group-reflection/contract';
import { people } from '../../../../shared/words';

/** "14 people (counted)" or "3 named: Ana, Ben and Chen" (longer lists end "and 4 more"). */
export function reflectionAttendanceSummary(event: Pick<GroupReflection, 'attendance' | 'attendees'>): string {
  if (event.attendance.mode === 'counted') return event.attendance.headCount === 0 ? 'Not recorded' : `${people(event.attendance.headCount)} (counted)`;
  const names = event.attendees.map((a) => a.name);
  if (names.length === 0) return 'Nobody named';
  const shown = names.slice(0, 3);
  const rest = names.length - shown.length;
  const list = rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown[0];
  return `${people(names.length)} named: ${list}`;
}
