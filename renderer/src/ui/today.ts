import { todayIn } from '../../../shared/dates';
import { useChannel } from '../queries';

/**
 * Today as the main process sees it: it dates milestones and meetings (late, due soon) in the
 * vault's time-zone setting when it has one, so "today" rules and default dates follow the same
 * calendar.
 */
export function useToday(): string {
  const settings = useChannel('settings.get', {});
  return todayIn(settings.data?.timeZone);
}
