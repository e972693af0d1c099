import type { Page } from '@playwright/test';
import type { HandlerRegistry } from '../../electron/core';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, currentAcademicYear, tabTo } from './fixtures';
import { Frame } from './pages/frame';
import { ParticipantPage, Register } from './pages/participants';

// Each test has its own vault and bridge, so they can run side by side.
test.describe.configure({ mode: 'parallel' });

async function newPilot(page: Page, registry: HandlerRegistry): Promise<number> {
  await createVault(page);
  const pilot = await seed(registry, 'pilots.create', { name: 'Belonging 2026/27', purpose: 'Students mentor senior leaders on belonging.', ...currentAcademicYear() });
  return pilot.id;
}

const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 1 });

/** Sam Okafor as the add form leaves him, and Priya Shah, who was there first. */
async function seedSamAndPriya(registry: HandlerRegistry, pilotId: number, department = 'History') {
  await seed(registry, 'participants.create', { pilotId, participant: { name: 'Priya Shah', email: 'p.shah@uni.example', role: 'mentee', department: 'Finance' } });
  return seed(registry, 'participants.create', {
    pilotId,
    participant: {
      name: 'Sam Okafor',
      email: 's.okafor@uni.example',
      role: 'mentor',
      department,
      level: 'Year 2',
      characteristics: ['International'],
      topics: ['Belonging', 'Digital skills', 'Assessment'],
      availability: ['mon-am', 'wed-eve'],
      notes: 'Keen on student voice.',
    },
  });
}

test('adding a participant: the required fields, a duplicate email refused by the main process, then added as interested', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  await new Register(page).open(pilotId);
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

  const person = new ParticipantPage(page);
  await expect(person.heading('Sam Okafor')).toBeVisible();
  await expect(new Frame(page).notice('Sam Okafor added as interested.')).toBeVisible();
  await expect(person.details).toContainText('s.okafor@uni.example');
  await expect(person.details).toContainText('International');
  await expect(person.details).toContainText('Monday morning; Wednesday evening');
  await expect(person.details.getByRole('listitem')).toHaveText(['Belonging', 'Digital skills', 'Assessment']);
  await expect(person.status).toContainText('Now: Interested');
  await expectAccessible(page, 'participant detail');
  await keepScreenshot(page, 'participants-03-detail');
});

test('editing a participant: the form comes back filled in; a topic removed and an afternoon added', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  const sam = await seedSamAndPriya(bridge.registry, pilotId);
  const person = new ParticipantPage(page);
  await person.open(pilotId, sam.id);
  await page.getByRole('button', { name: 'Edit details' }).click();
  await expect(heading(page, 'Edit Sam Okafor')).toBeVisible();
  await expect(page.getByLabel('Mentor (student)')).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Wednesday evening' })).toBeChecked();
  await page.getByLabel('Department').fill('History and Classics');
  await page.getByRole('button', { name: 'Remove topic Assessment' }).click();
  await expect(page.getByLabel('Topics of interest')).toBeFocused();
  await page.getByRole('checkbox', { name: 'Friday afternoon' }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(new Frame(page).notice('Changes saved.')).toBeVisible();
  await expect(person.details).toContainText('History and Classics');
  await expect(person.details.getByRole('listitem')).toHaveText(['Belonging', 'Digital skills']);
  await expect(person.details).toContainText('Monday morning; Wednesday evening; Friday afternoon');
});

test('along the pipeline: only the allowed next steps are offered, and withdrawing needs a reason that is kept', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  const sam = await seedSamAndPriya(bridge.registry, pilotId);
  const person = new ParticipantPage(page);
  const { status, nextSteps: steps } = person;
  await person.open(pilotId, sam.id);
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
});

test('the register: each person with their role, department, status and consent in words, opened from the list', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  const sam = await seedSamAndPriya(bridge.registry, pilotId, 'History and Classics');
  await seed(bridge.registry, 'participants.transition', { id: sam.id, to: 'withdrawn', reason: 'Workload this term' });
  const person = new ParticipantPage(page);
  await person.open(pilotId, sam.id);
  // The list shows both people, status and consent in words.
  await page.getByRole('link', { name: 'All participants' }).click();
  const register = new Register(page);
  await expect(page.getByText('Showing 2 of 2 people')).toBeVisible();
  const samRow = register.person('Sam Okafor');
  await expect(samRow).toContainText('Mentor (student)');
  await expect(samRow).toContainText('History and Classics');
  await expect(samRow).toContainText('Withdrawn');
  await expect(samRow).toContainText('None recorded');
  await expect(samRow).toContainText('International');
  await expect(register.person('Priya Shah')).toContainText('Interested');
  await samRow.getByRole('link', { name: 'Sam Okafor' }).click();
  await expect(person.heading('Sam Okafor')).toBeVisible();
});

test('5,000 people: search, filter by role, status and characteristic, sort, scroll the virtual list to the end', async ({ app: page, bridge }) => {
  const pilotId = await newPilot(page, bridge.registry);
  const departments = ['Physics', 'History', 'Law', 'Library', 'Finance', 'Estates', 'Nursing', 'Music'];
  const lines = ['Name,Email,Role,Department,Characteristics'];
  for (let i = 1; i <= 5000; i++) {
    lines.push(`Participant ${String(i).padStart(4, '0')},p${i}@uni.example,${i % 3 === 0 ? 'Staff' : 'Student'},${departments[i % departments.length]},${i % 10 === 0 ? 'International' : ''}`);
  }
  const { stagedId } = await seed(bridge.registry, 'imports.stage', { file: { name: 'seed.csv', base64: Buffer.from(lines.join('\n')).toString('base64') } });
  const { imported } = await seed(bridge.registry, 'participants.import', {
    pilotId,
    stagedId,
    mapping: { Name: 'name', Email: 'email', Role: 'role', Department: 'department', Characteristics: 'characteristics' },
  });
  expect(imported).toBe(5000);
  // Ten people further along: 3 of them staff (numbers 3, 6 and 9).
  const { rows } = await seed(bridge.registry, 'participants.list', { pilotId, search: 'Participant 00' });
  for (const person of rows.filter((p) => Number(p.name.slice(-4)) <= 10)) {
    await seed(bridge.registry, 'participants.transition', { id: person.id, to: 'chemistry' });
  }

  const register = new Register(page);
  await register.open(pilotId);
  const { count, table, rows: bodyRows } = register;
  await expect(count).toHaveText('Showing 5,000 of 5,000 people', { timeout: 20_000 });
  await expect(table).toHaveAttribute('aria-rowcount', '5001');
  await expect(bodyRows.first()).toContainText('Participant 0001');
  expect(await bodyRows.count()).toBeLessThan(60);
  await expectAccessible(page, 'participants list, 5,000 people');
  await keepScreenshot(page, 'participants-10-list');
  // Each column's heading starts where its cells' text starts.
  const textLeft = (row: typeof table) =>
    row.first().evaluate((element) =>
      [...element.children].map((cell) => {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT) });
        const text = walker.nextNode();
        if (!text) return NaN;
        const range = document.createRange();
        range.selectNodeContents(text);
        return range.getBoundingClientRect().left;
      }),
    );
  const headLefts = await textLeft(register.headerRow);
  const firstRow = await textLeft(bodyRows);
  // Status and consent cells hold a pill whose text is inset: compare those by the pill's edge.
  const pillLefts = await bodyRows.first().evaluate((row) => [...row.children].map((cell) => (cell.firstElementChild ?? cell).getBoundingClientRect().left));
  headLefts.forEach((left, i) => {
    const body = i === 3 || i === 4 ? pillLefts[i]! : firstRow[i]!;
    expect(Math.abs(left - body), `column ${i + 1}: heading at ${left}px, cells at ${body}px`).toBeLessThanOrEqual(1);
  });

  // Search (debounced): one person.
  const search = register.search;
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
  const nameHeader = register.columnHeader('Name');
  const statusHeader = register.columnHeader('Status');
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
  await new Register(page).open(pilotId);
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
  const { status, details } = new ParticipantPage(page);
  await expect(status).toContainText('Now: Interested');
  await expect(details).toContainText('Tuesday afternoon');
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
