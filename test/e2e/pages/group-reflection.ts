import type { Page } from '@playwright/test';
import { Screen } from './screen';
import { fillDate } from './dates';

/** The group reflection screens: the list of events, the event form, and one event's page. */
export class GroupReflectionScreen extends Screen {
  readonly listTitle = this.title('Group reflection');
  readonly attendance = this.page.getByRole('region', { name: 'Attendance' });
  readonly notes = this.page.getByLabel('Notes on the event');
  readonly saveStatus = this.page.getByRole('status').filter({ hasText: /saved|Saving/ });
  readonly findings = this.page.getByRole('list', { name: 'Findings, in the order recorded' }).getByRole('listitem');
  readonly chosen = this.page.getByRole('list', { name: 'People who attended' }).getByRole('listitem');

  constructor(page: Page) {
    super(page);
  }

  open(pilotId: number, rest = '') {
    return this.openInPilot(pilotId, `/group-reflection${rest ? `/${rest}` : ''}`);
  }

  eventTitle(date: string) {
    return this.title(`Group reflection, ${date}`);
  }

  async fillEvent({ date, place }: { date: string; place: string }) {
    await fillDate(this.page, 'Date', date);
    await this.page.getByLabel('Place').fill(place);
  }

  /** Adds a person to named attendance through the register's picker. */
  async addAttendee(name: string) {
    const box = this.page.getByRole('combobox', { name: 'Add a person who attended', exact: true });
    await box.fill(name.slice(0, 4));
    await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  }

  async addFinding(text: string, themes: string[]) {
    await this.page.getByRole('textbox', { name: 'Finding', exact: true }).fill(text);
    for (const theme of themes) await this.page.getByLabel(theme, { exact: true }).check();
    await this.page.getByRole('button', { name: 'Add finding' }).click();
  }
}
