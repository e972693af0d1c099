import type { FocusGroup } from '../../../../shared/focus-groups/contract';
import { people, plural } from '../../../../shared/words';

/** "6 staff, 4 students" or "3 named: Ana, Ben and Chen" (longer lists end "and 4 more"). */
export function attendanceSummary(group: Pick<FocusGroup, 'attendance' | 'attendeeNames'>): string {
  const { attendance } = group;
  if (attendance.mode === 'counts') {
    const total = attendance.staff + attendance.students;
    if (total === 0) return 'Not recorded';
    return `${attendance.staff} staff, ${plural(attendance.students, 'student')}`;
  }
  const names = group.attendeeNames;
  if (names.length === 0) return 'Nobody named';
  const shown = names.slice(0, 3);
  const rest = names.length - shown.length;
  const list = rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown[0];
  return `${people(names.length)} named: ${list}`;
}
