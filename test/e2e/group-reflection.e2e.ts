import type { Page } from '@playwright/test';
import type { HandlerRegistry } from '../../electron/core';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed } from './fixtures';
import { Frame } from './pages/frame';
import { GroupReflectionScreen } from './pages/group-reflection';
import { fillDate } from './pages/dates';

test.describe.configure({ mode: 'parallel' });

/** A pilot with two themes and three people, one of whom (Bartek) withdrew after a reflection he attended. */
async function seedPilot(page: Page, registry: HandlerRegistry) {
  await createVault(page);
  const pilot = await seed(registry, 'pilots.create', { name: 'Voices 2026/27', startDate: '2026-10-01', endDate: '2027-06-30' });
  const pilotId = pilot.id;
  for (const title of ['Belonging', 'Being heard']) await seed(registry, 'themes.create', { pilotId, theme: { title } });
  const people: Record<string, number> = {};
  for (const [name, role] of [
    ['Adaeze Okafor', 'mentor'],
    ['Bartek Nowak', 'mentee'],
    ['Chen Wei', 'mentor'],
  ] as const) {
    people[name] = (await seed(registry, 'participants.create', { pilotId, participant: { name, email: `${name.split(' ')[0]!.toLowerCase()}@uni.example`, role } })).id;
  }
  return { pilotId, person: (name: string) => people[name]! };
}

test('a group reflection: recorded with named attendance after a date question, notes saved as typed, findings linked to themes', async ({ app: page, bridge }) => {
  const { pilotId } = await seedPilot(page, bridge.registry);
  const screen = new GroupReflectionScreen(page);
  const frame = new Frame(page);
  await screen.open(pilotId);
  await expect(screen.listTitle).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No group reflections yet' })).toBeVisible();
  await expectAccessible(page, 'group reflection, empty');
  await keepScreenshot(page, 'group-reflection-01-empty');

  await page.getByRole('button', { name: 'Record the first group reflection' }).click();
  await expect(page.getByRole('heading', { name: 'Record a group reflection', level: 1 })).toBeVisible();
  // A negative head count is refused before anything is sent.
  await page.getByLabel('People who came').fill('-3');
  await page.getByRole('button', { name: 'Record group reflection' }).click();
  await expect(page.getByText('Enter a whole number of people, 0 or more.')).toBeVisible();

  await page.getByLabel('Named people from the register').check();
  await screen.addAttendee('Adaeze Okafor');
  await screen.addAttendee('Chen Wei');
  await expect(screen.chosen).toHaveCount(2);
  await screen.fillEvent({ date: '2099-06-10', place: 'Senate Room' });
  await page.getByRole('button', { name: 'Record group reflection' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Please check before saving.' })).toContainText('The event date (10 Jun 2099) is after the pilot ends');
  await expectAccessible(page, 'group reflection form, date to confirm');
  await keepScreenshot(page, 'group-reflection-02-form-confirm');
  await fillDate(page, 'Date', '2027-06-10');
  await expect(page.getByText('Please check before saving.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Record group reflection' }).click();

  await expect(screen.eventTitle('10 Jun 2027')).toBeVisible();
  await expect(frame.notice('Group reflection of 10 Jun 2027 recorded. Add its notes and findings next.')).toBeVisible();
  await expect(screen.attendance).toContainText('2 people from the register');
  await expect(screen.attendance.getByRole('link', { name: 'Chen Wei' })).toBeVisible();

  await screen.notes.fill('Mentors said the scheme changed how they run committees.');
  await expect(page.getByText('All changes saved.')).toBeVisible();
  await screen.addFinding('Students felt heard in committees for the first time.', ['Being heard']);
  await expect(frame.notice('Finding added.')).toBeVisible();
  await expect(screen.findings).toHaveCount(1);
  await expect(screen.findings.first()).toContainText('Themes: Being heard');
  await expectAccessible(page, 'group reflection event');
  await keepScreenshot(page, 'group-reflection-03-event');

  // The notes are in the vault: they come back after leaving and returning.
  await page.getByRole('link', { name: 'All group reflections' }).click();
  await expect(page.getByRole('table', { name: 'Group reflections, most recent first' })).toContainText('Senate Room');
  await expect(page.getByRole('table')).toContainText('1 finding');
  await keepScreenshot(page, 'group-reflection-04-list');
  await page.getByRole('link', { name: '10 Jun 2027' }).click();
  await expect(screen.notes).toHaveValue('Mentors said the scheme changed how they run committees.');

  // Removing a finding asks first.
  await page.getByRole('button', { name: 'Remove finding 1' }).click();
  await page.getByRole('alertdialog', { name: 'Remove this finding?' }).getByRole('button', { name: 'Remove finding' }).click();
  await expect(screen.findings).toHaveCount(0);
});

test('a withdrawn attendee stays listed as having attended, marked as withdrawn', async ({ app: page, bridge }) => {
  const { pilotId, person } = await seedPilot(page, bridge.registry);
  const event = await seed(bridge.registry, 'groupReflections.create', {
    pilotId,
    event: { heldOn: '2027-05-20', place: 'Library seminar room', attendance: { mode: 'named', participantIds: [person('Adaeze Okafor'), person('Bartek Nowak')] } },
  });
  const preview = await seed(bridge.registry, 'participants.previewWithdrawal', { id: person('Bartek Nowak') });
  await seed(bridge.registry, 'participants.transition', { id: person('Bartek Nowak'), to: 'withdrawn', reason: 'Left the university', previewFingerprint: preview.fingerprint });
  const screen = new GroupReflectionScreen(page);
  await screen.open(pilotId, String(event.id));
  await expect(screen.eventTitle('20 May 2027')).toBeVisible();
  await expect(screen.attendance).toContainText('1 of them withdrew from the scheme later');
  await expect(screen.attendance.getByRole('listitem').filter({ hasText: 'Bartek Nowak' })).toContainText('(withdrawn)');
  await expect(screen.attendance.getByRole('listitem').filter({ hasText: 'Adaeze Okafor' })).not.toContainText('withdrawn');
  await expectAccessible(page, 'group reflection with a withdrawn attendee');
  await keepScreenshot(page, 'group-reflection-05-withdrawn');
});

test('deleting an event from its page asks first, then leaves for the list and says so', async ({ app: page, bridge }) => {
  const { pilotId, person } = await seedPilot(page, bridge.registry);
  const event = await seed(bridge.registry, 'groupReflections.create', { pilotId, event: { heldOn: '2027-06-10', place: 'Senate Room', attendance: { mode: 'named', participantIds: [person('Chen Wei')] } } });
  await seed(bridge.registry, 'groupReflections.create', { pilotId, event: { heldOn: '2027-06-20', attendance: { mode: 'counted', headCount: 12 } } });
  const screen = new GroupReflectionScreen(page);
  await screen.open(pilotId, String(event.id));
  await expect(screen.eventTitle('10 Jun 2027')).toBeVisible();
  await page.getByRole('button', { name: 'Delete event' }).click();
  const question = page.getByRole('alertdialog');
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(screen.eventTitle('10 Jun 2027')).toBeVisible();

  await page.getByRole('button', { name: 'Delete event' }).click();
  await question.getByRole('button', { name: /^Delete/ }).click();
  await expect(screen.listTitle).toBeVisible();
  await expect(new Frame(page).notice('Group reflection of 10 Jun 2027 deleted.')).toBeVisible();
  expect((await seed(bridge.registry, 'groupReflections.list', { pilotId })).map((e) => e.heldOn)).toEqual(['2027-06-20']);
});
