import type { AuditRecord } from '../../../../shared/audit/contract';
import { chemistryPath, focusGroupsPath, pairMeetingsPath, participantsPath, pilotPath, planPath, safeguardingPath, trainingPath, writeLogPath } from '../../app/paths';

/** Where an entry's record is shown, or undefined when it has no screen (or no longer exists). */
export function recordPath(record: AuditRecord | null): string | undefined {
  const link = record?.link;
  if (!link) return undefined;
  const [first = 0, second = 0] = link.ids;
  switch (link.screen) {
    case 'pilot':
      return pilotPath(link.pilotId);
    case 'plan':
      return planPath(link.pilotId);
    case 'focus-group':
      return focusGroupsPath(link.pilotId, first);
    case 'participant':
      return participantsPath(link.pilotId, first);
    case 'chemistry':
      return chemistryPath(link.pilotId);
    case 'training':
      return trainingPath(link.pilotId);
    case 'pair-meetings':
      return pairMeetingsPath(link.pilotId, first);
    case 'log':
      return writeLogPath(link.pilotId, first, second);
    case 'safeguarding':
      return safeguardingPath(link.pilotId);
    case 'surveys':
      return pilotPath(link.pilotId, 'surveys');
  }
}
