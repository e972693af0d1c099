import { expect, type Locator, type Page } from '@playwright/test';
import { PASSPHRASE } from '../fixtures';

/** The app's frame around every screen: the top bar, the sidebar's navigation and its messages. */
export class Frame {
  readonly topBar: Locator;
  readonly navigation: Locator;
  /** The notices region ("Pilot archived. Undo"), a polite status region. */
  readonly notices: Locator;
  readonly noticeMessages: Locator;
  readonly lockButton: Locator;
  readonly main: Locator;

  constructor(private readonly page: Page) {
    this.topBar = page.getByRole('banner');
    this.navigation = page.getByRole('navigation', { name: 'Main' });
    this.notices = page.getByRole('status', { name: 'Messages' });
    this.noticeMessages = this.notices.getByRole('paragraph');
    this.lockButton = page.getByRole('button', { name: 'Lock' });
    this.main = page.getByRole('main');
  }

  notice(text: string | RegExp): Locator {
    return this.notices.getByText(text);
  }

  /** Locks by the button and waits for the unlock screen. */
  async lock() {
    await this.lockButton.click();
    await expect(this.page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
  }

  /** Unlocks with the passphrase typed and Enter, as a person would. */
  async unlock(passphrase = PASSPHRASE) {
    await this.page.getByLabel('Passphrase').fill(passphrase);
    await this.page.keyboard.press('Enter');
  }
}
