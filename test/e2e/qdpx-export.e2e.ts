import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { test, expect, expectAccessible, keepScreenshot, createVault, seed, goTo, notice } from './fixtures';
import { seedMeetingsPilot, seedPairs } from './worlds/meetings';

test('the .qdpx export on the research export screen: what goes out, then one pseudonymised file', async ({ app: page, bridge }) => {
  await createVault(page);
  const pilotId = await seedMeetingsPilot(bridge.registry);
  const world = await seedPairs(bridge.registry, pilotId);
  // Amara's consent now covers direct quotes (the world's consent does not): her transcript may go out.
  const form = (await seed(bridge.registry, 'plan.get', { pilotId })).consentForms[0]!;
  await seed(bridge.registry, 'consent.record', { participantId: world.amara.id, formId: form.id, givenOn: '2026-12-01', choices: { takePart: true, researchUseOfLogs: true, audioRecording: true, directQuotes: true, archiving: true } });
  const robin = await seed(bridge.registry, 'interviews.addInterviewer', { name: 'Robin Example', email: 'robin.interviewer@example.ac.uk', passphrase: 'harbour violet cactus thimble' });
  const interview = await seed(bridge.registry, 'interviews.schedule', { pilotId, participantId: world.amara.id, interviewerId: robin.id, scheduledOn: '2027-06-10', startsAt: '14:00', place: 'Room 2.14', onlineLink: '' });
  await seed(bridge.registry, 'interviews.checkConsent', { interviewId: interview.id });
  const body = '[00:00:05] Amara: Helen learnt TikTok from me 🙂.\n';
  await seed(bridge.registry, 'transcripts.save', { interviewId: interview.id, baseVersion: 0, body });
  const code = await seed(bridge.registry, 'codebook.create', { pilotId, name: 'Reverse learning', colour: '#9fd0f0', description: '' });
  await seed(bridge.registry, 'coding.apply', { interviewId: interview.id, start: 18, end: 37, codeIds: [code.id], memo: '' });

  await goTo(page, `/pilots/${pilotId}`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Research export' }).click();
  const card = page.getByRole('region', { name: 'Closing interviews for NVivo, ATLAS.ti or MAXQDA' });
  await expect(card).toContainText('1 person · 1 transcript · 1 coding · 0 recordings');
  await expect(card.getByRole('checkbox', { name: /Include recordings/ })).toBeChecked();
  await card.scrollIntoViewIfNeeded();
  await expectAccessible(page, 'qdpx export');
  await keepScreenshot(page, 'qdpx-export-01-before');

  await card.getByRole('button', { name: 'Export .qdpx…' }).click();
  await expect(notice(page, /Wrote closing-interviews-pilot-\d+-[\d-]+\.qdpx/)).toBeVisible();
  await expect(card.getByRole('status')).toContainText('SHA-256');
  await expectAccessible(page, 'qdpx export, written');
  await keepScreenshot(page, 'qdpx-export-02-written');

  const files = readdirSync(bridge.exportDir).filter((f) => f.endsWith('.qdpx'));
  expect(files).toHaveLength(1);
  const unzipped = unzipSync(readFileSync(join(bridge.exportDir, files[0]!)));
  const everything = Object.values(unzipped).map((data) => strFromU8(data)).join('\n');
  expect(everything).toContain('learnt TikTok from me');
  for (const name of ['Amara', 'Helen', 'Nwosu', 'Marsh', 'Robin']) expect(everything, `the .qdpx holds ${name}`).not.toContain(name);
});
