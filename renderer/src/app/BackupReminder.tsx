import { Link } from 'react-router';
import { useChannel } from '../queries';
import { plural } from '../../../shared/words';
import { Callout } from '../ui/Callout';

/**
 * The backup reminder for the overview: shown only when there is no checked backup newer than the
 * setting (Settings → Backups), with a link there. Small and quiet otherwise: nothing at all.
 */
export function BackupReminder() {
  const status = useChannel('settings.backupStatus', {});
  if (!status.data?.due) return null;
  const { lastVerifiedAt, daysSinceVerified } = status.data;
  return (
    <Callout tone="warning">
      {lastVerifiedAt === null ? 'This vault has no checked backup yet.' : `The last checked backup is ${plural(daysSinceVerified ?? 0, 'day')} old.`}{' '}
      <Link to="/settings#backup">Back up now in Settings</Link>
    </Callout>
  );
}
