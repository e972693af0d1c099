import type { Page } from '@playwright/test';
import type { HandlerRegistry } from '../../electron/core';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, isoDay, currentAcademicYear } from './fixtures';
import { Frame } from './pages/frame';
import { ParticipantPage, Register } from './pages/participants';
import { dateField, expectDate, fillDate } from './pages/dates';

// Each test has its own vault and bridge, so they can run side by side.
test.describe.configure({ mode: 'parallel' });

/** A date as the app shows it ("14 Nov 2026"). */
const shown = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

const everyChoice = { takePart: false, researchUseOfLogs: false, audioRecording: false, directQuotes: false, archiving: false };

/** A pilot with Jordan Lee, a student, and (unless `forms` is false) two versions of the consent form. */
async function seedJordan(page: Page, registry: HandlerRegistry, { forms = true } = {}) {
  await createVault(page);
  const pilot = await seed(registry, 'pilots.create', { name: 'Belonging 2026/27', purpose: 'Students mentor senior leaders on belonging.', ...currentAcademicYear() });
  const jordan = await seed(registry, 'participants.create', { pilotId: pilot.id, participant: { name: 'Jordan Lee', email: 'j.lee@uni.example', role: 'mentor' } });
  if (!forms) return { pilotId: pilot.id, jordan };
  const v10 = await seed(registry, 'consentForms.create', { pilotId: pilot.id, form: { version: '1.0', datedOn: isoDay(-30), text: 'I agree to take part…' } });
  const v11 = await seed(registry, 'consentForms.create', { pilotId: pilot.id, form: { version: '1.1', datedOn: isoDay(-10), text: 'I agree to take part (revised)…' } });
  return { pilotId: pilot.id, jordan, v10, v11 };
}

/** Jordan's first consent (version 1.0, three days ago), withdrawn yesterday with Jordan leaving the scheme too. */
async function seedFirstConsentWithdrawn(registry: HandlerRegistry, jordanId: number, formId: number) {
  const record = await seed(registry, 'consent.record', {
    participantId: jordanId,
    formId,
    givenOn: isoDay(-3),
    choices: { ...everyChoice, takePart: true, researchUseOfLogs: true, archiving: true },
  });
  await seed(registry, 'consent.withdraw', { id: record.id, withdrawnOn: isoDay(-1), reason: 'No longer wants the logs used', withdrawParticipant: true });
}

test('consent cannot be recorded before the plan has a consent form: the panel says where to add one', async ({ app: page, bridge }) => {
  const { pilotId, jordan } = await seedJordan(page, bridge.registry, { forms: false });
  const person = new ParticipantPage(page);
  await person.open(pilotId, jordan.id);
  await expect(person.consent).toContainText('This pilot has no consent form yet');
  await expect(person.consent.getByRole('link', { name: 'plan' })).toHaveAttribute('href', `#/pilots/${pilotId}/plan`);
  await expect(person.consent.getByRole('button', { name: 'Record consent' })).toHaveCount(0);
});

test('consent recorded on a form version: not before the form existed; each choice shown as agreed or not', async ({ app: page, bridge }) => {
  const { pilotId, jordan } = await seedJordan(page, bridge.registry);
  const person = new ParticipantPage(page);
  const { consent } = person;
  await person.open(pilotId, jordan.id);
  await expect(consent).toContainText('Now: None recorded');
  await consent.getByRole('button', { name: 'Record consent' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record consent for Jordan Lee' });
  const version = dialog.getByLabel('Consent form version');
  await expect(version).toBeFocused();
  await expect(version.getByRole('option')).toHaveText([`Version 1.1, dated ${shown(isoDay(-10))}`, `Version 1.0, dated ${shown(isoDay(-30))}`]);
  await version.selectOption({ label: `Version 1.0, dated ${shown(isoDay(-30))}` });
  // Before the form existed: the main process says so, on the date field.
  await fillDate(dialog, 'Date consent was given', isoDay(-40));
  await dialog.getByLabel('Take part in the scheme').check();
  await dialog.getByLabel('Research use of reflective logs').check();
  await dialog.getByLabel('Archiving of the data').check();
  await dialog.getByRole('button', { name: 'Record consent' }).click();
  await expect(dateField(dialog, 'Date consent was given')).toHaveAccessibleDescription(/Consent cannot be given before the form existed/);
  await expectAccessible(page, 'record consent dialog with error');
  await keepScreenshot(page, 'participants-05-consent-dialog');
  await fillDate(dialog, 'Date consent was given', isoDay(-3));
  await dialog.getByRole('button', { name: 'Record consent' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(new Frame(page).notice('Consent recorded for Jordan Lee (version 1.0).')).toBeVisible();
  await expect(consent).toContainText('Now: Given');
  const first = person.consentCard('1.0');
  await expect(first).toContainText(`Given on${shown(isoDay(-3))}`);
  await expect(first).toContainText('Not withdrawn');
  await expect(first.getByRole('row', { name: 'Take part in the scheme Yes' })).toBeVisible();
  await expect(first.getByRole('row', { name: 'Research use of reflective logs Yes' })).toBeVisible();
  await expect(first.getByRole('row', { name: 'Audio recording of interviews No' })).toBeVisible();
  await expect(first.getByRole('row', { name: 'Direct (anonymised) quotes No' })).toBeVisible();
  await expect(first.getByRole('row', { name: 'Archiving of the data Yes' })).toBeVisible();
});

test('consent withdrawn, and the person with it, after a plain-words confirmation; the record is kept', async ({ app: page, bridge }) => {
  const { pilotId, jordan, v10 } = await seedJordan(page, bridge.registry);
  await seed(bridge.registry, 'consent.record', { participantId: jordan.id, formId: v10!.id, givenOn: isoDay(-3), choices: { ...everyChoice, takePart: true, researchUseOfLogs: true, archiving: true } });
  const person = new ParticipantPage(page);
  const { consent, status } = person;
  await person.open(pilotId, jordan.id);
  const first = person.consentCard('1.0');

  // Withdrawing consent: date, reason (required), "also from the scheme" on by default, then a confirmation.
  await first.getByRole('button', { name: /^Withdraw consent/ }).click();
  const withdraw = page.getByRole('alertdialog', { name: 'Withdraw Jordan Lee’s consent?' });
  await expectDate(withdraw, 'Date consent was withdrawn', isoDay(0));
  await expect(withdraw.getByLabel('Also withdraw them from the scheme')).toBeChecked();
  await withdraw.getByRole('button', { name: 'Continue' }).click();
  await expect(withdraw.getByText('Reason is required')).toBeVisible();
  await withdraw.getByLabel('Reason').fill('No longer wants the logs used');
  await fillDate(withdraw, 'Date consent was withdrawn', isoDay(-1));
  await withdraw.getByRole('button', { name: 'Continue' }).click();
  await expect(withdraw).toContainText(`will be marked withdrawn as of ${shown(isoDay(-1))}, and Jordan Lee will be withdrawn from the scheme`);
  await expect(withdraw).toContainText('Nothing is deleted');
  await expect(withdraw.getByRole('button', { name: 'Back' })).toBeFocused();
  await expectAccessible(page, 'withdraw consent confirmation');
  await keepScreenshot(page, 'participants-06-withdraw-consent');
  await withdraw.getByRole('button', { name: 'Withdraw consent' }).click();
  await expect(withdraw).toHaveCount(0);
  await expect(new Frame(page).notice('Consent withdrawn for Jordan Lee, and withdrawn from the scheme. The record is kept.')).toBeVisible();
  await expect(consent).toContainText('Now: Withdrawn');
  await expect(first).toContainText(`Withdrawn on${shown(isoDay(-1))}`);
  await expect(first).toContainText('ReasonNo longer wants the logs used');
  await expect(first.getByRole('button', { name: /^Withdraw consent/ })).toHaveCount(0);
  await expect(status).toContainText('Now: Withdrawn');
  await expect(status).toContainText('Reason: Consent withdrawn: No longer wants the logs used');
});

test('consent given again after leaving the scheme: both records kept, and the standing consent’s withdrawal recorded from the panel', async ({ app: page, bridge }) => {
  const { pilotId, jordan, v10 } = await seedJordan(page, bridge.registry);
  await seedFirstConsentWithdrawn(bridge.registry, jordan.id, v10!.id);
  const person = new ParticipantPage(page);
  const { consent, status, consentCards: cards } = person;
  await person.open(pilotId, jordan.id);
  await expect(status).toContainText('Now: Withdrawn');

  // Consent given again later, on the newer version: both records stay in the history.
  await consent.getByRole('button', { name: 'Record consent' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record consent for Jordan Lee' });
  await dialog.getByLabel('Take part in the scheme').check();
  await dialog.getByRole('button', { name: 'Record consent' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText('Consent form version 1.1');
  await expect(cards.nth(0)).toContainText('Given');
  await expect(cards.nth(1)).toContainText('Consent form version 1.0');
  await expect(cards.nth(1)).toContainText('No longer wants the logs used');
  await expect(consent).toContainText('Now: Given');
  // Out of the scheme with a consent on record: both panels say so, and the withdrawal can be recorded from here.
  await expect(status).toContainText('Now: Withdrawn');
  await expect(status).toContainText('Their consent is still on record: see Consent below.');
  await expect(consent).toContainText(`Withdrawn from the scheme on ${shown(isoDay(0))}; consent still on record (version 1.1, given ${shown(isoDay(0))}).`);
  await expect(consent).toContainText('If Jordan Lee is coming back, reinstate them under Status.');
  await expectAccessible(page, 'consent history');
  await keepScreenshot(page, 'participants-07-consent-history');
  await consent.getByRole('button', { name: 'Record consent withdrawal' }).click();
  const withdraw = page.getByRole('alertdialog', { name: 'Withdraw Jordan Lee’s consent?' });
  await expect(withdraw).toContainText(`Consent given on ${shown(isoDay(0))} on form version 1.1.`);
  await expect(withdraw.getByText('They have already withdrawn from the scheme.')).toBeVisible();
  await withdraw.getByLabel('Reason').fill('Does not want to be contacted again');
  await withdraw.getByRole('button', { name: 'Continue' }).click();
  await withdraw.getByRole('button', { name: 'Withdraw consent' }).click();
  await expect(withdraw).toHaveCount(0);
  await expect(consent).toContainText('Now: Withdrawn');
  await expect(consent.getByRole('button', { name: 'Record consent withdrawal' })).toHaveCount(0);
  await expect(status.getByText('Their consent is still on record')).toHaveCount(0);
});

test('a form that says no to taking part reads Declined, and a date still to come is refused by the main process', async ({ app: page, bridge }) => {
  const { pilotId, jordan, v10, v11 } = await seedJordan(page, bridge.registry);
  await seedFirstConsentWithdrawn(bridge.registry, jordan.id, v10!.id);
  const again = await seed(bridge.registry, 'consent.record', { participantId: jordan.id, formId: v11!.id, givenOn: isoDay(0), choices: { ...everyChoice, takePart: true } });
  await seed(bridge.registry, 'consent.withdraw', { id: again.id, withdrawnOn: isoDay(0), reason: 'Does not want to be contacted again', withdrawParticipant: false });
  const person = new ParticipantPage(page);
  const { consent, consentCards: cards } = person;
  await person.open(pilotId, jordan.id);
  const dialog = page.getByRole('dialog', { name: 'Record consent for Jordan Lee' });

  await consent.getByRole('button', { name: 'Record consent' }).click();
  await dialog.getByLabel('Research use of reflective logs').check();
  await dialog.getByRole('button', { name: 'Record consent' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(consent).toContainText('Now: Declined');
  await expect(cards.nth(0)).toContainText('Declined');
  // Already out of the scheme, so there is nothing to warn about.
  await expect(consent).not.toContainText('Their latest consent form does not agree to take part');
  // A date still to come is refused by the main process even if the date box allowed it.
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await fillDate(dialog, 'Date consent was given', isoDay(2));
  await dialog.getByLabel('Take part in the scheme').check();
  await dialog.getByRole('button', { name: 'Record consent' }).click();
  await expect(dateField(dialog, 'Date consent was given')).toHaveAccessibleDescription(/Consent cannot be recorded as given on a date still to come/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(cards).toHaveCount(3);
});

test('someone still in the scheme whose form says no to taking part: the consent panel warns before anyone pairs them', async ({ app: page, bridge }) => {
  const { pilotId, v11 } = await seedJordan(page, bridge.registry);
  const kim = await seed(bridge.registry, 'participants.create', { pilotId, participant: { name: 'Kim Ng', email: 'k.ng@uni.example', role: 'mentee' } });
  await seed(bridge.registry, 'consent.record', { participantId: kim.id, formId: v11!.id, givenOn: isoDay(-1), choices: { ...everyChoice, archiving: true } });
  const person = new ParticipantPage(page);
  await person.open(pilotId, kim.id);
  await expect(person.heading('Kim Ng')).toBeVisible();
  await expect(person.consent).toContainText('Now: Declined');
  await expect(person.consent).toContainText('Their latest consent form does not agree to take part in the scheme, so they should not be paired.');
  await expectAccessible(page, 'consent declined');
  await keepScreenshot(page, 'participants-14-consent-declined');
  await page.getByRole('link', { name: 'All participants' }).click();
  await expect(new Register(page).person('Kim Ng')).toContainText('Declined');
});
