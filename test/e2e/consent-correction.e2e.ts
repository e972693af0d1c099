import { test, expect, expectAccessible, keepScreenshot, createVault, seed, goTo, isoDay, currentAcademicYear } from './fixtures';
import { Frame } from './pages/frame';
import { ParticipantPage } from './pages/participants';
import { fillDate, shownDate } from './pages/dates';

/** "01/10/2026" for "2026-10-01": how the date fields show a date, whatever the machine's locale. */
const dayMonthYear = (iso: string) => iso.split('-').reverse().join('/');

test('a consent record entered by mistake is corrected: the correction says what it corrects and why, the earlier record stays marked corrected, and taking away “take part” asks first', async ({
  app: page,
  bridge,
}) => {
  const { registry } = bridge;
  await createVault(page);
  const pilot = await seed(registry, 'pilots.create', { name: 'Belonging 2026/27', ...currentAcademicYear() });
  const jordan = await seed(registry, 'participants.create', { pilotId: pilot.id, participant: { name: 'Jordan Lee', email: 'j.lee@uni.example', role: 'mentor' } });
  const form = await seed(registry, 'consentForms.create', { pilotId: pilot.id, form: { version: '1.0', datedOn: isoDay(-30), text: 'I agree to take part…' } });
  await seed(registry, 'consent.record', {
    participantId: jordan.id,
    formId: form.id,
    givenOn: isoDay(-3),
    choices: { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: false, archiving: true },
  });

  const person = new ParticipantPage(page);
  const { consent } = person;
  await person.open(pilot.id, jordan.id);
  await consent.getByRole('button', { name: /^Correct this record/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Correct Jordan Lee’s consent record' });
  // The record as it was, to change: its date day/month/year, its boxes as ticked.
  expect(await shownDate(dialog, 'Date consent was given')).toBe(dayMonthYear(isoDay(-3)));
  await expect(dialog.getByLabel('Audio recording of interviews')).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(dialog.getByText('Reason for the correction is required')).toBeVisible();

  // The wrong box and the wrong day: typed day, month, year.
  await dialog.getByLabel('Audio recording of interviews').check();
  // The calendar beside the field opens on the field's month, weeks from Monday.
  await dialog.getByRole('button', { name: /^Calendar/ }).click();
  const calendar = page.getByRole('grid');
  await expect(calendar).toBeVisible();
  await expect(calendar.getByRole('gridcell', { selected: true })).toHaveText(String(Number(isoDay(-3).slice(8))));
  // The weekday initials are hidden from screen readers (each day's name says it); Monday comes first.
  await expect(calendar.locator('thead th').first()).toHaveText('M');
  await expectAccessible(page, 'date field calendar');
  await keepScreenshot(page, 'ui-date-input-calendar');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('grid')).toHaveCount(0);
  await fillDate(dialog, 'Date consent was given', isoDay(-4));
  await dialog.getByLabel('Reason for the correction').fill('Ticked the wrong box: audio recording was agreed');
  await expectAccessible(page, 'correct consent dialog');
  await keepScreenshot(page, 'participants-consent-correct-dialog');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(new Frame(page).notice('Consent record corrected for Jordan Lee. The earlier record is kept, marked corrected.')).toBeVisible();

  const [correction, earlier] = [person.consentCards.nth(0), person.consentCards.nth(1)];
  await expect(person.consentCards).toHaveCount(2);
  await expect(correction).toContainText(`The record of ${formatted(isoDay(-3))} (version 1.0). Reason: Ticked the wrong box: audio recording was agreed`);
  await expect(correction.getByRole('row', { name: 'Audio recording of interviews' })).toContainText('Yes');
  await expect(earlier).toContainText('Corrected');
  await expect(earlier).toContainText('Entered by mistake; no longer counts.');
  await expect(earlier.getByRole('row', { name: 'Audio recording of interviews' })).toContainText('No');
  // Nothing more is done to a corrected record.
  await expect(earlier.getByRole('button')).toHaveCount(0);
  await expect(consent).toContainText('Now: Given');
  await expectAccessible(page, 'consent history with a corrected record');
  await keepScreenshot(page, 'participants-consent-corrected');

  // Correcting "take part" to not given: the same as withdrawing consent, shown first and asked again.
  await correction.getByRole('button', { name: /^Correct this record/ }).click();
  await dialog.getByLabel('Take part in the scheme').uncheck();
  await expect(dialog).toContainText('this correction has the same effect as withdrawing their consent');
  await expect(dialog.getByLabel('Also withdraw them from the scheme')).toBeChecked();
  await dialog.getByLabel('Reason for the correction').fill('The form says no to taking part');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  const asked = dialog.getByRole('alert').filter({ hasText: 'Please check before saving.' });
  await expect(asked).toContainText('With this correction Jordan Lee has not consented to take part, the same as a withdrawal of consent: Jordan Lee is withdrawn from the scheme.');
  await expectAccessible(page, 'correct consent dialog, confirming the withdrawal');
  await keepScreenshot(page, 'participants-consent-correct-confirm');
  await dialog.getByRole('button', { name: 'Save correction anyway' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(consent).toContainText('Now: Declined');
  await expect(person.status).toContainText('Withdrawn');
  await expect(person.consentCards).toHaveCount(3);

  // The audit trail says what happened, in plain words.
  await goTo(page, '/audit');
  await expect(page.getByRole('table', { name: 'Latest audit entries, newest first' }).getByText('Consent record corrected').first()).toBeVisible();
});

/** A date as the app writes it ("14 Nov 2026"). */
function formatted(iso: string) {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}
