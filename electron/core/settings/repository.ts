import { many, run, type ReadDb, type WriteDb } from '../db/query';
import { dateIn } from '../../../shared/dates';
import { DEFAULT_AUTO_LOCK_MINUTES, DEFAULT_BACKUP_REMINDER_DAYS, settingsSchema, type Settings } from '../../../shared/settings/contract';

/** The laptop's own zone is the best first guess for where meetings happen. */
const systemTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/London';
const defaults = (): Settings => ({ autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES, timeZone: systemTimeZone(), backupReminderDays: DEFAULT_BACKUP_REMINDER_DAYS });

export function readSettings(db: ReadDb): Settings {
  const rows = many<{ key: string; value: string }>(db, 'SELECT key, value FROM settings');
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  // A value that no longer validates (e.g. after a rule change) falls back to its default.
  const parsed = settingsSchema.partial().safeParse(stored);
  return { ...defaults(), ...(parsed.success ? parsed.data : {}) };
}

/** Stores the settings given; the others keep their values. */
export function writeSettings(db: WriteDb, changes: Partial<Settings>): Settings {
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) run(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, JSON.stringify(value)]);
  }
  return readSettings(db);
}

/** Today's date where the scheme runs: in the coordinator's chosen time zone. */
export const todayFor = (db: ReadDb, now: Date): string => dateIn(readSettings(db).timeZone, now);
