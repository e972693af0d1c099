import { beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PASSPHRASE, expectOk, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import type { Pilot } from '../../shared/pilots/contract';
import { ok } from '../helpers/pilot';
import { pilotWithPair } from '../helpers/pairs';

let dir: string;
beforeEach(inTempDir((d) => (dir = d), 'reciprocal-canary-'));

/**
 * Every readable regular file below `root` (skipping other users' unreadable folders and huge files),
 * or only those modified since `since`: the canary is random and made when the test starts, so an
 * older file cannot hold it. That keeps the OS temp folder's scan short on a machine whose temp
 * folder holds a whole checkout with its node_modules (CI clones there).
 */
function* filesUnder(root: string, since = 0): Generator<string> {
  let entries: Dirent[];
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path, since);
    else if (entry.isFile()) {
      try {
        const stats = statSync(path);
        if (stats.size < 256 * 1024 * 1024 && stats.mtimeMs >= since) yield path;
      } catch {
        /* vanished while walking */
      }
    }
  }
}

function filesContaining(root: string, needles: Buffer[], since = 0): string[] {
  const hits: string[] = [];
  for (const path of filesUnder(root, since)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      continue;
    }
    if (needles.some((needle) => bytes.includes(needle))) hits.push(path);
  }
  return hits;
}

describe('plaintext canary', () => {
  it('a string written through the handlers appears nowhere on disk in clear, while open or after locking', async () => {
    // A second of slack for file systems that store coarse modification times.
    const testStart = Date.now() - 1000;
    const canary = `CANARY-${randomBytes(8).toString('hex')}`;
    const needles = [Buffer.from(canary, 'utf8'), Buffer.from(canary, 'utf16le')];
    const { registry, session, vaultDir } = await unlockedCore(dir);

    const pilot = expectOk(await registry.invoke('pilots.create', { name: `${canary} pilot`, purpose: `Purpose ${canary}`, startDate: '2026-10-01', endDate: '2027-06-30' })) as Pilot;
    expectOk(await registry.invoke('pilots.update', { id: pilot.id, changes: { purpose: `Changed ${canary} ${'long text '.repeat(300)}` } }));
    // Enough writes to spread the canary over many WAL frames and pages (about 250 KB of rows).
    for (let i = 0; i < 200; i++) expectOk(await registry.invoke('pilots.create', { name: `${canary} ${i}`, purpose: canary.repeat(50), startDate: '2026-10-01', endDate: '2027-06-30' }));
    // And a sort bigger than the page cache: pilots.list sorts on an unindexed column, and with the
    // cache cut from 64 MiB to 64 KiB its rows no longer fit. SQLite would spill such a sort to a
    // temp file; temp_store=MEMORY keeps it in memory instead. (SQLite unlinks its temp files as it
    // opens them, so the temp-folder scan below catches files left by anything else; the guard
    // against SQLite's own is temp_store, checked here and in vault.test.ts.)
    session.db.pragma('cache_size=-64');
    expect(session.db.pragma('temp_store', { simple: true })).toBe(2);
    expect((expectOk(await registry.invoke('pilots.list', {})) as Pilot[]).length).toBe(201);

    expect(filesContaining(vaultDir, needles), 'vault folder while unlocked (database + WAL)').toEqual([]);
    expectOk(await registry.invoke('vault.lock', {}));
    expect(filesContaining(vaultDir, needles), 'vault folder after locking').toEqual([]);
    expect(filesContaining(tmpdir(), needles, testStart), 'the OS temp folder').toEqual([]);

    // The test can find the canary where it is in clear, so a miss above is meaningful.
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'control.txt'), `control ${canary}`);
    expect(filesContaining(dir, needles)).toEqual([join(dir, 'control.txt')]);
    // …and the temp-folder scan, limited to files changed since the test began, still sees it.
    expect(filesContaining(tmpdir(), needles, testStart)).toEqual([join(dir, 'control.txt')]);
  });

  it('recorded audio appended chunk by chunk appears nowhere on disk in clear, while open or after locking', async () => {
    const testStart = Date.now() - 1000;
    // A random byte marker inside each chunk of "audio": what a voice is, as far as the disk is concerned.
    const marker = randomBytes(24);
    const needles = [marker];
    const { registry, vaultDir } = await unlockedCore(dir);
    const { pilotId, mentor } = await pilotWithPair(registry);
    const form = (await ok(registry, 'plan.get', { pilotId })).consentForms[0]!;
    await ok(registry, 'consent.record', { participantId: mentor.id, formId: form.id, givenOn: '2026-10-05', choices: { takePart: true, researchUseOfLogs: true, audioRecording: true, directQuotes: true, archiving: true } });
    const interviewer = await ok(registry, 'interviews.addInterviewer', { name: 'Robin Example', email: 'robin@example.ac.uk', passphrase: 'harbour violet cactus thimble' });
    const interview = await ok(registry, 'interviews.schedule', { pilotId, participantId: mentor.id, interviewerId: interviewer.id, scheduledOn: '2027-06-10', startsAt: '14:00', place: 'Room 2', onlineLink: '' });
    await ok(registry, 'interviews.checkConsent', { interviewId: interview.id });
    const { recordingId } = await ok(registry, 'recordings.begin', { interviewId: interview.id, mimeType: 'audio/webm;codecs=opus' });
    // 60 chunks of 20 KB (five minutes at 32 kbit/s), the marker in each.
    for (let sequence = 0; sequence < 60; sequence++) {
      const chunk = Buffer.concat([randomBytes(10_000), marker, randomBytes(10_000)]);
      await ok(registry, 'recordings.append', { recordingId, sequence, bytesBase64: chunk.toString('base64') });
    }
    await ok(registry, 'recordings.finish', { recordingId, durationMs: 300_000 });

    expect(filesContaining(vaultDir, needles), 'vault folder while unlocked (both databases + WALs)').toEqual([]);
    expectOk(await registry.invoke('vault.lock', {}));
    expect(filesContaining(vaultDir, needles), 'vault folder after locking').toEqual([]);
    expect(filesContaining(tmpdir(), needles, testStart), 'the OS temp folder').toEqual([]);
    // The scan finds the marker where it is in clear.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'control.bin'), Buffer.concat([randomBytes(100), marker]));
    expect(filesContaining(dir, needles)).toEqual([join(dir, 'control.bin')]);
  });
});
