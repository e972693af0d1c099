import { z } from 'zod';
import { channel } from '../contract/define';
import { empty } from '../contract/common';

/** The auto-lock times the settings screen offers, spanning the whole range the schema accepts (1–240). */
export const AUTO_LOCK_CHOICES = [1, 2, 5, 10, 15, 30, 60, 120, 240] as const;
const AUTO_LOCK_MAX_MINUTES = 240;
export const DEFAULT_AUTO_LOCK_MINUTES = 10;
/** The backup reminder (shared/backup/contract.ts): days a verified backup may age before the app reminds. */
export const DEFAULT_BACKUP_REMINDER_DAYS = 7;
export const BACKUP_REMINDER_MAX_DAYS = 365;

/** Whether the JavaScript runtime knows this IANA time zone (Europe/London, America/Toronto…). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const settingsSchema = z.object({
  /** Meeting times are wall-clock times in this zone; calendar exports carry it. */
  timeZone: z.string().min(1).max(64).refine(isTimeZone, 'Not a time zone this computer knows (e.g. Europe/London)'),
  autoLockMinutes: z
    .number()
    .int('Choose a whole number of minutes')
    .min(1, 'Auto-lock must be at least 1 minute')
    .max(AUTO_LOCK_MAX_MINUTES, `Auto-lock can be at most ${AUTO_LOCK_MAX_MINUTES} minutes`),
  /** Remind the coordinator when the last verified backup is older than this many days. */
  backupReminderDays: z
    .number()
    .int('Choose a whole number of days')
    .min(1, 'The backup reminder must be at least 1 day')
    .max(BACKUP_REMINDER_MAX_DAYS, `The backup reminder can be at most ${BACKUP_REMINDER_MAX_DAYS} days`),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsContract = {
  'settings.get': channel({
    summary: 'The coordinator’s settings stored in the vault.',
    input: empty,
    output: settingsSchema,
  }),
  'settings.update': channel({
    summary: 'Change settings such as the auto-lock time.',
    invalidates: ['settings', 'plan', 'meetings', 'logs'],
    input: settingsSchema.partial().strict(),
    output: settingsSchema,
  }),
} as const;
