import type { Locator, Page } from '@playwright/test';
import { goTo } from '../fixtures';

/** Stage 1: the plan, one tab per part (kept in the address as ?section=…), each with its own Save. */
export class PlanScreen {
  readonly heading: Locator;
  /** The tabs, one per part of the plan. */
  readonly parts: Locator;
  readonly milestones: Locator;
  /** "Where the pilot stands: 2 late, 1 due soon, 0 of 12 done. Next: …" */
  readonly timelineSummary: Locator;
  readonly themes: Locator;
  readonly themeTitles: Locator;
  readonly eligibility: Locator;
  readonly meetingPlan: Locator;
  readonly meetingPlanSummary: Locator;
  readonly support: Locator;
  readonly consentForms: Locator;
  readonly governance: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Plan and timeline', level: 1 });
    this.parts = page.getByRole('tablist', { name: 'Parts of the plan' });
    this.milestones = page.getByRole('list', { name: 'Milestones in date order' });
    this.timelineSummary = page.getByText(/^Where the pilot stands: .+/);
    this.themes = page.getByRole('list', { name: /^Themes in meeting order/ });
    this.themeTitles = this.themes.getByRole('heading', { level: 3 });
    this.eligibility = page.getByRole('form', { name: 'Eligibility categories' });
    this.meetingPlan = page.getByRole('form', { name: 'Meeting plan' });
    this.meetingPlanSummary = page.getByText(/^(\d+ meetings of|A single meeting of) /);
    this.support = page.getByRole('form', { name: 'Support protocol' });
    this.consentForms = page.getByRole('table', { name: 'Consent form versions, newest first' });
    this.governance = page.getByRole('form', { name: 'Ethics and retention' });
  }

  /** The plan on one of its parts ('themes', 'meeting-plan', …), the timeline when none is named. */
  open(pilotId: number, section = '') {
    return goTo(this.page, `/pilots/${pilotId}/plan${section ? `?section=${section}` : ''}`);
  }

  /** A part's tab, by its name ("Meeting plan"). */
  part(name: string | RegExp): Locator {
    return this.parts.getByRole('tab', { name });
  }

  milestone(title: string): Locator {
    return this.milestones.getByRole('listitem').filter({ hasText: title });
  }

  theme(title: string): Locator {
    return this.themes.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  /** The focus-group findings listed under a theme. */
  themeFindings(title: string): Locator {
    return this.theme(title).getByRole('list', { name: 'Focus-group findings behind it' }).getByRole('listitem');
  }
}
