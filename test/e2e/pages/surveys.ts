import type { Locator, Page } from '@playwright/test';
import { goTo } from '../fixtures';

/** Stage 10: surveys, in tabs (questionnaires, waves, responses, import, analysis, free text). */
export class SurveysScreen {
  readonly heading: Locator;
  readonly items: Locator;
  readonly waves: Locator;
  readonly people: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Surveys', level: 1 });
    this.items = page.getByRole('table', { name: /^Items of / });
    this.waves = page.getByRole('table', { name: 'Survey waves, in date order' });
    this.people = page.getByRole('table', { name: /^People .* is for, by name$/ });
  }

  open(pilotId: number, tab?: 'questionnaires' | 'waves' | 'responses' | 'import' | 'analysis' | 'free-text', query = '') {
    return goTo(this.page, `/pilots/${pilotId}/surveys${tab ? `?tab=${tab}${query}` : ''}`);
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** An item's results card on the analysis tab, by its heading ("1. I feel I belong…"). */
  itemResult(text: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^\\d+\\. ${text}`) });
  }

  /** The results table of an item card, by group. */
  resultRow(card: Locator, group: string): Locator {
    return card.getByRole('table', { name: /^Results for item/ }).getByRole('row', { name: new RegExp(`^${group}`) });
  }
}
