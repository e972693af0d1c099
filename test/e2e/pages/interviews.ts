import { expect, type Locator, type Page } from '@playwright/test';
import { fillDate } from './dates';

/** The coordinator's closing interviews screen and the interviewer's own screen. */
export class InterviewsScreen {
  readonly heading: Locator;
  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Closing interviews', level: 1 });
  }

  tab(name: 'Schedule' | 'Guide' | 'Interviewers'): Locator {
    return this.page.getByRole('tab', { name });
  }

  async schedule(person: string, interviewer: string, date: string, place: string) {
    await this.page.getByRole('button', { name: 'Schedule an interview' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Schedule an interview' });
    // The register's picker: type part of the name, choose the option (which shows the role too).
    const name = person.replace(/ \((mentor|mentee)\)$/, '');
    await dialog.getByRole('combobox', { name: 'Person' }).fill(name.slice(0, 4));
    await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
    await dialog.getByLabel('Interviewer').selectOption({ label: interviewer });
    await fillDate(dialog, 'Date', date);
    await dialog.getByLabel('Time').fill('14:30');
    await dialog.getByLabel('Place').fill(place);
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await expect(dialog).toBeHidden();
  }

  /** The unlock screen's interviewer path: email and their own passphrase. */
  static async unlockAsInterviewer(page: Page, email: string, passphrase: string) {
    await page.getByRole('button', { name: 'I am an interviewer' }).click();
    await expect(page.getByRole('heading', { name: 'Unlock as an interviewer' })).toBeVisible();
    await page.getByLabel('Your email').fill(email);
    await page.getByLabel('Your passphrase').fill(passphrase);
    await page.keyboard.press('Enter');
  }
}
