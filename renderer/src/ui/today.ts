import { useChannel } from '../queries';

/** Today as YYYY-MM-DD, in the given IANA time zone when there is one, else this laptop's. */
export function todayIn(timeZone: string | undefined, now = new Date()): string {
  if (timeZone) {
    try {
      return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
    } catch {
      // An unknown zone: fall back to the laptop's own.
    }
  }
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/**
 * Today as the main process sees it: it dates milestones and meetings (late, due soon) in the
 * vault's time-zone setting when it has one, so "today" rules and default dates follow the same
 * calendar.
 */
export function useToday(): string {
  const settings = useChannel('settings.get', {});
  return todayIn(settings.data?.timeZone);
}
