import type { HandlerRegistry } from '../../electron/core';
import { fillDemo } from '../../electron/core/demo/demo';
import { DemoClock } from '../../electron/core/demo/clock';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, isoDay, notice, tabTo } from './fixtures';
import { SurveysScreen } from './pages/surveys';

test.describe.configure({ mode: 'parallel' });

/** A running pilot: eight students and six staff who consented to take part and to research use (one student did not agree to research use). */
async function seedPeople(registry: HandlerRegistry) {
  const pilot = await seed(registry, 'pilots.create', { name: 'Belonging 2026/27', startDate: isoDay(-90), endDate: isoDay(200), status: 'running' });
  const pilotId = pilot.id;
  const form = await seed(registry, 'consentForms.create', { pilotId, form: { version: '1.0', datedOn: isoDay(-80), text: 'Consent (test).' } });
  const people: { id: number; name: string; email: string; role: 'mentor' | 'mentee' }[] = [];
  const names = {
    mentor: ['Amara Nwosu', 'Tom Becker', 'Sofia Rossi', 'Kwame Mensah', 'Lena Fischer', 'Jamal Ahmed', 'Priya Shah', 'Bilal Khan'],
    mentee: ['Helen Marsh', 'David Okafor', 'Priya Raman', 'Simon Clarke', 'Margaret Lee', 'Robert Hughes'],
  };
  for (const role of ['mentor', 'mentee'] as const) {
    for (const name of names[role]) {
      const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.ac.uk`;
      const p = await seed(registry, 'participants.create', { pilotId, participant: { name, email, role } });
      await seed(registry, 'consent.record', {
        participantId: p.id,
        formId: form.id,
        givenOn: isoDay(-70),
        choices: { takePart: true, researchUseOfLogs: name !== 'Bilal Khan', audioRecording: false, directQuotes: false, archiving: true },
      });
      people.push({ id: p.id, name, email, role });
    }
  }
  return { pilotId, people };
}

async function seedWaves(registry: HandlerRegistry, pilotId: number) {
  const instrument = await seed(registry, 'surveys.createInstrument', { pilotId, title: 'Belonging and understanding', template: 'scheme' });
  const pre = await seed(registry, 'surveys.createWave', { pilotId, wave: { instrumentId: instrument.id, kind: 'pre', title: 'Before pairing', audience: 'both', opensOn: isoDay(-60), closesOn: isoDay(-50) } });
  const post = await seed(registry, 'surveys.createWave', { pilotId, wave: { instrumentId: instrument.id, kind: 'post', title: 'After the meetings', audience: 'both', opensOn: isoDay(-5), closesOn: isoDay(10) } });
  return { instrument, pre, post };
}

test('building a questionnaire from the template: add a statement, reverse-scored, and see the items in order', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId } = await seedPeople(bridge.registry);
  const surveys = new SurveysScreen(page);
  await surveys.open(pilotId);
  await expect(surveys.heading).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No questionnaire yet' })).toBeVisible();
  await expectAccessible(page, 'surveys, no questionnaire');
  await keepScreenshot(page, 'surveys-01-empty');

  await page.getByRole('button', { name: 'New questionnaire' }).click();
  const create = surveys.dialog('New questionnaire');
  await expect(create.getByLabel('Start from')).toHaveValue('scheme');
  await create.getByRole('button', { name: 'Create questionnaire' }).click();
  await expect(page.getByRole('heading', { name: 'Belonging and understanding', level: 2 })).toBeVisible();
  await expect(surveys.items.getByRole('row')).toHaveCount(10); // header + 9 template items
  await expect(surveys.items.getByRole('row').nth(1)).toContainText('I feel I belong at this university');

  // A new statement, asked of staff, reverse-scored — by keyboard.
  await tabTo(page, page.getByRole('button', { name: 'Add an item' }));
  await page.keyboard.press('Enter');
  const add = surveys.dialog('Add an item');
  await add.getByLabel('Question').fill('I avoid conversations about race with students');
  await add.getByLabel('Asked of').selectOption('mentees');
  await add.getByLabel('Reverse-scored').check();
  await expect(add.getByRole('textbox', { name: 'Point 5' })).toHaveValue('Strongly agree');
  await expectAccessible(page, 'surveys, add an item');
  await keepScreenshot(page, 'surveys-02-add-item');
  await add.getByRole('button', { name: 'Add item' }).click();
  await expect(notice(page, 'Item saved.')).toBeVisible();
  const added = surveys.items.getByRole('row', { name: /I avoid conversations about race/ });
  await expect(added).toContainText('Reverse-scored');
  await expect(added).toContainText('Mentees (staff)');

  // Moved up one place; a choice with too few options is refused with the main process's words.
  await page.getByRole('button', { name: 'Move item 10 up' }).click();
  await expect(surveys.items.getByRole('row').nth(9)).toContainText('I avoid conversations about race');
  await page.getByRole('button', { name: 'Add an item' }).click();
  await add.getByLabel('Kind of item').selectOption('choice');
  await add.getByLabel('Question').fill('Where did most meetings take place?');
  await add.getByRole('textbox', { name: 'Choice 1' }).fill('On campus');
  await add.getByRole('button', { name: 'Add item' }).click();
  await expect(add.getByText('Label is required')).toBeVisible();
  await add.getByRole('textbox', { name: 'Choice 2' }).fill('Online');
  await add.getByRole('button', { name: 'Add item' }).click();
  await expect(surveys.items.getByRole('row')).toHaveCount(12);
  await expectAccessible(page, 'surveys, questionnaire');
  await keepScreenshot(page, 'surveys-03-questionnaire');

  // A wave that uses it.
  await surveys.tab('Waves').click();
  await page.getByRole('button', { name: 'Add a wave' }).click();
  const wave = surveys.dialog('Add a wave');
  await wave.getByLabel('Title').fill('Before pairing');
  await wave.getByRole('button', { name: 'Add wave' }).click();
  await expect(surveys.waves.getByRole('row', { name: /Before pairing/ })).toContainText('0 of 14');
  await expectAccessible(page, 'surveys, waves');
  await keepScreenshot(page, 'surveys-04-waves');
});

test('importing responses from a forms export: the mapping by question text, row errors, then every row', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId, people } = await seedPeople(bridge.registry);
  const { post } = await seedWaves(bridge.registry, pilotId);
  const surveys = new SurveysScreen(page);
  await surveys.open(pilotId, 'import', `&wave=${post.id}`);
  await expect(surveys.tab('Import from a form')).toHaveAttribute('aria-selected', 'true');
  const students = people.filter((p) => p.role === 'mentor');
  const header = 'ID,Completion time,Email,Your email,I feel I belong at this university,Staff understand students like me';
  const rows = (emails: string[], first: string) => emails.map((email, i) => `${i + 1},2026-11-02 09:0${i},anonymous,${email},${i === 0 ? first : 'Agree'},  strongly agree `);
  const bad = [header, ...rows([students[0]!.email, 'stranger@example.ac.uk'], 'Somewhat')].join('\n');
  await page.getByLabel('Responses file').setInputFiles({ name: 'After the meetings.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  const mapping = page.getByRole('table', { name: 'Columns of the file, their first values, and what each is imported as' });
  await expect(mapping.getByRole('row', { name: /^Your email/ }).getByRole('combobox')).toHaveValue('respondent');
  await expect(mapping.getByRole('row', { name: /^Email/ }).getByRole('combobox')).toHaveValue('');
  await expect(page.getByText('2 problems in 2 rows.', { exact: false })).toBeVisible();
  const problems = page.getByRole('table', { name: 'Every problem found, by row' });
  await expect(problems.getByRole('row', { name: /^2/ })).toContainText('“Somewhat” is not one of 1 “Strongly disagree”');
  await expect(problems.getByRole('row', { name: /^3/ })).toContainText('stranger@example.ac.uk is not the email of a participant of this pilot');
  await expect(page.getByRole('button', { name: 'Import' })).toBeDisabled();
  await expectAccessible(page, 'surveys, import with problems');
  await keepScreenshot(page, 'surveys-05-import-problems');

  const good = [header, ...rows(students.slice(0, 6).map((s) => s.email), 'Strongly agree')].join('\n');
  await page.getByLabel('Responses file').setInputFiles({ name: 'After the meetings.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await expect(page.getByText('6 responses can be imported.')).toBeVisible();
  await page.getByRole('button', { name: 'Import 6 responses' }).click();
  await expect(notice(page, 'Imported 6 responses into After the meetings from After the meetings.csv.')).toBeVisible();

  // The responses tab shows who answered; one more person's answers entered by hand.
  await surveys.tab('Responses').click();
  await expect(page.getByText('6 of 14 people have answered so far.')).toBeVisible();
  await expect(surveys.people.getByRole('row', { name: /^Amara Nwosu/ })).toContainText('Imported');
  await page.getByRole('button', { name: 'Enter answers: Helen Marsh' }).click();
  const entry = surveys.dialog('Helen Marsh’s answers');
  await entry.getByRole('group', { name: /I understand the challenges/ }).getByLabel('Agree', { exact: true }).check();
  await expectAccessible(page, 'surveys, enter answers');
  await keepScreenshot(page, 'surveys-06-enter-answers');
  await entry.getByRole('button', { name: 'Save answers' }).click();
  await expect(notice(page, 'Helen Marsh’s answers saved.')).toBeVisible();
  await expect(page.getByText('7 of 14 people have answered so far.')).toBeVisible();
  await expectAccessible(page, 'surveys, responses');
  await keepScreenshot(page, 'surveys-07-responses');
});

test('reading the analysis: who is counted, the medians by role, each item with its test, chart and table', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId, people } = await seedPeople(bridge.registry);
  const { instrument, pre, post } = await seedWaves(bridge.registry, pilotId);
  const item = (text: string) => instrument.items.find((i) => i.text.startsWith(text))!.id;
  const belongBefore = [2, 2, 3, 1, 3, 2, 2, 3];
  const belongAfter = [4, 3, 4, 3, 3, 4, 2, 4];
  for (const [i, p] of people.entries()) {
    const student = p.role === 'mentor';
    const k = student ? i : i - 8;
    if (!student && k === 5) continue; // Robert Hughes answered only before (below)
    const before = student ? [{ itemId: item('I feel I belong'), score: belongBefore[k]! }] : [{ itemId: item('I understand the challenges'), score: 3 }, { itemId: item('I find it hard'), score: 4 }];
    const after = student
      ? [{ itemId: item('I feel I belong'), score: belongAfter[k]! }, { itemId: item('What, if anything'), text: k === 0 ? 'I speak up in seminars now.' : '' }]
      : [{ itemId: item('I understand the challenges'), score: 4 }, { itemId: item('I find it hard'), score: k % 2 ? 2 : 3 }];
    await seed(bridge.registry, 'surveys.saveResponse', { waveId: pre.id, participantId: p.id, answers: before });
    await seed(bridge.registry, 'surveys.saveResponse', { waveId: post.id, participantId: p.id, answers: after });
  }
  const robert = people.find((p) => p.name === 'Robert Hughes')!;
  await seed(bridge.registry, 'surveys.saveResponse', { waveId: pre.id, participantId: robert.id, answers: [{ itemId: item('I understand the challenges'), score: 2 }] });

  const surveys = new SurveysScreen(page);
  await surveys.open(pilotId, 'analysis');
  await expect(page.getByLabel('Compare')).toHaveValue(String(pre.id));
  const who = page.getByRole('region', { name: 'Who is counted' });
  await expect(who).toContainText('12 people answered both Before pairing and After the meetings and agreed to research use');
  await expect(who).toContainText('1 person without consent to research use');
  await expect(who).toContainText('1 person who answered only one of the two waves');

  const belong = surveys.itemResult('I feel I belong at this university');
  // Bilal Khan did not agree to research use: 7 students counted, 5 higher, 2 the same (small, hidden, so the 5 is too).
  const students = surveys.resultRow(belong, 'Mentors \\(students\\)');
  await expect(students).toContainText('7');
  await expect(students).toContainText('2 → 3');
  await expect(students).toContainText('fewer than 5');
  await expect(students).toContainText('not shown*');
  await expect(students).toContainText('p = 0.063');
  await expect(students).toContainText('exact');
  await expect(belong.getByText('Not shown so that a group of fewer than 5 cannot be worked out')).toBeVisible();
  const chart = belong.getByRole('figure', { name: /answers before and after/ });
  await expect(chart.getByRole('img', { name: /answers before and after/ })).toBeVisible();
  await chart.getByRole('button', { name: 'Show the numbers as a table' }).click();
  await expect(chart.getByRole('table', { name: /how many chose each point/ }).getByRole('row', { name: /^After/ })).toContainText('fewer than 5');
  await expect(chart.getByRole('button', { name: 'Hide the table' })).toHaveAttribute('aria-expanded', 'true');

  const hard = surveys.itemResult('I find it hard to talk with students about inclusion');
  await expect(hard).toContainText('Reverse-scored');
  // Flipped: "agree" (4) that it is hard becomes 2; all five staff found it less hard after.
  await expect(surveys.resultRow(hard, 'Mentees \\(staff\\)')).toContainText('2 → 3');
  await expect(page.getByRole('figure', { name: 'Median answer before and after, by item and group (higher is more favourable)' })).toBeVisible();
  await expectAccessible(page, 'surveys, analysis');
  await keepScreenshot(page, 'surveys-08-analysis');

  // Raising the threshold to 8 hides the students' group: fewer than 8, no statistic.
  await page.getByRole('spinbutton', { name: 'Smallest group shown' }).fill('8');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(notice(page, 'Groups smaller than 8 are now kept from view.')).toBeVisible();
  await expect(surveys.resultRow(belong, 'Mentors \\(students\\)')).toContainText('fewer than 8');
  await expect(belong.getByText(/^Fewer than 8 people answered this item/)).toBeVisible();

  await surveys.tab('Free text').click();
  const text = page.getByRole('table', { name: 'Written answers in After the meetings' });
  await expect(text.getByRole('row')).toHaveCount(2);
  await expect(text).toContainText('I speak up in seminars now.');
  await expect(text).not.toContainText('Amara');
  await expect(text.getByRole('row').nth(1)).toContainText(/P-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  await expectAccessible(page, 'surveys, free text');
  await keepScreenshot(page, 'surveys-09-free-text');
});

test('the demo’s surveys: a mixed effect, charts with numbers, and the same numbers as tables', async ({ app: page, bridge }) => {
  await createVault(page);
  await fillDemo(bridge.registry, { seed: 1, participants: 60, clock: new DemoClock(isoDay(0)) });
  const pilot = (await seed(bridge.registry, 'pilots.list', {})).find((p) => p.status === 'running')!;
  const surveys = new SurveysScreen(page);
  await surveys.open(pilot.id, 'analysis');
  const who = page.getByRole('region', { name: 'Who is counted' });
  await expect(who).toContainText('who answered only one of the two waves');
  const confident = surveys.itemResult('I feel confident speaking to senior staff');
  await expect(confident.getByRole('figure', { name: /answers before and after/ })).toBeVisible();
  const voice = surveys.itemResult('I feel my voice can change how the university works');
  await expect(surveys.resultRow(voice, 'Mentors \\(students\\)')).toContainText(/negligible|small/);
  await expectAccessible(page, 'surveys, demo analysis');
  await keepScreenshot(page, 'surveys-10-demo-analysis');
  await surveys.tab('Waves').click();
  await expect(surveys.waves.getByRole('row', { name: /After the meetings \(demo\)/ })).toContainText('Open');
  await keepScreenshot(page, 'surveys-11-demo-waves');
});
