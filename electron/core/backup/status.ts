import type { BackupRecord, BackupStatus } from '../../../shared/backup/contract';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether the reminder is due: no verified backup at all, the last one verified more than
 * `reminderDays` ago, or an erasure made after the latest backup (which still holds what it erased).
 */
export function backupStatus(latest: BackupRecord | null, lastVerifiedAt: string | null, reminderDays: number, now: Date, lastErasureAt: string | null = null): BackupStatus {
  const age = lastVerifiedAt === null ? null : now.getTime() - Date.parse(lastVerifiedAt);
  const erasedSince = latest !== null && lastErasureAt !== null && Date.parse(lastErasureAt) >= Date.parse(latest.createdAt) ? lastErasureAt : null;
  return {
    latest,
    lastVerifiedAt,
    reminderDays,
    erasedSince,
    due: age === null || age > reminderDays * DAY_MS || erasedSince !== null,
    daysSinceVerified: age === null ? null : Math.max(0, Math.floor(age / DAY_MS)),
  };
}
