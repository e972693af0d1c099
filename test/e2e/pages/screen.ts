import type { Locator, Page } from '@playwright/test';
import { goTo } from '../fixtures';

/**
 * What every page object shares: the page, the screen's level-1 heading, its address under a
 * pilot, and the tabs and dialogs found by name. Subclasses declare their locators as fields
 * (`readonly owed = this.page.getByRole(…)`), which run after this constructor has set `page`.
 */
export abstract class Screen {
  constructor(protected readonly page: Page) {}

  /** The screen's level-1 heading, by its words. */
  protected title(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { name, level: 1 });
  }

  /** Opens a screen of a pilot by its route: `path` follows `/pilots/<id>` ('/logs?tab=owed'). */
  protected openInPilot(pilotId: number, path = '') {
    return goTo(this.page, `/pilots/${pilotId}${path}`);
  }

  tab(name: string | RegExp): Locator {
    return this.page.getByRole('tab', { name });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }
}
