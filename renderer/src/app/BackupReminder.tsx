import { Link } from 'react-router';
import { useChannel } from '../queries';
import { plural } from '../../../shared/words';
import { formatTimestampDay } from '../../../shared/dates';
import { Callout } from '../ui/Callout';

/**
 * The backup reminder for the overview: shown only when there is no checked backup newer than the
 * setting (Settings → Backups), or data was erased after the latest backup, with a link there.
 * Small and quiet otherwise: nothing at all.
 */
export function BackupReminder() {
  const status = useChannel('settings.backupStatus', {});
  if (!status.data?.due) return null;
  const { lastVerifiedAt, daysSinceVerified, erasedSince } = status.data;
  return (
    <Callout tone="warning">
      {erasedSince !== null
        ? `Data was erased on ${formatTimestampDay(erasedSince)}, after the latest backup was made: that backup still holds it. Make a new backup, then delete the older backup files.`
        : lastVerifiedAt === null
          ? 'This vault has no checked backup yet.'
          : `The last checked backup is ${plural(daysSinceVerified ?? 0, 'day')} old.`}{' '}
      <Link to="/settings#backup">Back up now in Settings</Link>
    </Callout>
  );
}
