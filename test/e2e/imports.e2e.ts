import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import writeExcelFile from 'write-excel-file/node';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, isoDay, currentAcademicYear, goTo, notice } from './fixtures';
import { readyToPair } from './worlds/meetings';

// Each test has its own vault and bridge, so they can run side by side.
test.describe.configure({ mode: 'parallel' });

/* ---- helpers ------------------------------------------------------------------------------ */

type Registry = Parameters<typeof seed>[0];

async function newPilot(page: Page, registry: Registry): Promise<number> {
  await createVault(page);
  const pilot = await seed(registry, 'pilots.create', { name: 'Belonging 2026/27', purpose: 'Students mentor senior leaders on belonging.', ...currentAcademicYear() });
  return pilot.id;
}

const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 1 });

/** A temporary folder for the files a test "picks". */
function tempFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'reciprocal-import-'));
  return {
    write: (name: string, content: string | Buffer) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The calls the page makes to the main process (through the bridge), with the size of what each sends. */
function recordCalls(page: Page) {
  const calls: { channel: string; bytes: number }[] = [];
  page.on('request', (request) => {
    const at = request.url().indexOf('/__bridge/call/');
    if (at >= 0) calls.push({ channel: request.url().slice(at + '/__bridge/call/'.length), bytes: request.postDataBuffer()?.length ?? 0 });
  });
  return calls;
}

const QUESTIONS = ['Full name', 'University email address', 'Are you a student or a member of staff?', 'School or department'];

/** A workbook as Microsoft Forms exports it: its own Id, times, "anonymous" Email and empty Name columns, then the form's questions. */
function formsWorkbook(responses: string[][]): Promise<Buffer> {
  const data = [
    ['Id', 'Start time', 'Completion time', 'Email', 'Name', ...QUESTIONS],
    ...responses.map((answers, i) => [
      i + 1,
      { value: new Date(Date.UTC(2026, 9, 2 + i, 9, 30)), format: 'm/d/yy h:mm' },
      { value: new Date(Date.UTC(2026, 9, 2 + i, 9, 34)), format: 'm/d/yy h:mm' },
      'anonymous',
      null,
      ...answers,
    ]),
  ];
  return writeExcelFile(data as never, { sheet: 'Form1' }).toBuffer();
}

/* ---- expressions of interest: CSV ----------------------------------------------------------- */

test('expressions of interest from a CSV: every row error by line, a changed column re-checked without sending the file again, a Windows-1252 file imported', async ({ app: page, bridge }) => {
  const files = tempFiles();
  try {
    const pilotId = await newPilot(page, bridge.registry);
    const calls = recordCalls(page);
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
    await keepScreenshot(page, 'imports-01-eoi-no-file');

    await page.getByLabel('Responses file').setInputFiles(bad);
    const facts = page.locator('.import-facts');
    await expect(facts).toContainText('Read asCSV text in UTF-8, separated by commas (,)');
    await expect(facts).toContainText('Rows4 (not counting the heading row), 5 columns');
    await expect(page.getByText('Guessed from the column headings and their first values')).toBeVisible();
    const mapping = page.getByRole('table', { name: 'Columns of the file, their first values, and what each is imported as' });
    await expect(mapping.getByRole('row', { name: /^Email address/ })).toContainText('ada.brook@uni.example');
    await expect(page.getByRole('combobox', { name: 'Email address' })).toHaveValue('email');
    await expect(page.getByRole('combobox', { name: 'When are you free?' })).toHaveValue('availability');

    const problems = page.getByRole('table', { name: 'Every problem found, by row' });
    await expect(page.getByText('3 problems in 3 rows.', { exact: false })).toBeVisible();
    await expect(page.getByText('Rows are numbered by the line of the file they start on, counting the header as line 1 and blank lines too')).toBeVisible();
    await expect(problems.getByRole('row')).toHaveText([
      'RowColumnProblem',
      '4Email addressThis is not an email address',
      /^5Are you a student or staff\?"Visitor" is neither a student \(mentor\) nor a member of staff \(mentee\)/,
      /^6When are you free\?"sometime soon" is not a weekday and part of day/,
    ]);
    const importButton = page.getByRole('button', { name: /^(Import|Update) / });
    await expect(importButton).toHaveText('Import 4 people');
    await expect(importButton).toBeDisabled();
    // The sample shows the rows as mapped; what cannot be read is shown as the file has it, with the reason.
    const sample = page.getByRole('table', { name: 'Sample of the rows as mapped' });
    await expect(sample.getByRole('row', { name: /Ada Brook/ })).toContainText('Mentor (student)');
    await expect(sample.getByRole('row', { name: /Ada Brook/ })).toContainText('Monday morning, Tuesday evening');
    const cleo = sample.getByRole('row', { name: /Cleo Dunn/ });
    await expect(cleo.getByRole('rowheader')).toHaveText('5');
    await expect(cleo.getByRole('cell', { name: /Visitor/ })).toHaveText('“Visitor”Cannot be read: "Visitor" is neither a student (mentor) nor a member of staff (mentee)');
    await expectAccessible(page, 'import with errors');
    await keepScreenshot(page, 'imports-02-eoi-errors');

    // Ignoring the availability column re-checks every row in the main process, sending only the mapping.
    const before = calls.length;
    await page.getByRole('combobox', { name: 'When are you free?' }).selectOption('');
    await expect(page.getByText('2 problems in 2 rows.', { exact: false })).toBeVisible();
    await expect(problems).not.toContainText('sometime soon');
    const remapped = calls.slice(before);
    expect(remapped.map((c) => c.channel)).toEqual(['participants.importPreview']);
    expect(remapped[0]!.bytes).toBeLessThan(1000);
    // Without an email column nothing can be imported, and the screen says what is missing.
    await page.getByRole('combobox', { name: 'Email address' }).selectOption('');
    await expect(page.getByText('No column is mapped to Email.')).toBeVisible();
    await expect(importButton).toBeDisabled();
    await page.getByRole('combobox', { name: 'Email address' }).selectOption('email');
    await expect(page.getByText('2 problems in 2 rows.', { exact: false })).toBeVisible();

    // The corrected file imports: all rows at once.
    await page.getByLabel('Responses file').setInputFiles(good);
    await expect(facts).toContainText('Read asCSV text in Windows-1252, separated by semicolons (;)');
    await expect(page.getByText('No problems found: all 3 rows can be read.')).toBeVisible();
    await expect(sample.getByRole('row', { name: /Zoë Fry/ })).toContainText('Mentor (student)');
    await expect(importButton).toHaveText('Import 3 people');
    await expect(importButton).toBeEnabled();
    await expectAccessible(page, 'import ready');
    await keepScreenshot(page, 'imports-03-eoi-ready');
    await importButton.click();
    await expect(notice(page, 'Imported 3 people from responses.csv.')).toBeVisible();
    await expect(heading(page, 'Participants')).toBeVisible();
    await expect(page.getByText('Showing 3 of 3 people')).toBeVisible();
    await expect(page.getByRole('row', { name: /Zoë Fry/ })).toContainText('Interested');
    await expect(page.getByRole('row', { name: /Ben Carr/ })).toContainText('Mentee (staff)');
  } finally {
    files.remove();
  }
});

/* ---- expressions of interest: Microsoft Forms' workbook, cumulative ---------------------- */

test('a Microsoft Forms workbook: the form’s own questions mapped over Forms’ Name and Email, the next export’s registered people skipped or updated when ticked, the mapping kept for a renamed copy', async ({
  app: page,
  bridge,
}) => {
  const files = tempFiles();
  try {
    const pilotId = await newPilot(page, bridge.registry);
    const amara = ['Amara Nwosu', 'amara.nwosu@student.uni.example', 'Student', 'Law'];
    const helen = ['Helen Marsh', 'h.marsh@uni.example', 'Member of staff', 'Faculty of Arts'];
    const first = files.write('Expression of interest(1-2).xlsx', await formsWorkbook([amara, helen]));
    const cumulative = files.write(
      'Expression of interest(1-4).xlsx',
      await formsWorkbook([amara, ['Helen Marsh', 'h.marsh@uni.example', 'Member of staff', 'Registry'], ['Chen Li', 'chen.li@student.uni.example', 'Student', 'Physics'], ['Kim Ng', 'k.ng@uni.example', 'Staff', 'Estates']]),
    );

    await goTo(page, `/pilots/${pilotId}/participants/import`);
    await expect(heading(page, 'Import expressions of interest')).toBeVisible();
    await page.getByLabel('Responses file').setInputFiles(first);
    await expect(page.locator('.import-facts')).toContainText('Read asExcel workbook: sheet “Form1”');
    const mapping = page.getByRole('table', { name: 'Columns of the file, their first values, and what each is imported as' });
    // Forms' own Email column holds "anonymous", and its first values say so: the form's question is used instead.
    await expect(mapping.getByRole('row', { name: /^Email\b/ })).toContainText('anonymous');
    await expect(page.getByRole('combobox', { name: 'Email', exact: true })).toHaveValue('');
    await expect(page.getByRole('combobox', { name: 'Name', exact: true })).toHaveValue('');
    await expect(page.getByRole('combobox', { name: 'University email address' })).toHaveValue('email');
    await expect(page.getByRole('combobox', { name: 'Full name' })).toHaveValue('name');
    await expect(mapping.getByRole('row', { name: /^Start time/ })).toContainText('2026-10-02 09:30');
    await expectAccessible(page, 'import a Forms workbook');
    await keepScreenshot(page, 'imports-04-eoi-forms-workbook');
    await page.getByRole('button', { name: 'Import 2 people' }).click();
    await expect(notice(page, 'Imported 2 people from Expression of interest(1-2).xlsx.')).toBeVisible();

    // The next export holds everyone so far: Amara unchanged, Helen's department changed, two new people.
    await page.getByRole('button', { name: 'Import expressions of interest' }).click();
    await page.getByLabel('Responses file').setInputFiles(cumulative);
    await expect(page.getByText('This mapping was remembered from the last import into this pilot')).toBeVisible();
    const counts = page.locator('.import-counts');
    await expect(counts).toContainText('2 new people: added as interested');
    await expect(counts).toContainText('1 already registered, nothing different');
    await expect(counts).toContainText('1 already registered with different details');
    const changes = page.getByRole('table', { name: 'People already registered whose details the file changes' });
    await expect(changes.getByRole('row', { name: /Helen Marsh/ })).toContainText('Department: Faculty of Arts → becomes Registry');
    const importButton = page.getByRole('button', { name: /^(Import|Update) / });
    await expect(importButton).toHaveText('Import 2 people');
    await page.getByRole('checkbox', { name: 'Apply the changes to Helen Marsh' }).check();
    await expect(importButton).toHaveText('Import 2 people and update 1');
    await expectAccessible(page, 'import a cumulative export');
    await keepScreenshot(page, 'imports-05-eoi-cumulative');
    await importButton.click();
    await expect(notice(page, 'Imported 2 people from Expression of interest(1-4).xlsx; updated 1 person already registered, and left 1 person already registered as they were.')).toBeVisible();
    await expect(page.getByText('Showing 4 of 4 people')).toBeVisible();
    await expect(page.getByRole('row', { name: /Helen Marsh/ })).toContainText('Registry');

    // The same export again, renamed: the mapping is remembered by heading, and there is nothing left to do.
    await page.getByRole('button', { name: 'Import expressions of interest' }).click();
    await page.getByLabel('Responses file').setInputFiles(files.write('EOI copy for the panel.xlsx', await formsWorkbook([amara, helen])));
    await expect(page.getByText('This mapping was remembered from the last import into this pilot')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'University email address' })).toHaveValue('email');
    await expect(counts).toContainText('0 new people');
    await expect(importButton).toBeDisabled();
    await expect(page.getByText('Everyone in this file is already registered, and no change is ticked: there is nothing to import.')).toBeVisible();
  } finally {
    files.remove();
  }
});

/* ---- reflective logs ---------------------------------------------------------------------- */

const csv = (...lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');
const header = 'Timestamp,Email address,Which meeting?,Description,Feelings,Evaluation,Analysis,Conclusion,Action plan';

test('reflective logs from a form: every row error by line, a column unmapped and mapped again, a corrected file imported as submitted', async ({ app: page, bridge }) => {
  await createVault(page);
  const registry = bridge.registry;
  const pilot = await seed(registry, 'pilots.create', { name: 'Belonging 2026/27', startDate: isoDay(-60), endDate: isoDay(240), status: 'running' });
  const pilotId = pilot.id;
  await seed(registry, 'themes.create', { pilotId, theme: { title: 'Identity', iceBreakers: [] } });
  const person = (name: string, email: string, role: 'mentor' | 'mentee') => seed(registry, 'participants.create', { pilotId, participant: { name, email, role, availability: ['tue-am'] } });
  const bilal = await person('Bilal Khan', 'bilal@example.ac.uk', 'mentor');
  const david = await person('David Okafor', 'david@example.ac.uk', 'mentee');
  await readyToPair(registry, pilotId, [[bilal, david]]);
  const [pair] = await seed(registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: bilal.id, menteeId: david.id }] });
  const { meetings } = await seed(registry, 'meetings.forPair', { pairId: pair!.id });
  // Held today: a meeting cannot have been held before its pair was confirmed (today).
  await seed(registry, 'meetings.markHeld', { id: meetings[0]!.id, heldOn: isoDay(0), actualDurationMin: 50 });

  await goTo(page, `/pilots/${pilotId}/logs?tab=import`);
  await expect(page.getByRole('tab', { name: 'Import from a form' })).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(page, 'log import, no file');
  const fileInput = page.getByLabel('Responses file');
  await fileInput.setInputFiles({
    name: 'log-form.csv',
    mimeType: 'text/csv',
    buffer: csv(header, '2026-12-01,david@example.ac.uk,1,We walked the estate.,,,,,', '', '2026-12-01,nobody@example.ac.uk,1,Text,,,,,', '2026-12-01,bilal@example.ac.uk,1,,Fine,,,,'),
  });
  const result = page.getByRole('heading', { name: 'log-form.csv: 3 rows' });
  await expect(result).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Email address', exact: true })).toHaveValue('email');
  await expect(page.getByRole('combobox', { name: 'Which meeting?' })).toHaveValue('meeting');
  const problems = page.getByRole('table', { name: 'Every problem found, by row' });
  await expect(problems.getByRole('row')).toHaveText(['RowColumnProblem', '4Email addressnobody@example.ac.uk is not a participant of this pilot', '5DescriptionThe Description stage is empty']);
  await expect(page.getByRole('button', { name: 'Import 3 logs' })).toBeDisabled();
  await expectAccessible(page, 'log import with errors');
  await keepScreenshot(page, 'imports-06-logs-errors');

  // The mapping can be changed per column; a required field left unmapped is named, and focus stays on the column.
  const emailColumn = page.getByRole('combobox', { name: 'Email address', exact: true });
  await emailColumn.focus();
  await emailColumn.selectOption('');
  await expect(page.getByText('No column holds: Author’s email. Choose one for each above.')).toBeVisible();
  await expect(emailColumn).toBeFocused();
  await emailColumn.selectOption('email');
  await expect(page.getByText('No column holds')).toBeHidden();
  await expect(problems.getByRole('row')).toHaveCount(3);

  await fileInput.setInputFiles({
    name: 'log-form-fixed.csv',
    mimeType: 'text/csv',
    buffer: csv(header, '2026-12-01,david@example.ac.uk,1,We walked the estate.,Hopeful,,,,', '2026-12-01,bilal@example.ac.uk,Meeting 1,We talked about lab access after 6pm.,Fine,,,,Ask Estates'),
  });
  await expect(page.getByRole('heading', { name: 'log-form-fixed.csv: 2 rows' })).toBeVisible();
  await expect(page.getByText('All 2 rows can be imported.')).toBeVisible();
  await expectAccessible(page, 'log import ready');
  await keepScreenshot(page, 'imports-07-logs-ready');
  await page.getByRole('button', { name: 'Import 2 logs' }).click();
  await expect(notice(page, 'Imported 2 logs from log-form-fixed.csv. They count as submitted.')).toBeVisible();
  // Both logs of the held meeting are in: nobody owes one.
  await page.getByRole('tab', { name: 'Owed' }).click();
  await expect(page.getByRole('heading', { name: 'Nobody owes a log' })).toBeVisible();
});
