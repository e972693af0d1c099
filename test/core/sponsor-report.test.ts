import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createCore, type HandlerRegistry } from '../../electron/core';
import { fixedFolderHost } from '../../electron/core/host';
import type { Envelope } from '../../shared/contract';
import type { Instrument } from '../../shared/surveys/contract';
import { PASSPHRASE, TEST_SCRYPT, expectError, expectOk, tempDir } from '../helpers/vault';
import { ok } from '../helpers/pilot';
import { readyForPairing } from '../helpers/pairs';
import { TODAY, surveyPilot, templateWaves } from '../helpers/surveys';

/** A name and a free-text answer nobody else has: neither may appear anywhere in the report. */
const DISTINCTIVE_NAME = 'Zephyrine Quartermaine';
const FREE_TEXT = 'Marmalade-canary felt heard';

let dir: string;
let cleanup: () => void;
let registry: HandlerRegistry;
let session: ReturnType<typeof createCore>['session'];
let exportDir: string;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('reciprocal-sponsor-'));
  exportDir = join(dir, 'exports');
  mkdirSync(exportDir);
  ({ registry, session } = createCore(join(dir, 'vault'), { scrypt: TEST_SCRYPT, now: () => new Date(`${TODAY}T10:00:00Z`), host: fixedFolderHost(exportDir), logError: () => {} }));
  expectOk((await registry.invoke('vault.create', { passphrase: PASSPHRASE })) as Envelope<unknown>);
  await ok(registry, 'settings.update', { timeZone: 'Europe/London' });
});
afterEach(() => {
  session.lock();
  cleanup();
});

async function pdfText(path: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)) }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++) text += (await (await pdf.getPage(i)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
  return text;
}

const itemId = (instrument: Instrument, text: string) => instrument.items.find((i) => i.text.startsWith(text))!.id;

/**
 * Eight students and eight staff, all consenting; six pairs, one student (the sixth) later
 * withdrawn. The students answer "I feel I belong" 2 before and 4 after, all of them; and "I feel
 * my background is valued" 3 before, and after 5 for the first six, 3 for the last two. One
 * student, the distinctive name, writes a free-text answer.
 */
async function reportPilot() {
  const { pilotId, people } = await surveyPilot(registry, { mentors: 8, mentees: 8 });
  await ok(registry, 'participants.update', { id: people[0]!.id, participant: { name: DISTINCTIVE_NAME, email: people[0]!.email, role: 'mentor' } });
  await ok(registry, 'plan.setGovernance', { pilotId, governance: { ethicsReference: 'UREC-2026-0147', retentionMonths: 60 } });
  const mentors = people.filter((p) => p.role === 'mentor');
  const mentees = people.filter((p) => p.role === 'mentee');
  await readyForPairing(registry, pilotId, [...mentors.slice(0, 6), ...mentees.slice(0, 6)].map((p) => p.id));
  await ok(registry, 'matching.confirm', { pilotId, pairs: mentors.slice(0, 6).map((m, i) => ({ mentorId: m.id, menteeId: mentees[i]!.id })) });
  const { instrument, pre, post } = await templateWaves(registry, pilotId);
  const belong = itemId(instrument, 'I feel I belong');
  const valued = itemId(instrument, 'I feel my background');
  const changed = itemId(instrument, 'What, if anything');
  for (const [i, mentor] of mentors.entries()) {
    await ok(registry, 'surveys.saveResponse', { waveId: pre.id, participantId: mentor.id, answers: [{ itemId: belong, score: 2 }, { itemId: valued, score: 3 }] });
    const answers = [{ itemId: belong, score: 4 }, { itemId: valued, score: i < 6 ? 5 : 3 }, ...(i === 0 ? [{ itemId: changed, text: FREE_TEXT }] : [])];
    await ok(registry, 'surveys.saveResponse', { waveId: post.id, participantId: mentor.id, answers });
  }
  const preview = await ok(registry, 'participants.previewWithdrawal', { id: mentors[5]!.id });
  await ok(registry, 'participants.transition', { id: mentors[5]!.id, to: 'withdrawn', reason: 'Left the university', previewFingerprint: preview.fingerprint });
  return { pilotId, belong, valued };
}

describe('the sponsor report', () => {
  it('gives recruitment and retention by role with small cells suppressed, and the survey change per item', async () => {
    const { pilotId, belong, valued } = await reportPilot();
    const report = await ok(registry, 'reports.sponsor', { pilotId });
    expect(report).toMatchObject({ ethicsReference: 'UREC-2026-0147', madeOn: TODAY, threshold: 5 });
    const studentRecruitment = report.recruitment.find((r) => r.role === 'mentor')!;
    expect(studentRecruitment).toMatchObject({ interested: { count: 8 }, consented: { count: 8 }, paired: { count: 6 } });
    // 5 stayed and 1 left: the 1 is hidden as small, and the 5 with it, or it could be worked out from the 6 paired.
    expect(studentRecruitment.withdrawn).toEqual({ hidden: 'small' });
    expect(studentRecruitment.retained).toEqual({ hidden: 'complement' });
    const students = (id: number) => report.surveys.items.find((i) => i.itemId === id)!.groups.find((g) => g.group === 'mentors')!;
    // The withdrawn student no longer counts: 7 people, all improved (zeros stay shown).
    expect(students(belong).pairs).toEqual({ count: 7 });
    expect(students(belong).result).toMatchObject({ improved: { count: 7 }, same: { count: 0 }, worse: { count: 0 } });
    // 5 improved and 2 the same: the 2 is hidden, and the 5 with it.
    expect(students(valued).result).toMatchObject({ improved: { hidden: 'complement' }, same: { hidden: 'small' }, worse: { count: 0 } });
    expect(report.surveys.counted).toEqual({ count: 7 });
    expect(report.meetings).toMatchObject({ pairs: 5, held: 0 });
    expect(JSON.stringify(report)).not.toContain(DISTINCTIVE_NAME);
    expect(JSON.stringify(report)).not.toContain(FREE_TEXT);
  });

  it('exports a PDF with no names and no free text, and records the export in the audit trail', async () => {
    const { pilotId } = await reportPilot();
    const { file } = await ok(registry, 'reports.exportSponsorPdf', { pilotId });
    expect(readdirSync(exportDir)).toEqual([file]);
    const text = await pdfText(join(exportDir, file));
    expect(text).toContain('Surveys pilot');
    expect(text).toContain('UREC-2026-0147');
    expect(text).toContain('I feel I belong');
    expect(text).toContain('fewer than 5');
    expect(text).toContain('7 improved, 0 no change, 0 worse');
    expect(text).not.toContain(DISTINCTIVE_NAME);
    expect(text).not.toContain('Quartermaine');
    expect(text).not.toContain(FREE_TEXT);
    const audit = await ok(registry, 'audit.list', { limit: 5 });
    expect(audit[0]).toMatchObject({ action: 'reports.exportSponsorPdf', entityType: 'pilot', entityId: String(pilotId) });
  });

  it('writes nothing and records nothing when the folder dialog is cancelled', async () => {
    const { pilotId } = await reportPilot();
    session.lock();
    const cancelled = createCore(join(dir, 'vault'), { scrypt: TEST_SCRYPT, now: () => new Date(`${TODAY}T10:00:00Z`), host: { chooseExportFolder: async () => undefined }, logError: () => {} });
    expectOk(await cancelled.registry.call('vault.unlock', { passphrase: PASSPHRASE }));
    const before = (await ok(cancelled.registry, 'audit.list', { limit: 1 }))[0];
    expectError(await cancelled.registry.call('reports.exportSponsorPdf', { pilotId }), 'CANCELLED');
    expect((await ok(cancelled.registry, 'audit.list', { limit: 1 }))[0]).toEqual(before);
    expect(readdirSync(exportDir)).toEqual([]);
    cancelled.session.lock();
    ({ registry, session } = createCore(join(dir, 'vault'), { scrypt: TEST_SCRYPT, host: fixedFolderHost(exportDir), logError: () => {} }));
    expectOk(await registry.call('vault.unlock', { passphrase: PASSPHRASE }));
  });
});
