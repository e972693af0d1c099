import type { BackupRecord, BackupStatus } from '../../../shared/backup/contract';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether the reminder is due: no verified backup at all, or the last one verified more than `reminderDays` ago. */
export function backupStatus(latest: BackupRecord | null, lastVerifiedAt: string | null, reminderDays: number, now: Date): BackupStatus {
  const age = lastVerifiedAt === null ? null : now.getTime() - Date.parse(lastVerifiedAt);
  return {
    latest,
    lastVerifiedAt,
    reminderDays,
    due: age === null || age > reminderDays * DAY_MS,
    daysSinceVerified: age === null ? null : Math.max(0, Math.floor(age / DAY_MS)),
  };
}
