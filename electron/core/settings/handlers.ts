import type { FeatureHandlers } from '../registry/types';
import { DEFAULT_AUTO_LOCK_MINUTES, settingsSchema, type Settings, type settingsContract } from '../../../shared/settings/contract';
import type { Db } from '../db/types';

/** The laptop's own zone is the best first guess for where meetings happen. */
const systemTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/London';
const defaults = (): Settings => ({ autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES, timeZone: systemTimeZone() });

export function readSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  // A value that no longer validates (e.g. after a rule change) falls back to its default.
  const parsed = settingsSchema.partial().safeParse(stored);
  return { ...defaults(), ...(parsed.success ? parsed.data : {}) };
}

export const settingsHandlers: FeatureHandlers<keyof typeof settingsContract> = {
  'settings.get': {
    kind: 'query',
    run: (_input, { db }) => readSettings(db),
  },
  'settings.update': {
    kind: 'command',
    run: (changes, { db }) => {
      const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined) upsert.run(key, JSON.stringify(value));
      }
      return readSettings(db);
    },
    audit: (changes) => ({ action: 'settings.update', entityType: 'settings', entityId: Object.keys(changes).sort().join(',') }),
  },
};

/** Today's date (YYYY-MM-DD) where the scheme runs: in the coordinator's chosen time zone. */
export function todayFor(db: Db, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: readSettings(db).timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
