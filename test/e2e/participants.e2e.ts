import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, isoDay, currentAcademicYear, goTo, notice, tabTo } from './fixtures';

// Each test has its own vault and bridge, so they can run side by side.
test.describe.configure({ mode: 'parallel' });

/* ---- helpers ------------------------------------------------------------------------------ */

type Registry = Parameters<typeof seed>[0];

/** A date as the app shows it ("14 Nov 2026"). */
const shown = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

async function newPilot(page: Page, registry: Registry): Promise<number> {
  await createVault(page);
  const pilot = await seed(registry, 'pilots.create', { name: 'Belonging 2026/27', purpose: 'Students mentor senior leaders on belonging.', ...currentAcademicYear() });
  return pilot.id;
}

const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 1 });

/** A temporary folder for the CSV files a test "picks". */
function tempFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'reciprocal-csv-'));
  return {
    write: (name: string, content: string | Buffer) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/* ---- adding, editing, the pipeline ------------------------------------------------------- */

test('add a participant (validation, duplicate email from the server), edit, move along the pipeline, withdraw with a reason', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  await goTo(page, `/pilots/${pilotId}/participants`);
  await expect(page.getByRole('heading', { name: 'No people in this pilot yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import a CSV file' })).toBeVisible();
  await expectAccessible(page, 'participants, empty');
  await keepScreenshot(page, 'participants-01-empty');

  // Someone else already registered with the email we are about to reuse.
  await seed(bridge.registry, 'participants.create', { pilotId, participant: { name: 'Priya Shah', email: 'p.shah@uni.example', role: 'mentee', department: 'Finance' } });

  await page.getByRole('button', { name: 'Add the first participant' }).click();
  await expect(heading(page, 'Add a participant')).toBeVisible();
  const submit = page.getByRole('button', { name: 'Add participant' });
  await submit.click();
  await expect(page.getByText('Name is required')).toBeVisible();
  await expect(page.getByText('This is not an email address').or(page.getByText('Email is required'))).toBeVisible();
  await expect(page.getByText('Choose whether they are a student (mentor) or a member of staff (mentee)')).toBeVisible();
  await expect(page.getByLabel('Name')).toBeFocused();
  await expectAccessible(page, 'participant form with errors');
  await keepScreenshot(page, 'participants-02-form-errors');

  await page.getByLabel('Name').fill('Sam Okafor');
  await page.getByLabel('Email').fill('P.Shah@uni.example');
  await page.getByLabel('Mentor (student)').check();
  await page.getByLabel('Department').fill('History');
  await page.getByLabel('Level or seniority').fill('Year 2');
  await expect(page.getByRole('group', { name: /Self-identified characteristics \(optional, special-category data\)/ })).toBeVisible();
  await page.getByLabel('International').check();
  const topics = page.getByLabel('Topics of interest');
  await topics.fill('Belonging');
  await topics.press('Enter');
  await topics.pressSequentially('Digital skills, Assessment');
  await topics.press('Enter');
  await expect(page.getByRole('list', { name: 'Topics added' }).getByRole('listitem')).toHaveText([/Belonging/, /Digital skills/, /Assessment/]);
  await page.getByRole('checkbox', { name: 'Monday morning' }).check();
  await page.getByRole('checkbox', { name: 'Wednesday evening' }).check();
  await page.getByLabel('Notes').fill('Keen on student voice.');
  await submit.click();
  // The main process refuses the duplicate (CONFLICT on participant.email): its message sits on the email field.
  const email = page.getByLabel('Email');
  await expect(email).toHaveAccessibleDescription(/p\.shah@uni\.example is already registered \(Priya Shah\)/);
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toBeFocused();
  await email.fill('s.okafor@uni.example');
  await submit.click();

  await expect(heading(page, 'Sam Okafor')).toBeVisible();
  await expect(notice(page, 'Sam Okafor added as interested.')).toBeVisible();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details).toContainText('s.okafor@uni.example');
  await expect(details).toContainText('International');
  await expect(details).toContainText('Monday morning; Wednesday evening');
  await expect(details.getByRole('listitem')).toHaveText(['Belonging', 'Digital skills', 'Assessment']);
  const status = page.getByRole('region', { name: 'Status' });
  await expect(status).toContainText('Now: Interested');
  await expectAccessible(page, 'participant detail');
  await keepScreenshot(page, 'participants-03-detail');

  // Edit: the form comes back filled in.
  await page.getByRole('button', { name: 'Edit details' }).click();
  await expect(heading(page, 'Edit Sam Okafor')).toBeVisible();
  await expect(page.getByLabel('Mentor (student)')).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Wednesday evening' })).toBeChecked();
  await page.getByLabel('Department').fill('History and Classics');
  await page.getByRole('button', { name: 'Remove topic Assessment' }).click();
  await expect(page.getByLabel('Topics of interest')).toBeFocused();
  await page.getByRole('checkbox', { name: 'Friday afternoon' }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(notice(page, 'Changes saved.')).toBeVisible();
  await expect(details).toContainText('History and Classics');
  await expect(details.getByRole('listitem')).toHaveText(['Belonging', 'Digital skills']);
  await expect(details).toContainText('Monday morning; Wednesday evening; Friday afternoon');

  // Along the pipeline: only the allowed next steps are offered.
  const steps = status.getByRole('group', { name: 'Next steps' });
  await expect(steps.getByRole('button')).toHaveText(['Move to Chemistry meeting', 'Move to Trained', 'Withdraw from the scheme']);
  await expect(status).toContainText('Trained can follow straight on when the scheme holds no chemistry meetings.');
  await steps.getByRole('button', { name: 'Move to Chemistry meeting' }).click();
  await expect(status).toContainText('Now: Chemistry meeting');
  await expect(steps.getByRole('button')).toHaveText(['Move to Trained', 'Withdraw from the scheme']);
  await steps.getByRole('button', { name: 'Move to Trained' }).click();
  await expect(status).toContainText('Now: Trained');
  // Paired is never a button: it comes from confirming a pair.
  await expect(steps.getByRole('button')).toHaveText(['Withdraw from the scheme']);
  await expect(status).toContainText('They become Paired when a pair with them is confirmed on the Pairing screen.');
  await expect(status.getByRole('link', { name: 'Pairing' })).toHaveAttribute('href', `#/pilots/${pilotId}/pairing`);
  await expectAccessible(page, 'participant trained, waiting for a pair');
  await keepScreenshot(page, 'participants-13-trained-steps');

  // Withdrawing asks why; the reason is required and kept.
  await steps.getByRole('button', { name: 'Withdraw from the scheme' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Withdraw Sam Okafor from the scheme?' });
  await expect(dialog).toContainText('Nothing is deleted');
  await dialog.getByRole('button', { name: 'Withdraw from the scheme' }).click();
  await expect(dialog.getByText('Say why they are withdrawing: the reason is kept in their history')).toBeVisible();
  await expect(dialog.getByLabel('Reason for withdrawing')).toBeFocused();
  await expectAccessible(page, 'withdraw dialog with error');
  await keepScreenshot(page, 'participants-04-withdraw-dialog');
  await dialog.getByLabel('Reason for withdrawing').fill('Workload this term');
  await dialog.getByRole('button', { name: 'Withdraw from the scheme' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(status).toContainText('Now: Withdrawn');
  await expect(status).toContainText('Reason: Workload this term');
  await expect(status.getByRole('listitem')).toHaveText([/Trained → Withdrawn\s*Reason: Workload this term/, /Chemistry meeting → Trained/, /Interested → Chemistry meeting/, /Added as Interested/]);
  await expect(steps.getByRole('button')).toHaveText(['Reinstate as interested']);

  // The list shows both people, status and consent in words.
  await page.getByRole('link', { name: 'All participants' }).click();
  await expect(page.getByText('Showing 2 of 2 people')).toBeVisible();
  const sam = page.getByRole('row', { name: /Sam Okafor/ });
  await expect(sam).toContainText('Mentor (student)');
  await expect(sam).toContainText('History and Classics');
  await expect(sam).toContainText('Withdrawn');
  await expect(sam).toContainText('None recorded');
  await expect(sam).toContainText('International');
  await expect(page.getByRole('row', { name: /Priya Shah/ })).toContainText('Interested');
  await sam.getByRole('link', { name: 'Sam Okafor' }).click();
  await expect(heading(page, 'Sam Okafor')).toBeVisible();
});

/* ---- consent ----------------------------------------------------------------------------- */

test('consent: no form yet, record on a form version, withdraw (also from the scheme), the history keeps both', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  const person = await seed(bridge.registry, 'participants.create', { pilotId, participant: { name: 'Jordan Lee', email: 'j.lee@uni.example', role: 'mentor' } });
  await goTo(page, `/pilots/${pilotId}/participants/${person.id}`);
  const consent = page.getByRole('region', { name: 'Consent' });
  await expect(consent).toContainText('This pilot has no consent form yet');
  await expect(consent.getByRole('link', { name: 'plan' })).toHaveAttribute('href', `#/pilots/${pilotId}/plan`);
  await expect(consent.getByRole('button', { name: 'Record consent' })).toHaveCount(0);

  await seed(bridge.registry, 'consentForms.create', { pilotId, form: { version: '1.0', datedOn: isoDay(-30), text: 'I agree to take part…' } });
  await seed(bridge.registry, 'consentForms.create', { pilotId, form: { version: '1.1', datedOn: isoDay(-10), text: 'I agree to take part (revised)…' } });
  await page.reload();
  await expect(consent).toContainText('Now: None recorded');
  await consent.getByRole('button', { name: 'Record consent' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record consent for Jordan Lee' });
  const version = dialog.getByLabel('Consent form version');
  await expect(version).toBeFocused();
  await expect(version.locator('option')).toHaveText([`Version 1.1, dated ${shown(isoDay(-10))}`, `Version 1.0, dated ${shown(isoDay(-30))}`]);
  await version.selectOption({ label: `Version 1.0, dated ${shown(isoDay(-30))}` });
  // Before the form existed: the main process says so, on the date field.
  await dialog.getByLabel('Date consent was given').fill(isoDay(-40));
  await dialog.getByLabel('Take part in the scheme').check();
  await dialog.getByLabel('Research use of reflective logs').check();
  await dialog.getByLabel('Archiving of the data').check();
  await dialog.getByRole('button', { name: 'Record consent' }).click();
  await expect(dialog.getByLabel('Date consent was given')).toHaveAccessibleDescription(/Consent cannot be given before the form existed/);
  await expectAccessible(page, 'record consent dialog with error');
  await keepScreenshot(page, 'participants-05-consent-dialog');
  await dialog.getByLabel('Date consent was given').fill(isoDay(-3));
  await dialog.getByRole('button', { name: 'Record consent' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(notice(page, 'Consent recorded for Jordan Lee (version 1.0).')).toBeVisible();
  await expect(consent).toContainText('Now: Given');
  const first = consent.getByRole('listitem').filter({ hasText: 'Consent form version 1.0' });
  await expect(first).toContainText(`Given on${shown(isoDay(-3))}`);
  await expect(first).toContainText('Not withdrawn');
  await expect(first.getByRole('row', { name: 'Take part in the scheme Yes' })).toBeVisible();
  await expect(first.getByRole('row', { name: 'Research use of reflective logs Yes' })).toBeVisible();
  await expect(first.getByRole('row', { name: 'Audio recording of interviews No' })).toBeVisible();
  await expect(first.getByRole('row', { name: 'Direct (anonymised) quotes No' })).toBeVisible();
  await expect(first.getByRole('row', { name: 'Archiving of the data Yes' })).toBeVisible();

  // Withdrawing consent: date, reason (required), "also from the scheme" on by default, then a confirmation.
  await first.getByRole('button', { name: /^Withdraw consent/ }).click();
  const withdraw = page.getByRole('alertdialog', { name: 'Withdraw Jordan Lee’s consent?' });
  await expect(withdraw.getByLabel('Date consent was withdrawn')).toHaveValue(isoDay(0));
  await expect(withdraw.getByLabel('Also withdraw them from the scheme')).toBeChecked();
  await withdraw.getByRole('button', { name: 'Continue' }).click();
  await expect(withdraw.getByText('Reason is required')).toBeVisible();
  await withdraw.getByLabel('Reason').fill('No longer wants the logs used');
  await withdraw.getByLabel('Date consent was withdrawn').fill(isoDay(-1));
  await withdraw.getByRole('button', { name: 'Continue' }).click();
  await expect(withdraw).toContainText(`will be marked withdrawn as of ${shown(isoDay(-1))}, and Jordan Lee will be withdrawn from the scheme`);
  await expect(withdraw).toContainText('Nothing is deleted');
  await expect(withdraw.getByRole('button', { name: 'Back' })).toBeFocused();
  await expectAccessible(page, 'withdraw consent confirmation');
  await keepScreenshot(page, 'participants-06-withdraw-consent');
  await withdraw.getByRole('button', { name: 'Withdraw consent' }).click();
  await expect(withdraw).toHaveCount(0);
  await expect(notice(page, 'Consent withdrawn for Jordan Lee, and withdrawn from the scheme. The record is kept.')).toBeVisible();
  await expect(consent).toContainText('Now: Withdrawn');
  await expect(first).toContainText(`Withdrawn on${shown(isoDay(-1))}`);
  await expect(first).toContainText('ReasonNo longer wants the logs used');
  await expect(first.getByRole('button', { name: /^Withdraw consent/ })).toHaveCount(0);
  const status = page.getByRole('region', { name: 'Status' });
  await expect(status).toContainText('Now: Withdrawn');
  await expect(status).toContainText('Reason: Consent withdrawn: No longer wants the logs used');

  // Consent given again later, on the newer version: both records stay in the history.
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await dialog.getByLabel('Take part in the scheme').check();
  await dialog.getByRole('button', { name: 'Record consent' }).click();
  await expect(dialog).toHaveCount(0);
  const cards = consent.getByRole('list', { name: 'Consent history, newest first' }).locator(':scope > li');
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
  await expect(withdraw).toContainText(`Consent given on ${shown(isoDay(0))} on form version 1.1.`);
  await expect(withdraw.getByText('They have already withdrawn from the scheme.')).toBeVisible();
  await withdraw.getByLabel('Reason').fill('Does not want to be contacted again');
  await withdraw.getByRole('button', { name: 'Continue' }).click();
  await withdraw.getByRole('button', { name: 'Withdraw consent' }).click();
  await expect(withdraw).toHaveCount(0);
  await expect(consent).toContainText('Now: Withdrawn');
  await expect(consent.getByRole('button', { name: 'Record consent withdrawal' })).toHaveCount(0);
  await expect(status.getByText('Their consent is still on record')).toHaveCount(0);

  // A form that says no to taking part is kept, and reads Declined, not Given.
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
  await dialog.getByLabel('Date consent was given').evaluate((input) => input.removeAttribute('max'));
  await dialog.getByLabel('Date consent was given').fill(isoDay(2));
  await dialog.getByLabel('Take part in the scheme').check();
  await dialog.getByRole('button', { name: 'Record consent' }).click();
  await expect(dialog.getByLabel('Date consent was given')).toHaveAccessibleDescription(/Consent cannot be recorded as given on a date still to come/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(cards).toHaveCount(3);

  // Someone still in the scheme whose form says no: the consent panel warns before anyone pairs them.
  const forms = (await seed(bridge.registry, 'plan.get', { pilotId })).consentForms;
  const kim = await seed(bridge.registry, 'participants.create', { pilotId, participant: { name: 'Kim Ng', email: 'k.ng@uni.example', role: 'mentee' } });
  await seed(bridge.registry, 'consent.record', { participantId: kim.id, formId: forms[0]!.id, givenOn: isoDay(-1), choices: { takePart: false, researchUseOfLogs: false, audioRecording: false, directQuotes: false, archiving: true } });
  await goTo(page, `/pilots/${pilotId}/participants/${kim.id}`);
  await expect(heading(page, 'Kim Ng')).toBeVisible();
  await expect(consent).toContainText('Now: Declined');
  await expect(consent).toContainText('Their latest consent form does not agree to take part in the scheme, so they should not be paired.');
  await expectAccessible(page, 'consent declined');
  await keepScreenshot(page, 'participants-14-consent-declined');
  await page.getByRole('link', { name: 'All participants' }).click();
  await expect(page.getByRole('row', { name: /Kim Ng/ })).toContainText('Declined');
});

/* ---- import ------------------------------------------------------------------------------ */

test('import expressions of interest: every row error listed, mapping changes re-checked, a good file imported, the mapping remembered', async ({ app: page, bridge }) => {
  const files = tempFiles();
  try {
    const pilotId = await newPilot(page, bridge.registry);
    const header = 'Full name,Email address,Are you a student or staff?,Department,When are you free?';
    const bad = files.write(
      'responses-with-errors.csv',
      [
        header,
        'Ada Brook,ada.brook@uni.example,Student,Physics,Monday morning; Tuesday evening',
        // A blank line, as forms tools and hand edits leave them: the rows below keep their line numbers.
        '',
        'Ben Carr,not-an-email,Staff,Library,Wednesday afternoon',
        'Cleo Dunn,cleo.dunn@uni.example,Visitor,Law,Friday morning',
        'Dev Evans,dev.evans@uni.example,Member of staff,Estates,sometime soon',
      ].join('\n'),
    );
    // Excel on Windows: semicolons and Windows-1252 (the ë is one byte).
    const good = files.write(
      'responses.csv',
      Buffer.from(
        [
          header.replaceAll(',', ';'),
          'Ada Brook;ada.brook@uni.example;Student;Physics;Monday morning, Tuesday evening',
          'Ben Carr;b.carr@uni.example;Staff;Library;Wednesday afternoon',
          'Zoë Fry;z.fry@uni.example;Undergraduate student;Law;',
        ].join('\r\n'),
        'latin1',
      ),
    );

    await goTo(page, `/pilots/${pilotId}/participants`);
    await page.getByRole('button', { name: 'Import expressions of interest' }).click();
    await expect(heading(page, 'Import expressions of interest')).toBeVisible();
    await expectAccessible(page, 'import, no file');
    await page.getByLabel('CSV file').setInputFiles(bad);
    const facts = page.locator('.pp-file-facts');
    await expect(facts).toContainText('EncodingUTF-8');
    await expect(facts).toContainText('Delimitercomma (,)');
    await expect(facts).toContainText('Rows4 people');
    await expect(page.getByText('Guessed from the column headings')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Email address' })).toHaveValue('email');
    await expect(page.getByRole('combobox', { name: 'When are you free?' })).toHaveValue('availability');

    const problems = page.getByRole('table', { name: 'Every problem found, by row' });
    await expect(page.getByText('3 problems in 3 rows.')).toBeVisible();
    await expect(page.getByText('Rows are numbered by the line of the file they start on, counting the header as line 1 and blank lines too')).toBeVisible();
    await expect(problems.getByRole('row')).toHaveText([
      'RowColumnProblem',
      '4Email addressThis is not an email address',
      /^5Are you a student or staff\?"Visitor" is neither a student \(mentor\) nor a member of staff \(mentee\)/,
      /^6When are you free\?"sometime soon" is not a weekday and part of day/,
    ]);
    const importButton = page.getByRole('button', { name: /^Import \d/ });
    await expect(importButton).toHaveText('Import 4 people');
    await expect(importButton).toBeDisabled();
    // The sample shows the rows as mapped.
    const sample = page.getByRole('table', { name: 'Sample of the rows as mapped' });
    await expect(sample.getByRole('row', { name: /Ada Brook/ })).toContainText('Mentor (student)');
    await expect(sample.getByRole('row', { name: /Ada Brook/ })).toContainText('Monday morning, Tuesday evening');
    // What cannot be read is shown as the file has it, with the reason, not as "blank".
    const cleo = sample.getByRole('row', { name: /Cleo Dunn/ });
    await expect(cleo.getByRole('rowheader')).toHaveText('5');
    await expect(cleo.getByRole('cell', { name: /Visitor/ })).toHaveText('“Visitor”Cannot be read: "Visitor" is neither a student (mentor) nor a member of staff (mentee)');
    await expect(sample.getByRole('row', { name: /Dev Evans/ }).getByRole('cell', { name: /sometime soon/ })).toContainText('“sometime soon”Cannot be read:');
    await expectAccessible(page, 'import with errors');
    await keepScreenshot(page, 'participants-08-import-errors');

    // Ignoring the availability column re-runs the check: that problem goes, the others stay.
    await page.getByRole('combobox', { name: 'When are you free?' }).selectOption('');
    await expect(page.getByText('2 problems in 2 rows.')).toBeVisible();
    await expect(problems).not.toContainText('sometime soon');
    await expect(importButton).toBeDisabled();
    // Without an email column nothing can be imported, and the screen says what is missing.
    await page.getByRole('combobox', { name: 'Email address' }).selectOption('');
    await expect(page.getByText('No column is mapped to Email.')).toBeVisible();
    await expect(importButton).toBeDisabled();
    await page.getByRole('combobox', { name: 'Email address' }).selectOption('email');
    await expect(page.getByText('2 problems in 2 rows.')).toBeVisible();

    // The corrected file imports: all rows at once.
    await page.getByLabel('CSV file').setInputFiles(good);
    await expect(facts).toContainText('EncodingWindows-1252');
    await expect(facts).toContainText('Delimitersemicolon (;)');
    await expect(page.getByText('No problems found: all 3 rows can be imported.')).toBeVisible();
    await expect(sample.getByRole('row', { name: /Zoë Fry/ })).toContainText('Mentor (student)');
    await expect(importButton).toHaveText('Import 3 people');
    await expect(importButton).toBeEnabled();
    await keepScreenshot(page, 'participants-09-import-ready');
    await importButton.click();
    await expect(notice(page, 'Imported 3 people from responses.csv.')).toBeVisible();
    await expect(heading(page, 'Participants')).toBeVisible();
    await expect(page.getByText('Showing 3 of 3 people')).toBeVisible();
    await expect(page.getByRole('row', { name: /Zoë Fry/ })).toContainText('Interested');
    await expect(page.getByRole('row', { name: /Ben Carr/ })).toContainText('Mentee (staff)');

    // The next import into this pilot starts from the remembered mapping, and duplicates are caught.
    await page.getByRole('button', { name: 'Import expressions of interest' }).click();
    await page.getByLabel('CSV file').setInputFiles(bad);
    await expect(page.getByText('This mapping was remembered from the last import into this pilot.')).toBeVisible();
    await expect(problems).toContainText('ada.brook@uni.example is already registered (Ada Brook)');
  } finally {
    files.remove();
  }
});

/* ---- thousands of people ----------------------------------------------------------------- */

test('5,000 people: search, filter by role, status and characteristic, sort, scroll the virtual list to the end', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  const departments = ['Physics', 'History', 'Law', 'Library', 'Finance', 'Estates', 'Nursing', 'Music'];
  const lines = ['Name,Email,Role,Department,Characteristics'];
  for (let i = 1; i <= 5000; i++) {
    lines.push(`Participant ${String(i).padStart(4, '0')},p${i}@uni.example,${i % 3 === 0 ? 'Staff' : 'Student'},${departments[i % departments.length]},${i % 10 === 0 ? 'International' : ''}`);
  }
  const { imported } = await seed(bridge.registry, 'participants.import', {
    pilotId,
    file: { name: 'seed.csv', base64: Buffer.from(lines.join('\n')).toString('base64') },
    mapping: { Name: 'name', Email: 'email', Role: 'role', Department: 'department', Characteristics: 'characteristics' },
  });
  expect(imported).toBe(5000);
  // Ten people further along: 3 of them staff (numbers 3, 6 and 9).
  const { rows } = await seed(bridge.registry, 'participants.list', { pilotId, search: 'Participant 00' });
  for (const person of rows.filter((p) => Number(p.name.slice(-4)) <= 10)) {
    await seed(bridge.registry, 'participants.transition', { id: person.id, to: 'chemistry' });
  }

  await goTo(page, `/pilots/${pilotId}/participants`);
  const count = page.locator('#pp-count');
  await expect(count).toHaveText('Showing 5,000 of 5,000 people', { timeout: 20_000 });
  const table = page.getByRole('table', { name: 'Participants' });
  await expect(table).toHaveAttribute('aria-rowcount', '5001');
  const bodyRows = table.locator('[role=row][aria-rowindex]:not([aria-rowindex="1"])');
  await expect(bodyRows.first()).toContainText('Participant 0001');
  expect(await bodyRows.count()).toBeLessThan(60);
  await expectAccessible(page, 'participants list, 5,000 people');
  await keepScreenshot(page, 'participants-10-list');
  // Each column's heading starts where its cells' text starts.
  const textLeft = (selector: string) =>
    table.locator(selector).first().evaluate((row) =>
      [...row.children].map((cell) => {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT) });
        const text = walker.nextNode();
        if (!text) return NaN;
        const range = document.createRange();
        range.selectNodeContents(text);
        return range.getBoundingClientRect().left;
      }),
    );
  const headLefts = await textLeft('.pp-head [role=row]');
  const firstRow = await textLeft('.pp-body [role=row]');
  // Status and consent cells hold a pill whose text is inset: compare those by the pill's edge.
  const pillLefts = await table.locator('.pp-body [role=row]').first().evaluate((row) => [...row.children].map((cell) => (cell.firstElementChild ?? cell).getBoundingClientRect().left));
  headLefts.forEach((left, i) => {
    const body = i === 3 || i === 4 ? pillLefts[i]! : firstRow[i]!;
    expect(Math.abs(left - body), `column ${i + 1}: heading at ${left}px, cells at ${body}px`).toBeLessThanOrEqual(1);
  });

  // Search (debounced): one person.
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('participant 4321');
  await expect(count).toHaveText('Showing 1 of 5,000 people');
  await expect(bodyRows).toHaveCount(1);
  await expect(bodyRows.first()).toContainText('p4321@uni.example');
  await search.fill('');
  await expect(count).toHaveText('Showing 5,000 of 5,000 people');

  // Filters combine.
  await page.getByLabel('Role').selectOption({ label: 'Mentee (staff)' });
  await expect(count).toHaveText('Showing 1,666 of 5,000 people');
  await page.getByLabel('Status').selectOption({ label: 'Chemistry meeting' });
  await expect(count).toHaveText('Showing 3 of 5,000 people');
  await expect(bodyRows).toHaveText([/Participant 0003/, /Participant 0006/, /Participant 0009/]);
  await page.getByLabel('Role').selectOption({ label: 'Any role' });
  await expect(count).toHaveText('Showing 10 of 5,000 people');
  await page.getByLabel('Status').selectOption({ label: 'Any status' });
  await page.getByLabel('Characteristic').selectOption('International');
  await expect(count).toHaveText('Showing 500 of 5,000 people');
  await page.getByLabel('Department').selectOption('Physics');
  // Multiples of 10 whose department is Physics (every 8th number): the multiples of 40.
  await expect(count).toHaveText('Showing 125 of 5,000 people');
  await search.fill('zzz');
  await expect(page.getByRole('heading', { name: 'Nobody matches' })).toBeVisible();
  await expectAccessible(page, 'participants list, no match');
  await keepScreenshot(page, 'participants-11-no-match');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText('Showing 5,000 of 5,000 people');
  await expect(search).toHaveValue('');
  await expect(page.getByLabel('Department')).toHaveValue('');

  // Sorting by column header, announced with aria-sort.
  const nameHeader = table.getByRole('columnheader', { name: 'Name' });
  const statusHeader = table.getByRole('columnheader', { name: 'Status' });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(bodyRows.first()).toContainText('Participant 5000');
  await statusHeader.getByRole('button').click();
  await expect(statusHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(nameHeader).not.toHaveAttribute('aria-sort', /./);
  await expect(bodyRows.first()).toContainText('Interested');
  await statusHeader.getByRole('button').click();
  await expect(statusHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(bodyRows.first()).toContainText('Chemistry meeting');
  await expect(bodyRows.first()).toContainText('Participant 0001');
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(bodyRows.first()).toContainText('Participant 0001');

  // Scrolling to the end of the virtual list brings the last person into the DOM, and only a window of rows is there.
  await table.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  const last = table.getByRole('row', { name: /Participant 5000/ });
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('aria-rowindex', '5001');
  expect(await bodyRows.count()).toBeLessThan(60);
  await keepScreenshot(page, 'participants-12-list-end');
  await last.getByRole('link', { name: 'Participant 5000' }).click();
  await expect(heading(page, 'Participant 5000')).toBeVisible();
  // Back to the list keeps the sort and filters.
  await page.getByRole('link', { name: 'All participants' }).click();
  await expect(count).toHaveText('Showing 5,000 of 5,000 people');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
});

/* ---- keyboard alone ---------------------------------------------------------------------- */

test('by keyboard alone: add a participant and withdraw them', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  await goTo(page, `/pilots/${pilotId}/participants`);
  await expect(heading(page, 'Participants')).toBeFocused();

  await tabTo(page, page.getByRole('button', { name: 'Add participant' }));
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Add a participant')).toBeFocused();
  await tabTo(page, page.getByLabel('Name'));
  await page.keyboard.type('Kit Marsh');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type('k.marsh@uni.example');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Mentor (student)')).toBeFocused();
  // Arrow keys move within the radio group and choose.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Mentee (staff)')).toBeChecked();
  await tabTo(page, page.getByLabel('Department'));
  await page.keyboard.type('Estates');
  await tabTo(page, page.getByLabel('Topics of interest'));
  await page.keyboard.type('Space planning');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Topics added' })).toContainText('Space planning');
  await tabTo(page, page.getByRole('checkbox', { name: 'Tuesday afternoon' }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Tuesday afternoon' })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Add participant' }));
  await page.keyboard.press('Enter');

  await expect(heading(page, 'Kit Marsh')).toBeFocused();
  const status = page.getByRole('region', { name: 'Status' });
  await expect(status).toContainText('Now: Interested');
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('Tuesday afternoon');
  await tabTo(page, status.getByRole('button', { name: 'Withdraw from the scheme' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Withdraw Kit Marsh from the scheme?' });
  const reason = dialog.getByLabel('Reason for withdrawing');
  await expect(reason).toBeFocused();
  // No reason: refused, and focus goes back to the field.
  await tabTo(page, dialog.getByRole('button', { name: 'Withdraw from the scheme' }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Say why they are withdrawing')).toBeVisible();
  await expect(reason).toBeFocused();
  await page.keyboard.type('Moved to another university');
  await tabTo(page, dialog.getByRole('button', { name: 'Withdraw from the scheme' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(status).toContainText('Now: Withdrawn');
  await expect(status).toContainText('Reason: Moved to another university');
  // Focus stays in the Status section (the pressed button is gone), one Tab from the next step.
  await expect(status.getByRole('heading', { name: 'Status' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(status.getByRole('button', { name: 'Reinstate as interested' })).toBeFocused();
});
