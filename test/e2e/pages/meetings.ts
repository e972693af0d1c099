import type { Locator } from '@playwright/test';
import { Screen } from './screen';
import { dateField } from './dates';

/** Stage 7's first screen: the scheme at a glance, its lists of meetings and each pair's progress. */
export class MeetingsOverview extends Screen {
  readonly heading = this.title('Meetings');
  readonly counts = this.page.getByRole('list', { name: 'Meetings at a glance' }).getByRole('listitem');
  readonly overdue = this.page.getByRole('table', { name: 'Overdue meetings' });
  readonly dueSoon = this.page.getByRole('table', { name: 'Meetings due in the next 7 days' });
  readonly held = this.page.getByRole('table', { name: 'Meetings held' });
  readonly progress = this.page.getByRole('table', { name: 'Progress of each confirmed pair' });
  readonly changeSchedule = this.page.getByRole('button', { name: 'Change the schedule' });

  open(pilotId: number) {
    return this.openInPilot(pilotId, '/meetings');
  }

  /** The Previous and Next buttons under a list, named for what it pages ("overdue meetings"). */
  pager(what: string): Locator {
    return this.page.getByRole('group', { name: `Pages of ${what}` });
  }

  pairProgress(pair: string): Locator {
    return this.progress.getByRole('row', { name: new RegExp(pair) });
  }
}

/** One pair's meetings, each in a card named by its heading ("Meeting 2 of 4: Belonging"). */
export class PairMeetings extends Screen {
  readonly exportCalendar = this.page.getByRole('button', { name: 'Export calendar (.ics)' });
  readonly changeSchedule = this.page.getByRole('button', { name: 'Change this pair’s schedule' });

  open(pilotId: number, pairId: number) {
    return this.openInPilot(pilotId, `/meetings/pairs/${pairId}`);
  }

  heading(pair: string): Locator {
    return this.title(`Meetings of ${pair}`);
  }

  card(sequence: number): Locator {
    return this.page.getByRole('list', { name: 'Meetings in plan order' }).getByRole('listitem', { name: new RegExp(`^Meeting ${sequence} of \\d+:`) });
  }

  /** A card's facts in their order: date, time, mode, and place or link. */
  fact(sequence: number, which: 'date' | 'time' | 'mode' | 'place'): Locator {
    return this.card(sequence).getByRole('definition').nth(['date', 'time', 'mode', 'place'].indexOf(which));
  }

  history(sequence: number): Locator {
    return this.card(sequence).getByRole('list', { name: 'History' }).getByRole('listitem');
  }
}

/** Contingency: move the remaining meetings of the scheme or of a pair, with a preview first. */
export class ChangeSchedule extends Screen {
  readonly heading = this.title('Change the schedule');
  readonly wholeScheme = this.page.getByLabel('The whole scheme (every pair)');
  readonly onePair = this.page.getByLabel('One pair');
  readonly pair = this.page.getByLabel('Pair', { exact: true });
  readonly from = dateField(this.page, 'From');
  readonly moveBy = this.page.getByLabel('Move by (days)');
  readonly switchOnline = this.page.getByLabel('Switch these meetings to online');
  readonly note = this.page.getByLabel('Note');
  readonly preview = this.page.getByRole('button', { name: 'Preview the change' });
  readonly previewHeading = this.page.getByRole('heading', { name: 'Preview' });
  readonly changes = this.page.getByRole('table', { name: 'Meetings that would change' });
  readonly apply = this.page.getByRole('button', { name: 'Apply the change' });

  change(pair: string, meeting: string): Locator {
    return this.changes.getByRole('row').filter({ hasText: pair }).filter({ hasText: meeting });
  }
}
