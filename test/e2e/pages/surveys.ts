import type { Locator } from '@playwright/test';
import { Screen } from './screen';

/** Stage 10: surveys, in tabs (questionnaires, waves, responses, import, analysis, free text). */
export class SurveysScreen extends Screen {
  readonly heading = this.title('Surveys');
  readonly items = this.page.getByRole('table', { name: /^Items of / });
  readonly waves = this.page.getByRole('table', { name: 'Survey waves, in date order' });
  readonly people = this.page.getByRole('table', { name: /^People .* is for, by name$/ });

  open(pilotId: number, tab?: 'questionnaires' | 'waves' | 'responses' | 'import' | 'analysis' | 'free-text', query = '') {
    return this.openInPilot(pilotId, `/surveys${tab ? `?tab=${tab}${query}` : ''}`);
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
