import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HandlerRegistry } from '../../electron/core';
import { toneWav } from '../../electron/core/demo/tone-wav';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, currentAcademicYear, goTo } from './fixtures';

/** A real WebM from Chromium's MediaRecorder (3.2 s tone): stored as a recorder would send it. */
const CHROMIUM_WEBM = readFileSync(fileURLToPath(new URL('../fixtures/audio/chromium-mediarecorder-3s.webm', import.meta.url)));

async function seedRecordableInterview(registry: HandlerRegistry) {
  const pilot = await seed(registry, 'pilots.create', { name: 'Voices 2026/27', ...currentAcademicYear() });
  const form = await seed(registry, 'consentForms.create', { pilotId: pilot.id, form: { version: '1', datedOn: pilot.startDate, text: 'Taking part in the pilot' } });
  const person = await seed(registry, 'participants.create', { pilotId: pilot.id, participant: { name: 'Adaeze Okafor', email: 'adaeze@uni.example', role: 'mentor' } });
  await seed(registry, 'consent.record', { participantId: person.id, formId: form.id, givenOn: pilot.startDate, choices: { takePart: true, researchUseOfLogs: true, audioRecording: true, directQuotes: true, archiving: true } });
  const robin = await seed(registry, 'interviews.addInterviewer', { name: 'Robin Example', email: 'robin@uni.example', passphrase: 'harbour violet cactus thimble' });
  await seed(registry, 'interviews.startGuide', { pilotId: pilot.id, audience: 'everyone' });
  const interview = await seed(registry, 'interviews.schedule', { pilotId: pilot.id, participantId: person.id, interviewerId: robin.id, scheduledOn: pilot.startDate, startsAt: '10:00', place: 'Room 2', onlineLink: '' });
  await seed(registry, 'interviews.checkConsent', { interviewId: interview.id });
  return { pilotId: pilot.id, interview };
}

test('a recorded WebM plays seekably from the encrypted store, a dictaphone WAV is imported, and a recording is deleted after confirming', async ({ app: page, bridge }) => {
  await createVault(page);
  const { pilotId, interview } = await seedRecordableInterview(bridge.registry);
  const { recordingId } = await seed(bridge.registry, 'recordings.begin', { interviewId: interview.id, mimeType: 'audio/webm;codecs=opus' });
  const question = (await seed(bridge.registry, 'interviews.detail', { interviewId: interview.id })).guide!.questions[1]!;
  await seed(bridge.registry, 'recordings.append', { recordingId, sequence: 0, bytesBase64: CHROMIUM_WEBM.subarray(0, 6000).toString('base64') });
  await seed(bridge.registry, 'recordings.mark', { recordingId, questionId: question.id, atMs: 2000 });
  await seed(bridge.registry, 'recordings.append', { recordingId, sequence: 1, bytesBase64: CHROMIUM_WEBM.subarray(6000).toString('base64') });
  await seed(bridge.registry, 'recordings.finish', { recordingId, durationMs: 3200 });

  await goTo(page, `/pilots/${pilotId}/interviews/${interview.id}`);
  await page.getByRole('button', { name: /^Listen to the recording made/ }).click();
  const recordings = page.getByRole('region', { name: 'Recordings of this interview' });
  const player = recordings.getByRole('group', { name: /Recording made .* player/ });
  await expect(player).toBeVisible();
  // Chromium reads the stream's duration and can seek: the WebM was given Duration and Cues.
  const audio = player.locator('audio');
  await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.duration)).toBeCloseTo(3.2, 1);
  await player.getByRole('button', { name: /^Go to 0:02: Question 2/ }).click();
  await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime)).toBeCloseTo(2, 0);
  await player.getByRole('button', { name: 'Back 5 s' }).click();
  await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime)).toBe(0);
  await expectAccessible(page, 'interview: recording player');
  await keepScreenshot(page, 'interview-recording-player');

  // A dictaphone file: imported whole, encrypted, listed.
  await page.getByLabel('Recording file').setInputFiles({ name: 'DICTAPHONE_0001.WAV', mimeType: 'audio/wav', buffer: Buffer.from(toneWav(4)) });
  await expect(page.getByRole('status').filter({ hasText: 'DICTAPHONE_0001.WAV was imported' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Imported \(DICTAPHONE_0001\.WAV\)/ })).toBeVisible();
  // Not audio: a clear refusal, nothing added.
  await page.getByLabel('Recording file').setInputFiles({ name: 'notes.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('typed notes, not audio') });
  await expect(page.getByText(/notes\.mp3 is not an audio file Reciprocal can import/)).toBeVisible();
  await expectAccessible(page, 'interview: import a recording');
  await keepScreenshot(page, 'interview-recording-import');

  // Delete the first recording, after confirming.
  await recordings.getByRole('button', { name: /^Delete the recording made/ }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete this recording?' });
  await expect(confirm).toBeVisible();
  await keepScreenshot(page, 'interview-recording-delete');
  await confirm.getByRole('button', { name: 'Delete recording' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('row', { name: /Recorded here/ })).toHaveCount(0);
  expect((await seed(bridge.registry, 'recordings.list', { interviewId: interview.id })).map((r) => r.source)).toEqual(['imported']);
});
