import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, goTo, isoDay, currentAcademicYear } from './fixtures';
import { Frame } from './pages/frame';

// Each test has its own vault and bridge, so they can run side by side.
test.describe.configure({ mode: 'parallel' });

type Registry = Parameters<typeof seed>[0];

/** A mentor met two staff members called Helen Marsh at chemistry, trained, and paired with one of them. */
async function seedPerson(registry: Registry) {
  const pilot = await seed(registry, 'pilots.create', { name: 'Belonging 2026/27', ...currentAcademicYear() });
  const pilotId = pilot.id;
  await seed(registry, 'themes.create', { pilotId, theme: { title: 'Identity' } });
  const amara = await seed(registry, 'participants.create', { pilotId, participant: { name: 'Amara Nwosu', email: 'amara@example.ac.uk', role: 'mentor', department: 'Law' } });
  const helen = await seed(registry, 'participants.create', { pilotId, participant: { name: 'Helen Marsh', email: 'helen@example.ac.uk', role: 'mentee', department: 'Registry' } });
  const namesake = await seed(registry, 'participants.create', { pilotId, participant: { name: 'Helen Marsh', email: 'h.marsh@example.ac.uk', role: 'mentee', department: 'History' } });
  await seed(registry, 'chemistry.create', { pilotId, meeting: { heldOn: isoDay(-20), mentorId: amara.id, menteeId: helen.id, mentorWillingness: 'yes', menteeWillingness: 'maybe' } });
  await seed(registry, 'chemistry.create', { pilotId, meeting: { heldOn: isoDay(-19), mentorId: amara.id, menteeId: namesake.id, mentorWillingness: 'no', menteeWillingness: 'yes' } });
  await seed(registry, 'training.create', { pilotId, session: { heldOn: isoDay(-15), audience: 'mentors', topics: ['Boundaries'], attendeeIds: [amara.id] } });
  const form = await seed(registry, 'consentForms.create', { pilotId, form: { version: '1.0', datedOn: isoDay(-30), text: 'I agree to take part.' } });
  const agreed = { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: false, archiving: false };
  for (const person of [amara, helen]) await seed(registry, 'consent.record', { participantId: person.id, formId: form.id, givenOn: isoDay(-25), choices: agreed });
  const [pair] = await seed(registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: amara.id, menteeId: helen.id }] });
  return { pilotId, amara, helen, namesake, pair: pair! };
}

const section = (page: Page, name: string) => page.getByRole('region', { name });

test('a person’s page: chemistry, training, pairs and meetings, each linked; namesakes told apart', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId, amara, helen, pair } = await seedPerson(bridge.registry);
  await goTo(page, `/pilots/${pilotId}/participants/${amara.id}`);
  await expect(page.getByRole('heading', { name: 'Amara Nwosu', level: 1 })).toBeVisible();

  const chemistry = section(page, 'Chemistry meetings');
  await expect(chemistry.getByRole('row')).toHaveCount(3);
  // Two people called Helen Marsh: each is named with their department and role.
  await expect(chemistry.getByRole('rowheader')).toHaveText(['Helen Marsh (Registry · staff mentee)', 'Helen Marsh (History · staff mentee)']);
  await expect(chemistry.getByRole('row', { name: /Registry/ })).toContainText('Yes');
  await expect(chemistry.getByRole('row', { name: /Registry/ })).toContainText('Maybe');
  await expect(section(page, 'Training attended')).toContainText('Boundaries');

  const pairs = section(page, 'Pairs');
  await expect(pairs).toContainText('1 current pair, 0 past pairs.');
  await expect(pairs.getByRole('row', { name: /Helen Marsh/ })).toContainText('Current');
  const meetings = section(page, 'Meetings and reflective logs');
  const { meetings: planned } = await seed(bridge.registry, 'meetings.forPair', { pairId: pair.id });
  await expect(meetings.getByRole('row')).toHaveCount(planned.length + 1);
  await expectAccessible(page, 'person page');
  await keepScreenshot(page, 'person-01-page');

  // Names are links: to the other person's page, and from a meeting to the pair's meetings.
  await pairs.getByRole('link', { name: 'Helen Marsh' }).click();
  await expect(page.getByRole('heading', { name: 'Helen Marsh', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/participants/${helen.id}$`));
  await expect(section(page, 'Chemistry meetings').getByRole('rowheader')).toHaveText(['Amara Nwosu']);
  await expect(section(page, 'Training attended')).toContainText('No training attended yet.');
  await section(page, 'Pairs').getByRole('link', { name: 'Their meetings' }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/pairs/${pair.id}$`));
});

test('a person with nothing recorded yet: each section says so and links to where it is done', async ({ app: page, bridge }) => {
  await createVault(page);
  const pilot = await seed(bridge.registry, 'pilots.create', { name: 'Belonging 2026/27', ...currentAcademicYear() });
  const zofia = await seed(bridge.registry, 'participants.create', { pilotId: pilot.id, participant: { name: 'Zofia Nowak', email: 'zofia@example.ac.uk', role: 'mentor' } });
  await goTo(page, `/pilots/${pilot.id}/participants/${zofia.id}`);
  await expect(section(page, 'Pairs')).toContainText('Not paired yet.');
  await expect(section(page, 'Meetings and reflective logs')).toContainText('No meetings: they come from a confirmed pair and the plan.');
  await expect(section(page, 'Chemistry meetings').getByRole('link', { name: 'Chemistry meetings' })).toBeVisible();
  await expect(section(page, 'Surveys')).toContainText('No survey wave is put to them yet.');
  await expect(section(page, 'Closing interview')).toContainText('No closing interview scheduled.');
  await expect(section(page, 'Group reflection')).toContainText('Not named at a group reflection event.');
  await expectAccessible(page, 'person page, empty');

  // Later stages appear as they are recorded, linked to where they were.
  const robin = await seed(bridge.registry, 'interviews.addInterviewer', { name: 'Robin Example', email: 'robin.interviewer@example.ac.uk', passphrase: 'harbour violet cactus thimble' });
  const form = await seed(bridge.registry, 'consentForms.create', { pilotId: pilot.id, form: { version: '1.0', datedOn: currentAcademicYear().startDate, text: 'I agree to take part.' } });
  await seed(bridge.registry, 'consent.record', { participantId: zofia.id, formId: form.id, givenOn: currentAcademicYear().startDate, choices: { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: false, archiving: false } });
  const interviewDay = currentAcademicYear().endDate;
  const interview = await seed(bridge.registry, 'interviews.schedule', { pilotId: pilot.id, participantId: zofia.id, interviewerId: robin.id, scheduledOn: interviewDay, startsAt: '14:00', place: 'Room 2.14', onlineLink: '' });
  await seed(bridge.registry, 'groupReflections.create', { pilotId: pilot.id, event: { heldOn: interviewDay, place: 'Senate Room', attendance: { mode: 'named', participantIds: [zofia.id] } } });
  await page.reload();
  await expect(section(page, 'Closing interview').getByRole('row')).toHaveCount(2);
  await expect(section(page, 'Closing interview')).toContainText('Robin Example');
  await expect(section(page, 'Group reflection')).toContainText('Senate Room');
  await keepScreenshot(page, 'person-03-later-stages');
  await section(page, 'Closing interview').getByRole('rowheader').getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/interviews/${interview.id}$`));
});

test('consent with nothing ticked asks whether they declined, instead of recording a refusal silently', async ({ app: page, bridge }) => {
  await createVault(page);
  const pilot = await seed(bridge.registry, 'pilots.create', { name: 'Belonging 2026/27', ...currentAcademicYear() });
  await seed(bridge.registry, 'consentForms.create', { pilotId: pilot.id, form: { version: '1.0', datedOn: isoDay(-30), text: 'I agree to take part.' } });
  const zofia = await seed(bridge.registry, 'participants.create', { pilotId: pilot.id, participant: { name: 'Zofia Nowak', email: 'zofia@example.ac.uk', role: 'mentor' } });
  await goTo(page, `/pilots/${pilot.id}/participants/${zofia.id}`);
  await page.getByRole('button', { name: 'Record consent' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record consent for Zofia Nowak' });
  await dialog.getByRole('button', { name: 'Record consent' }).click();
  const question = dialog.getByRole('alert');
  await expect(question).toContainText('Nothing is ticked. Did Zofia Nowak decline to take part?');
  expect((await seed(bridge.registry, 'participants.get', { id: zofia.id })).consents).toEqual([]);
  await expectAccessible(page, 'consent, nothing ticked');
  await keepScreenshot(page, 'person-02-consent-nothing-ticked');

  // No: back to the choices, and a ticked form records consent.
  await question.getByRole('button', { name: 'No, tick what they agreed to' }).click();
  await expect(dialog.getByLabel('Take part in the scheme')).toBeFocused();
  await dialog.getByLabel('Take part in the scheme').check();
  await dialog.getByRole('button', { name: 'Record consent' }).click();
  await expect(new Frame(page).notice('Consent recorded for Zofia Nowak (version 1.0).')).toBeVisible();

  // Yes: a refusal, recorded on purpose.
  await page.getByRole('button', { name: 'Record consent' }).click();
  await dialog.getByRole('button', { name: 'Record consent' }).click();
  await dialog.getByRole('alert').getByRole('button', { name: 'Yes, record that they declined' }).click();
  await expect(new Frame(page).notice('Recorded that Zofia Nowak declined (version 1.0).')).toBeVisible();
  expect((await seed(bridge.registry, 'participants.get', { id: zofia.id })).consent).toBe('declined');
});

test('the frame at 1024 px: no sideways scrolling, Lock fully visible, the pilot’s whole name in the sidebar', async ({ app: page, bridge }) => {
  await createVault(page);
  const longName = 'Reverse mentoring for belonging, Faculty of Arts and Humanities 2026/27';
  const pilot = await seed(bridge.registry, 'pilots.create', { name: longName, ...currentAcademicYear() });
  await seed(bridge.registry, 'participants.create', { pilotId: pilot.id, participant: { name: 'Zofia Nowak', email: 'zofia@example.ac.uk', role: 'mentor', department: 'School of Modern Languages and Cultures' } });
  for (const [width, height] of [
    [1024, 768],
    [1280, 860],
  ] as const) {
    await page.setViewportSize({ width, height });
    await goTo(page, `/pilots/${pilot.id}/participants`);
    await expect(page.getByRole('heading', { name: 'Participants', level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width at ${width} px`).toBeLessThanOrEqual(width);
    const lock = await new Frame(page).lockButton.boundingBox();
    expect(lock!.x + lock!.width).toBeLessThanOrEqual(width);
    await expect(new Frame(page).navigation.getByText(longName)).toBeVisible();
    await keepScreenshot(page, `frame-${width}`);
  }
  await goTo(page, `/pilots/${pilot.id}/plan`);
  await expect(page.getByRole('tablist', { name: 'Parts of the plan' })).toBeVisible();
  await keepScreenshot(page, 'frame-plan-1280');
  await page.setViewportSize({ width: 1024, height: 768 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
  await keepScreenshot(page, 'frame-plan-1024');
  await goTo(page, '/settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await keepScreenshot(page, 'frame-settings-1024');
});

test('the time zone: about 400 zones found by typing part of a city, saved when chosen', async ({ app: page, bridge }) => {
  await createVault(page);
  await goTo(page, '/settings');
  const zone = page.getByRole('combobox', { name: 'Meetings take place in this time zone' });
  await zone.fill('new york');
  await expect(page.getByRole('option')).toHaveText(['America/New York']);
  await keepScreenshot(page, 'settings-01-time-zone-search');
  await page.getByRole('option', { name: 'America/New York' }).click();
  await expect(new Frame(page).notice('Time zone set to America/New York.')).toBeVisible();
  await expectAccessible(page, 'settings, time zone chosen');
  expect((await seed(bridge.registry, 'settings.get', {})).timeZone).toBe('America/New_York');
  await expect(zone).toHaveValue('America/New York');
});

test('the recovery key step says where the vault is, copies the key and prints only the key', async ({ app: page, bridge, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('lantern orbit pebble wisdom');
  await page.getByLabel('Type the passphrase again').fill('lantern orbit pebble wisdom');
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Write down your recovery key' })).toBeVisible();
  const key = (await page.getByTestId('recovery-key').textContent())!.trim();
  await expect(page.getByText('The vault is stored in')).toContainText(bridge.session.dir);
  await page.getByRole('button', { name: 'Copy the key' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(key);
  await expectAccessible(page, 'recovery key step');
  await keepScreenshot(page, 'vault-recovery-key-step');
  // Printed: the key and the folder, no buttons and no form.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('recovery-key')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy the key' })).toBeHidden();
  await expect(page.getByLabel('Type the last group of the key to confirm')).toBeHidden();
  await keepScreenshot(page, 'vault-recovery-key-printed');
  await page.emulateMedia({ media: 'screen' });
});

test('departments: suggested while typing a person’s department, and two spellings merged into one', async ({ app: page, bridge }) => {
  await createVault(page);
  const pilot = await seed(bridge.registry, 'pilots.create', { name: 'Belonging 2026/27', ...currentAcademicYear() });
  const ada = await seed(bridge.registry, 'participants.create', { pilotId: pilot.id, participant: { name: 'Ada Obi', email: 'ada@example.ac.uk', role: 'mentor', department: 'Law' } });
  await seed(bridge.registry, 'participants.create', { pilotId: pilot.id, participant: { name: 'Ben Hale', email: 'ben@example.ac.uk', role: 'mentee', department: 'School of Law' } });
  await seed(bridge.registry, 'participants.create', { pilotId: pilot.id, participant: { name: 'Cy Park', email: 'cy@example.ac.uk', role: 'mentee', department: 'School of Law' } });

  // The person form suggests the departments already in the pilot.
  await goTo(page, `/pilots/${pilot.id}/participants/new`);
  const suggestions = await page.getByLabel('Department').evaluate((input: HTMLInputElement) => [...(input.list?.options ?? [])].map((o) => o.value));
  expect(suggestions).toEqual(['Law', 'School of Law']);

  await goTo(page, `/pilots/${pilot.id}/participants`);
  await page.getByRole('button', { name: 'Merge departments' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge departments' });
  await dialog.getByRole('button', { name: 'Merge departments' }).click();
  await expect(dialog.getByText('Tick at least two departments that are the same one.')).toBeVisible();
  await dialog.getByLabel('Law (1 person)').check();
  await dialog.getByLabel('School of Law (2 people)').check();
  await expect(dialog.getByText('Tick at least two departments that are the same one.')).toHaveCount(0);
  await dialog.getByRole('radio', { name: 'School of Law' }).check();
  await expectAccessible(page, 'merge departments');
  await keepScreenshot(page, 'participants-merge-departments');
  await dialog.getByRole('button', { name: 'Merge departments' }).click();
  await expect(new Frame(page).notice('Departments merged into “School of Law”: 1 person moved.')).toBeVisible();
  expect((await seed(bridge.registry, 'participants.get', { id: ada.id })).department).toBe('School of Law');
  expect(await seed(bridge.registry, 'participants.departments', { pilotId: pilot.id })).toEqual([{ name: 'School of Law', people: 3 }]);
});
