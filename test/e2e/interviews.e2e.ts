import type { HandlerRegistry } from '../../electron/core';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, currentAcademicYear, goTo } from './fixtures';
import { Frame } from './pages/frame';
import { InterviewsScreen } from './pages/interviews';

test.describe.configure({ mode: 'parallel' });

const ROBIN = { name: 'Robin Example', email: 'robin.interviewer@uni.example', passphrase: 'harbour violet cactus thimble' };

/** A pilot with two people who consented to take part (not to audio recording), an interviewer and a guide. */
async function seedInterviews(registry: HandlerRegistry) {
  const pilot = await seed(registry, 'pilots.create', { name: 'Voices 2026/27', ...currentAcademicYear() });
  const pilotId = pilot.id;
  const form = await seed(registry, 'consentForms.create', { pilotId, form: { version: '1', datedOn: pilot.startDate, text: 'Taking part in the pilot' } });
  const people: Record<string, number> = {};
  for (const [name, role] of [
    ['Adaeze Okafor', 'mentor'],
    ['Bartek Nowak', 'mentee'],
  ] as const) {
    const person = await seed(registry, 'participants.create', { pilotId, participant: { name, email: `${name.split(' ')[0]!.toLowerCase()}@uni.example`, role } });
    await seed(registry, 'consent.record', { participantId: person.id, formId: form.id, givenOn: pilot.startDate, choices: { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: true, archiving: false } });
    people[name] = person.id;
  }
  const robin = await seed(registry, 'interviews.addInterviewer', ROBIN);
  await seed(registry, 'interviews.startGuide', { pilotId, audience: 'everyone' });
  return { pilotId, robin, person: (name: string) => people[name]! };
}

test('the coordinator schedules a closing interview and sees the guide and the interviewers', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId } = await seedInterviews(bridge.registry);
  const screen = new InterviewsScreen(page);
  await goTo(page, `/pilots/${pilotId}/interviews`);
  await expect(screen.heading).toBeVisible();
  await expect(page.getByText('No interviews yet')).toBeVisible();
  await screen.schedule('Adaeze Okafor (mentor)', 'Robin Example', `${currentAcademicYear().endDate.slice(0, 4)}-06-10`, 'Room 2.14, Library');
  const row = page.getByRole('row', { name: /Adaeze Okafor/ });
  await expect(row).toContainText('Robin Example');
  await expect(row).toContainText('Room 2.14, Library');
  await expectAccessible(page, 'interviews: schedule');
  await keepScreenshot(page, 'interviews-schedule');

  await screen.tab('Guide').click();
  await expect(page.getByRole('heading', { name: /Closing interview — Everyone, version 1/ })).toBeVisible();
  await expect(page.getByText('If the scheme ran again, what would you change?')).toBeVisible();
  await expectAccessible(page, 'interviews: guide');
  await keepScreenshot(page, 'interviews-guide');

  await screen.tab('Interviewers').click();
  await expect(page.getByRole('row', { name: /Robin Example/ })).toContainText('1');
  await page.getByRole('button', { name: 'Add an interviewer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an interviewer' });
  await dialog.getByLabel('Name').fill('Sasha Sample');
  await dialog.getByLabel('Email').fill('sasha@uni.example');
  await dialog.getByLabel('Interviewer’s passphrase').fill('password1');
  await dialog.getByLabel('Passphrase again').fill('password1');
  await dialog.getByRole('button', { name: 'Add interviewer' }).click();
  await expect(dialog.getByText(/Choose a stronger passphrase/)).toBeVisible();
  await expectAccessible(page, 'interviews: add interviewer, weak passphrase');
  await keepScreenshot(page, 'interviews-add-interviewer');
  await dialog.getByLabel('Interviewer’s passphrase').fill('meadow copper lantern quiver');
  await dialog.getByLabel('Passphrase again').fill('meadow copper lantern quiver');
  await dialog.getByRole('button', { name: 'Add interviewer' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Sasha Sample/ })).toBeVisible();
});

test('an interviewer unlocks with their own passphrase, sees only their interviews, checks consent and takes notes', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId, robin, person } = await seedInterviews(bridge.registry);
  const when = { scheduledOn: `${currentAcademicYear().endDate.slice(0, 4)}-06-10`, startsAt: '14:30', place: 'Room 2.14, Library', onlineLink: '' };
  await seed(bridge.registry, 'interviews.schedule', { pilotId, participantId: person('Adaeze Okafor'), interviewerId: robin.id, ...when });
  const other = await seed(bridge.registry, 'interviews.addInterviewer', { name: 'Sasha Sample', email: 'sasha@uni.example', passphrase: 'meadow copper lantern quiver' });
  await seed(bridge.registry, 'interviews.schedule', { pilotId, participantId: person('Bartek Nowak'), interviewerId: other.id, ...when });

  await new Frame(page).lock();
  await InterviewsScreen.unlockAsInterviewer(page, ROBIN.email, 'not the right passphrase');
  await expect(page.getByText(/do not open this vault as an interviewer/)).toBeVisible();
  await expectAccessible(page, 'unlock as an interviewer, refused');
  await keepScreenshot(page, 'interviews-unlock-interviewer');
  await page.getByLabel('Your passphrase').fill(ROBIN.passphrase);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'My interviews' })).toBeVisible();
  await expect(page.getByText('signed in as')).toContainText('Robin Example');
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0); // no register, logs, pairing…
  await expect(page.getByRole('row', { name: /Bartek Nowak/ })).toHaveCount(0);
  await expectAccessible(page, 'my interviews');
  await keepScreenshot(page, 'interviews-mine');

  await page.getByRole('button', { name: 'Adaeze Okafor' }).click();
  await expect(page.getByRole('heading', { name: 'Interview with Adaeze Okafor' })).toBeVisible();
  const consents = page.getByRole('list', { name: 'Adaeze Okafor’s consents' });
  await expect(consents).toContainText('Audio recording: no');
  await expect(page.getByRole('button', { name: 'Start recording' })).toHaveCount(0); // no audio consent: the recording panel says why instead
  await expect(page.getByText('Adaeze Okafor has not consented to audio recording')).toBeVisible();
  await expect(page.getByLabel(/how would you describe your experience/)).toHaveCount(0); // no notes before the consent check
  await page.getByRole('button', { name: 'I have checked these consents with Adaeze Okafor' }).click();
  const firstQuestion = page.getByLabel('Looking back, how would you describe your experience of the scheme?');
  await firstQuestion.fill('Felt heard by a senior leader for the first time.');
  await page.getByLabel('General notes').focus(); // leaving the field saves it
  await expect(page.getByText('Saved').first()).toBeVisible();
  await expectAccessible(page, 'an interview, consent checked');
  await keepScreenshot(page, 'interviews-detail');

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
});

test('an interviewer changes their own passphrase: a wrong current one is said at its field, then the new one unlocks', async ({ app: page, bridge }) => {
  await createVault(page);
  await seedInterviews(bridge.registry);
  const NEW = 'quarry tambourine nebula gusset';
  await new Frame(page).lock();
  await InterviewsScreen.unlockAsInterviewer(page, ROBIN.email, ROBIN.passphrase);
  await expect(page.getByRole('heading', { name: 'My interviews' })).toBeVisible();

  await page.getByRole('button', { name: 'Change my passphrase' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change my passphrase' });
  await dialog.getByLabel('Current passphrase').fill('not the right passphrase');
  await dialog.getByRole('textbox', { name: 'New passphrase', exact: true }).fill(NEW);
  await dialog.getByLabel('New passphrase again').fill(NEW);
  await dialog.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(dialog.getByText('Not your current passphrase')).toBeVisible();
  await expectAccessible(page, 'change my passphrase, refused');
  await keepScreenshot(page, 'interviews-change-passphrase');

  await dialog.getByLabel('Current passphrase').fill(ROBIN.passphrase);
  await dialog.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Passphrase changed. Use the new one next time you unlock.')).toBeVisible();

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
  await InterviewsScreen.unlockAsInterviewer(page, ROBIN.email, ROBIN.passphrase);
  await expect(page.getByText(/do not open this vault as an interviewer/)).toBeVisible();
  await page.getByLabel('Your passphrase').fill(NEW);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'My interviews' })).toBeVisible();
});
