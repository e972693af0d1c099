import type { Locator, Page } from '@playwright/test';
import { goTo } from '../fixtures';

/** Stage 13's first half: the pilot dashboard ("Overview"), the pilot's first page. */
export class DashboardScreen {
  readonly heading: Locator;
  readonly attention: Locator;
  readonly timeline: Locator;
  readonly people: Locator;
  readonly meetings: Locator;
  readonly surveys: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Overview', level: 1 });
    this.attention = page.getByRole('region', { name: 'Needs attention' });
    this.timeline = page.getByRole('region', { name: 'Timeline' });
    this.people = page.getByRole('list', { name: 'People by stage' });
    this.meetings = page.getByRole('list', { name: 'Meetings and logs' });
    this.surveys = page.getByRole('region', { name: 'Survey returns' });
  }

  /** The pilot's own address: its index route lands on the dashboard. */
  open(pilotId: number) {
    return goTo(this.page, `/pilots/${pilotId}`);
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
