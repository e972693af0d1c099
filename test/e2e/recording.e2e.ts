import type { Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HandlerRegistry } from '../../electron/core';
import config from './playwright.config';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, currentAcademicYear, goTo, PASSPHRASE } from './fixtures';
import { Frame } from './pages/frame';
import { writeToneWav } from './fake-microphone';
import { RecordingPanel } from './pages/recording';

/*
 * Chromium's fake microphone plays a WAV of tones made here; its flags apply to the browser launch,
 * so this file launches its own browser (test.use launchOptions) and no other file is slowed.
 */
const wav = writeToneWav(mkdtempSync(join(tmpdir(), 'reciprocal-fake-mic-')));
const baseLaunch = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...baseLaunch,
    args: [...(baseLaunch.args ?? []), '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-audio-capture=${wav}`, '--autoplay-policy=no-user-gesture-required'],
  },
});

/** A pilot with one person who consented to audio recording, an interviewer, the guide and an interview. */
async function seedInterview(registry: HandlerRegistry, { audio }: { audio: boolean }) {
  const pilot = await seed(registry, 'pilots.create', { name: 'Voices 2026/27', ...currentAcademicYear() });
  const pilotId = pilot.id;
  const form = await seed(registry, 'consentForms.create', { pilotId, form: { version: '1', datedOn: pilot.startDate, text: 'Taking part in the pilot' } });
  const person = await seed(registry, 'participants.create', { pilotId, participant: { name: 'Adaeze Okafor', email: 'adaeze@uni.example', role: 'mentor' } });
  await seed(registry, 'consent.record', { participantId: person.id, formId: form.id, givenOn: pilot.startDate, choices: { takePart: true, researchUseOfLogs: true, audioRecording: audio, directQuotes: true, archiving: false } });
  const robin = await seed(registry, 'interviews.addInterviewer', { name: 'Robin Example', email: 'robin@uni.example', passphrase: 'harbour violet cactus thimble' });
  await seed(registry, 'interviews.startGuide', { pilotId, audience: 'everyone' });
  const when = { scheduledOn: `${currentAcademicYear().endDate.slice(0, 4)}-06-10`, startsAt: '14:30', place: 'Room 2.14, Library', onlineLink: '' };
  const interview = await seed(registry, 'interviews.schedule', { pilotId, participantId: person.id, interviewerId: robin.id, ...when });
  return { pilotId, interviewId: interview.id };
}

test('an interview is recorded with the fake microphone: pause, resume, a marker, stop, listed with its length', async ({ app: page, bridge }) => {
  test.setTimeout(120_000);
  await createVault(page);
  const { pilotId, interviewId } = await seedInterview(bridge.registry, { audio: true });
  await goTo(page, `/pilots/${pilotId}/interviews/${interviewId}`);
  const panel = new RecordingPanel(page);
  await expect(panel.section).toContainText('Check the consents with Adaeze Okafor first');
  await expect(panel.start).toHaveCount(0);
  await page.getByRole('button', { name: 'I have checked these consents with Adaeze Okafor' }).click();

  await panel.start.click();
  await expect(panel.state).toHaveText('Recording');
  // The tones reach the meter: it moves above zero.
  await expect.poll(async () => Number(await panel.meter.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await panel.markQuestion(1).click();
  await expect(panel.section.getByText(/marked at \d:\d\d/)).toBeVisible();
  await panel.waitForSeconds(4);
  await expectAccessible(page, 'interview: recording');
  await keepScreenshot(page, 'recording-in-progress');

  await panel.pause.click();
  await expect(panel.state).toHaveText('Paused');
  const atPause = await panel.elapsedSeconds();
  await page.waitForTimeout(1500); // paused time must not count
  expect(await panel.elapsedSeconds()).toBe(atPause);
  await panel.resume.click();
  await expect(panel.state).toHaveText('Recording');
  await panel.waitForSeconds(8);
  await panel.stop.click();
  await expect(panel.state).toHaveText('Recording saved');
  await expect(panel.section.getByText(/All \d+ parts? saved in the vault/)).toBeVisible();
  const length = await panel.elapsed.innerText();

  const list = page.getByRole('table', { name: 'Recordings of this interview' });
  const row = list.getByRole('row').nth(1);
  await expect(row).toContainText('Complete');
  await expect(row.getByRole('cell').first()).toHaveText(length); // the length the clock showed, paused time left out
  await expect(row.getByRole('cell').nth(3)).toHaveText('1'); // questions marked (the first column is the row's header)

  // Played back from the vault, streamed by the main process.
  await row.getByRole('button', { name: /^Listen to the recording/ }).click();
  const player = page.getByRole('region', { name: 'Recordings of this interview' }).getByRole('group', { name: /^Recording made .* player$/ });
  await player.getByRole('button', { name: 'Play' }).click();
  await expect(player.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => player.locator('audio').evaluate((audio: HTMLAudioElement) => audio.currentTime)).toBeGreaterThan(0.5);
  await expectAccessible(page, 'interview: recording saved and playing');
  await keepScreenshot(page, 'recording-saved');

  // What the main process stored is the recording: Opus in WebM, made seekable, with the marker.
  const [stored] = await seed(bridge.registry, 'recordings.list', { interviewId });
  expect(stored).toMatchObject({ status: 'complete', source: 'recorded', mimeType: expect.stringMatching(/^audio\/webm/) });
  expect(stored!.durationMs).toBeGreaterThanOrEqual(8000);
  expect(stored!.markers.map((m) => m.questionId)).toHaveLength(1);
});

/** A new vault with an interview whose person consented to audio, opened, consent checked, recording started. */
async function startRecording(page: Page, registry: HandlerRegistry) {
  await createVault(page);
  const { pilotId, interviewId } = await seedInterview(registry, { audio: true });
  await goTo(page, `/pilots/${pilotId}/interviews/${interviewId}`);
  const panel = new RecordingPanel(page);
  await page.getByRole('button', { name: 'I have checked these consents with Adaeze Okafor' }).click();
  await panel.start.click();
  return { pilotId, interviewId, panel };
}

test('leaving the interview while recording asks first, and locking stops and saves the recording', async ({ app: page, bridge }) => {
  test.setTimeout(120_000);
  const { interviewId, panel } = await startRecording(page, bridge.registry);
  await panel.waitForSeconds(2);

  await page.getByRole('link', { name: '← Closing interviews' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Stop the recording and leave?' });
  await expect(ask).toBeVisible();
  await expectAccessible(page, 'interview: leave while recording');
  await ask.getByRole('button', { name: 'Stay and keep recording' }).click();
  await expect(ask).toBeHidden();
  await expect(panel.state).toHaveText('Recording');
  await panel.waitForSeconds(3);

  // Lock: the recorder stops, its last chunk goes in, the recording is finished, then the vault locks.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible();
  const unlocked = await bridge.registry.call('vault.unlock', { passphrase: PASSPHRASE });
  expect(unlocked.ok).toBe(true);
  const [kept] = await seed(bridge.registry, 'recordings.list', { interviewId });
  expect(kept).toMatchObject({ status: 'complete' });
  expect(kept!.durationMs).toBeGreaterThanOrEqual(3000);
});

test('a recording cut off by a lock the page could not prepare for is offered after unlock, and kept', async ({ app: page, bridge }) => {
  test.setTimeout(120_000);
  const { pilotId, interviewId, panel } = await startRecording(page, bridge.registry);
  await expect(panel.section.getByText(/All 1 part saved in the vault/)).toBeVisible({ timeout: 20_000 });
  // As if the app died: the vault locks without the page being asked to save first.
  expect((await bridge.registry.call('vault.lock', {})).ok).toBe(true);
  await expect(page.getByRole('heading', { name: 'Unlock Reciprocal' })).toBeVisible({ timeout: 20_000 });
  await new Frame(page).unlock();
  await goTo(page, `/pilots/${pilotId}/interviews/${interviewId}`);
  const offer = page.getByRole('region', { name: 'Interrupted recording' });
  await expect(offer).toContainText(/saved in 1 part/);
  await expectAccessible(page, 'interview: interrupted recording offered');
  await keepScreenshot(page, 'recording-interrupted-offer');
  await offer.getByRole('button', { name: 'Keep this recording' }).click();
  await expect(offer).toBeHidden();
  await expect(page.getByRole('table', { name: 'Recordings of this interview' }).getByRole('row').nth(1)).toContainText('Complete');
});

test('without consent to audio recording the panel says why and offers no recording', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId, interviewId } = await seedInterview(bridge.registry, { audio: false });
  await goTo(page, `/pilots/${pilotId}/interviews/${interviewId}`);
  await page.getByRole('button', { name: 'I have checked these consents with Adaeze Okafor' }).click();
  const panel = new RecordingPanel(page);
  await expect(panel.section).toContainText('Adaeze Okafor has not consented to audio recording, so this interview cannot be recorded');
  await expect(panel.start).toHaveCount(0);
  await expectAccessible(page, 'interview: no audio consent');
});
