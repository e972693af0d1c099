import type { Locator } from '@playwright/test';
import { Screen } from './screen';

/** Stage 13's first half: the pilot dashboard ("Overview"), the pilot's first page. */
export class DashboardScreen extends Screen {
  readonly heading = this.title('Overview');
  readonly attention = this.page.getByRole('region', { name: 'Needs attention' });
  readonly timeline = this.page.getByRole('region', { name: 'Timeline' });
  readonly people = this.page.getByRole('list', { name: 'People by stage' });
  readonly meetings = this.page.getByRole('list', { name: 'Meetings and logs' });
  readonly surveys = this.page.getByRole('region', { name: 'Survey returns' });

  /** The pilot's own address: its index route lands on the dashboard. */
  open(pilotId: number) {
    return this.openInPilot(pilotId);
  }

  /** A "needs attention" item's link, by its words. */
  item(text: string | RegExp): Locator {
    return this.attention.getByRole('link', { name: text });
  }

  /** A figure (count and label) in one of the lists, as a link. */
  figure(list: Locator, label: string): Locator {
    return list.getByRole('link', { name: new RegExp(`\\b${label}$`) });
  }
}
