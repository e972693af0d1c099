import type { Locator } from '@playwright/test';
import { Screen } from './screen';

/** Stage 8: the reflective logs, in tabs (owed, search, import, log books). */
export class LogsScreen extends Screen {
  readonly heading = this.title('Reflective logs');
  readonly owed = this.page.getByRole('table', { name: 'Logs still owed' });
  readonly searchBox = this.page.getByRole('searchbox', { name: 'Search the logs' });
  readonly order = this.page.getByLabel('Order');
  readonly searchButton = this.page.getByRole('button', { name: 'Search', exact: true });
  /** Search results: one list item per log, its heading naming the author and state. */
  readonly hits = this.page.getByRole('list', { name: 'Matching logs' }).getByRole('listitem');

  open(pilotId: number, tab?: 'owed' | 'search' | 'import' | 'books') {
    return this.openInPilot(pilotId, `/logs${tab ? `?tab=${tab}` : ''}`);
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
export class LogEditor extends Screen {
  readonly description = this.stage('Description');
  readonly feelings = this.stage('Feelings');
  readonly evaluation = this.stage('Evaluation');
  readonly analysis = this.stage('Analysis');
  readonly conclusion = this.stage('Conclusion');
  readonly actionPlan = this.stage('Action plan');
  readonly submit = this.page.getByRole('button', { name: 'Submit log' });
  readonly submitChanges = this.page.getByRole('button', { name: 'Submit changes' });
  /** The sticky bar with the save status and Submit. */
  readonly footer = this.page.getByRole('group', { name: 'Save and submit' });

  open(pilotId: number, meetingId: number, authorId: number) {
    return this.openInPilot(pilotId, `/logs/write/${meetingId}/${authorId}`);
  }

  heading(author: string): Locator {
    return this.title(`${author}’s reflective log`);
  }

  /** One of Gibbs' stages, a text box named by it. */
  private stage(name: string): Locator {
    return this.page.getByRole('textbox', { name });
  }
}
