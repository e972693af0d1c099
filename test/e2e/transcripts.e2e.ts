import { test, expect, expectAccessible, keepScreenshot, createVault, seed, currentAcademicYear, goTo } from './fixtures';
import { TranscriptScreen } from './pages/transcripts';

const TEAMS_VTT = `WEBVTT

1
00:00:03.000 --> 00:00:06.000
<v Robin Example>What changed for you?</v>

2
00:00:07.500 --> 00:00:15.000
<v Adaeze Okafor>My mentee now books the Teams rooms herself and I learnt TikTok.</v>
`;

test('a transcript is typed with a time stamp, imported from Teams WebVTT, coded, and the excerpt appears on the code’s page', async ({ app: page, bridge }) => {
  await createVault(page);
  const { registry } = bridge;
  const pilot = await seed(registry, 'pilots.create', { name: 'Voices 2026/27', ...currentAcademicYear() });
  const form = await seed(registry, 'consentForms.create', { pilotId: pilot.id, form: { version: '1', datedOn: pilot.startDate, text: 'Taking part in the pilot' } });
  const person = await seed(registry, 'participants.create', { pilotId: pilot.id, participant: { name: 'Adaeze Okafor', email: 'adaeze@uni.example', role: 'mentor' } });
  await seed(registry, 'consent.record', { participantId: person.id, formId: form.id, givenOn: pilot.startDate, choices: { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: true, archiving: false } });
  const robin = await seed(registry, 'interviews.addInterviewer', { name: 'Robin Example', email: 'robin@uni.example', passphrase: 'harbour violet cactus thimble' });
  const interview = await seed(registry, 'interviews.schedule', { pilotId: pilot.id, participantId: person.id, interviewerId: robin.id, scheduledOn: `${currentAcademicYear().endDate.slice(0, 4)}-06-10`, startsAt: '14:30', place: 'Room 2.14', onlineLink: '' });
  await seed(registry, 'interviews.checkConsent', { interviewId: interview.id });

  // The codebook, empty first: add a code of our own.
  await goTo(page, `/pilots/${pilot.id}/interviews/codebook`);
  await expect(page.getByRole('heading', { name: 'Codebook', level: 1 })).toBeVisible();
  await expect(page.getByText('No codes yet')).toBeVisible();
  await page.getByRole('button', { name: 'Add a code' }).click();
  const add = page.getByRole('dialog', { name: 'Add a code' });
  await add.getByLabel('Name').fill('Digital confidence');
  await add.getByLabel('Description').fill('New tools, learnt both ways');
  await add.getByRole('button', { name: 'Add code' }).click();
  await expect(add).toBeHidden();
  await expect(page.getByRole('row', { name: /Digital confidence/ })).toContainText('0');

  // Typed, with a time stamp, saved as typed.
  await goTo(page, `/pilots/${pilot.id}/interviews/${interview.id}`);
  const transcript = new TranscriptScreen(page);
  await transcript.type('[00:00:01] Robin: Welcome back.');
  await expect(page.getByText('Welcome back.', { exact: false }).last()).toBeVisible();

  // Imported from Teams, after confirming the replacement.
  await transcript.importFile('Closing interview.vtt', TEAMS_VTT, { replacing: true });
  await expect(transcript.text).toHaveValue('[00:00:03] Robin Example: What changed for you?\n[00:00:07] Adaeze Okafor: My mentee now books the Teams rooms herself and I learnt TikTok.');

  // A broken file is refused, naming the line, and the text stays.
  await transcript.importFile('broken.vtt', 'WEBVTT\n\n00:00:03 -> 00:00:06\nHi\n', { replacing: true, refused: true });
  await expect(page.getByText(/broken\.vtt could not be imported\. Line 3:/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(transcript.text).toHaveValue(/I learnt TikTok\.$/);

  await transcript.codeWords('I learnt TikTok', 'Digital confidence', 'Reverse learning (test)');
  const excerpts = page.getByRole('list', { name: 'Coded excerpts' });
  await expect(excerpts).toContainText('I learnt TikTok');
  await expect(excerpts).toContainText('Memo: Reverse learning (test)');
  await expect(page.locator('mark.coded-text')).toHaveText(/I learnt TikTok/);
  await expectAccessible(page, 'transcript: typed, imported and coded');
  await keepScreenshot(page, 'transcript-coded');

  // The code's page: the excerpt with the person and their consent to direct quotes.
  await page.getByRole('link', { name: 'Open the codebook' }).click();
  await expect(page.getByRole('row', { name: /Digital confidence/ })).toContainText('1');
  await expectAccessible(page, 'codebook');
  await keepScreenshot(page, 'codebook');
  await page.getByRole('link', { name: 'Digital confidence' }).click();
  await expect(page.getByRole('heading', { name: 'Digital confidence', level: 1 })).toBeVisible();
  const row = page.getByRole('row', { name: /Adaeze Okafor/ });
  await expect(row).toContainText('I learnt TikTok');
  await expect(row).toContainText('✓ May be quoted');
  await expectAccessible(page, 'code page');
  await keepScreenshot(page, 'code-excerpts');
});
