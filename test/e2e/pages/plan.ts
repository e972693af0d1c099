import type { Locator } from '@playwright/test';
import { Screen } from './screen';

/** Stage 1: the plan, one tab per part (kept in the address as ?section=…), each with its own Save. */
export class PlanScreen extends Screen {
  readonly heading = this.title('Plan and timeline');
  /** The tabs, one per part of the plan. */
  readonly parts = this.page.getByRole('tablist', { name: 'Parts of the plan' });
  readonly milestones = this.page.getByRole('list', { name: 'Milestones in date order' });
  /** "Where the pilot stands: 2 late, 1 due soon, 0 of 12 done. Next: …" */
  readonly timelineSummary = this.page.getByText(/^Where the pilot stands: .+/);
  readonly themes = this.page.getByRole('list', { name: /^Themes in meeting order/ });
  readonly themeTitles = this.themes.getByRole('heading', { level: 3 });
  readonly eligibility = this.page.getByRole('form', { name: 'Eligibility categories' });
  readonly meetingPlan = this.page.getByRole('form', { name: 'Meeting plan' });
  readonly meetingPlanSummary = this.page.getByText(/^(\d+ meetings of|A single meeting of) /);
  readonly support = this.page.getByRole('form', { name: 'Support protocol' });
  readonly consentForms = this.page.getByRole('table', { name: 'Consent form versions, newest first' });
  readonly governance = this.page.getByRole('form', { name: 'Ethics and retention' });

  /** The plan on one of its parts ('themes', 'meeting-plan', …), the timeline when none is named. */
  open(pilotId: number, section = '') {
    return this.openInPilot(pilotId, `/plan${section ? `?section=${section}` : ''}`);
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
