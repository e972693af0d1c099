import type { Locator, Page } from '@playwright/test';
import { goTo } from '../fixtures';

/** Stage 7's first screen: the scheme at a glance, its lists of meetings and each pair's progress. */
export class MeetingsOverview {
  readonly heading: Locator;
  readonly counts: Locator;
  readonly overdue: Locator;
  readonly dueSoon: Locator;
  readonly held: Locator;
  readonly progress: Locator;
  readonly changeSchedule: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Meetings', level: 1 });
    this.counts = page.getByRole('list', { name: 'Meetings at a glance' }).getByRole('listitem');
    this.overdue = page.getByRole('table', { name: 'Overdue meetings' });
    this.dueSoon = page.getByRole('table', { name: 'Meetings due in the next 7 days' });
    this.held = page.getByRole('table', { name: 'Meetings held' });
    this.progress = page.getByRole('table', { name: 'Progress of each confirmed pair' });
    this.changeSchedule = page.getByRole('button', { name: 'Change the schedule' });
  }

  open(pilotId: number) {
    return goTo(this.page, `/pilots/${pilotId}/meetings`);
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
export class PairMeetings {
  readonly exportCalendar: Locator;
  readonly changeSchedule: Locator;

  constructor(private readonly page: Page) {
    this.exportCalendar = page.getByRole('button', { name: 'Export calendar (.ics)' });
    this.changeSchedule = page.getByRole('button', { name: 'Change this pair’s schedule' });
  }

  open(pilotId: number, pairId: number) {
    return goTo(this.page, `/pilots/${pilotId}/meetings/pairs/${pairId}`);
  }

  heading(pair: string): Locator {
    return this.page.getByRole('heading', { name: `Meetings of ${pair}`, level: 1 });
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

  /** The dialog each action on a meeting opens. */
  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }
}

/** Contingency: move the remaining meetings of the scheme or of a pair, with a preview first. */
export class ChangeSchedule {
  readonly heading: Locator;
  readonly wholeScheme: Locator;
  readonly onePair: Locator;
  readonly pair: Locator;
  readonly from: Locator;
  readonly moveBy: Locator;
  readonly switchOnline: Locator;
  readonly note: Locator;
  readonly preview: Locator;
  readonly previewHeading: Locator;
  readonly changes: Locator;
  readonly apply: Locator;

  constructor(page: Page) {
    this.heading = page.getByRole('heading', { name: 'Change the schedule', level: 1 });
    this.wholeScheme = page.getByLabel('The whole scheme (every pair)');
    this.onePair = page.getByLabel('One pair');
    this.pair = page.getByLabel('Pair', { exact: true });
    this.from = page.getByLabel('From');
    this.moveBy = page.getByLabel('Move by (days)');
    this.switchOnline = page.getByLabel('Switch these meetings to online');
    this.note = page.getByLabel('Note');
    this.preview = page.getByRole('button', { name: 'Preview the change' });
    this.previewHeading = page.getByRole('heading', { name: 'Preview' });
    this.changes = page.getByRole('table', { name: 'Meetings that would change' });
    this.apply = page.getByRole('button', { name: 'Apply the change' });
  }

  change(pair: string, meeting: string): Locator {
    return this.changes.getByRole('row').filter({ hasText: pair }).filter({ hasText: meeting });
  }
}
