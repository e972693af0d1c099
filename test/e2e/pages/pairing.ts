import type { Locator, Page } from '@playwright/test';
import { goTo } from '../fixtures';

/** Stage 6: proposing pairs, the settings, the constraints and the confirmed pairs, each on a tab. */
export class PairingScreen {
  readonly heading: Locator;
  readonly tabs: Locator;
  readonly propose: Locator;
  readonly proposeAgain: Locator;
  readonly outOfDate: Locator;
  readonly glance: Locator;
  readonly proposed: Locator;
  readonly conflicts: Locator;
  readonly rules: Locator;
  readonly addRule: Locator;
  readonly whoListedWhom: Locator;
  readonly capacities: Locator;
  readonly confirmed: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Pairing', level: 1 });
    this.tabs = page.getByRole('tablist', { name: 'Pairing' });
    this.propose = page.getByRole('button', { name: 'Propose pairs' });
    this.proposeAgain = page.getByRole('button', { name: 'Propose again' });
    this.outOfDate = page.getByText('Out of date:');
    this.glance = page.getByRole('list', { name: 'This proposal at a glance' }).getByRole('listitem');
    this.proposed = page.getByRole('table', { name: 'Proposed pairs' });
    this.conflicts = page.getByRole('table', { name: 'Conflicts of interest' });
    this.rules = page.getByRole('table', { name: 'Pinned and forbidden pairs' });
    this.addRule = page.getByRole('group', { name: 'Pin or forbid a pair' });
    this.whoListedWhom = page.getByRole('table', { name: 'Who listed whom' });
    this.capacities = page.getByRole('table', { name: 'People who can be paired, with their stage and capacity' });
    this.confirmed = page.getByRole('table', { name: 'Confirmed pairs' });
  }

  open(pilotId: number, tab?: 'settings' | 'constraints' | 'confirmed') {
    return goTo(this.page, `/pilots/${pilotId}/pairing${tab ? `/${tab}` : ''}`);
  }

  tab(name: string | RegExp): Locator {
    return this.tabs.getByRole('tab', { name });
  }

  /** A pair in a table of pairs (proposed or confirmed) with its details row: found by its Why button. */
  pair(name: string): Locator {
    return this.page.getByRole('rowgroup').filter({ has: this.page.getByRole('button', { name: `Why ${name}`, exact: true }) });
  }

  /** The number of pairs proposed (one row group each, after the header's). */
  async proposedCount(): Promise<number> {
    return (await this.proposed.getByRole('rowgroup').count()) - 1;
  }

  /** A confirmed pair, current or ended, by a name in it. */
  confirmedPair(name: string): Locator {
    return this.confirmed.getByRole('rowgroup').filter({ hasText: name });
  }

  why(name: string, verb: 'scores' | 'scored'): Locator {
    return this.page.getByRole('list', { name: new RegExp(`^Why ${name} ${verb} `) });
  }
}
