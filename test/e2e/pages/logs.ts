import type { Locator, Page } from '@playwright/test';
import { goTo } from '../fixtures';

/** Stage 8: the reflective logs, in tabs (owed, search, import, log books). */
export class LogsScreen {
  readonly heading: Locator;
  readonly owed: Locator;
  readonly searchBox: Locator;
  readonly order: Locator;
  readonly searchButton: Locator;
  /** Search results: one list item per log, its heading naming the author and state. */
  readonly hits: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Reflective logs', level: 1 });
    this.owed = page.getByRole('table', { name: 'Logs still owed' });
    this.searchBox = page.getByRole('searchbox', { name: 'Search the logs' });
    this.order = page.getByLabel('Order');
    this.searchButton = page.getByRole('button', { name: 'Search', exact: true });
    this.hits = page.getByRole('list', { name: 'Matching logs' }).getByRole('listitem');
  }

  open(pilotId: number, tab?: 'owed' | 'search' | 'import' | 'books') {
    return goTo(this.page, `/pilots/${pilotId}/logs${tab ? `?tab=${tab}` : ''}`);
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name });
  }

  hit(author: string): Locator {
    return this.hits.filter({ has: this.page.getByRole('heading', { name: new RegExp(`^${author}`) }) });
  }

  async search(words: string) {
    await this.searchBox.fill(words);
    await this.searchButton.click();
  }
}

/** One person's log for one meeting, in Gibbs' six stages, with its save status in a bar at the foot. */
export class LogEditor {
  readonly description: Locator;
  readonly feelings: Locator;
  readonly evaluation: Locator;
  readonly analysis: Locator;
  readonly conclusion: Locator;
  readonly actionPlan: Locator;
  readonly submit: Locator;
  readonly submitChanges: Locator;
  /** The sticky bar with the save status and Submit. */
  readonly footer: Locator;

  constructor(private readonly page: Page) {
    this.description = page.getByRole('textbox', { name: 'Description' });
    this.feelings = page.getByRole('textbox', { name: 'Feelings' });
    this.evaluation = page.getByRole('textbox', { name: 'Evaluation' });
    this.analysis = page.getByRole('textbox', { name: 'Analysis' });
    this.conclusion = page.getByRole('textbox', { name: 'Conclusion' });
    this.actionPlan = page.getByRole('textbox', { name: 'Action plan' });
    this.submit = page.getByRole('button', { name: 'Submit log' });
    this.submitChanges = page.getByRole('button', { name: 'Submit changes' });
    this.footer = page.getByRole('group', { name: 'Save and submit' });
  }

  open(pilotId: number, meetingId: number, authorId: number) {
    return goTo(this.page, `/pilots/${pilotId}/logs/write/${meetingId}/${authorId}`);
  }

  heading(author: string): Locator {
    return this.page.getByRole('heading', { name: `${author}’s reflective log`, level: 1 });
  }
}
