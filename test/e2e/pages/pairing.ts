import type { Locator } from '@playwright/test';
import { Screen } from './screen';

/** Stage 6: proposing pairs, the settings, the constraints and the confirmed pairs, each on a tab. */
export class PairingScreen extends Screen {
  readonly heading = this.title('Pairing');
  readonly tabs = this.page.getByRole('tablist', { name: 'Pairing' });
  readonly propose = this.page.getByRole('button', { name: 'Propose pairs' });
  readonly proposeAgain = this.page.getByRole('button', { name: 'Propose again' });
  readonly outOfDate = this.page.getByText('Out of date:');
  readonly glance = this.page.getByRole('list', { name: 'This proposal at a glance' }).getByRole('listitem');
  readonly proposed = this.page.getByRole('table', { name: 'Proposed pairs' });
  readonly conflicts = this.page.getByRole('table', { name: 'Conflicts of interest' });
  readonly rules = this.page.getByRole('table', { name: 'Pinned and forbidden pairs' });
  readonly addRule = this.page.getByRole('group', { name: 'Pin or forbid a pair' });
  readonly whoListedWhom = this.page.getByRole('table', { name: 'Who listed whom' });
  readonly capacities = this.page.getByRole('table', { name: 'People who can be paired, with their stage and capacity' });
  readonly confirmed = this.page.getByRole('table', { name: 'Confirmed pairs' });

  open(pilotId: number, tab?: 'settings' | 'constraints' | 'confirmed') {
    return this.openInPilot(pilotId, `/pairing${tab ? `/${tab}` : ''}`);
  }

  override tab(name: string | RegExp): Locator {
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
