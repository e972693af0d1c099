import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expectError, expectOk, PASSPHRASE, TEST_SCRYPT } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { ok } from '../helpers/pilot';
import { movableClock } from '../helpers/pairs';
import { decryptAllPages, pagesContaining } from '../helpers/decrypt-pages';
import { createCore, type HandlerRegistry } from '../../electron/core';
import { fixedFolderHost } from '../../electron/core/host';
import { readKeyFile } from '../../electron/core/vault/keyfile';
import { unwrapInterviewKey } from '../../electron/core/vault/slots';
import { KEY_FILE } from '../../electron/core/vault/vault';
import { mkdirSync } from 'node:fs';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

/** A created, unlocked vault whose exports go to `dir/out`. */
async function unlockedCore(folder: string, now: () => Date) {
  const out = join(folder, 'out');
  mkdirSync(out);
  const core = createCore(join(folder, 'vault'), { scrypt: TEST_SCRYPT, host: fixedFolderHost(out), now, logError: () => {} });
  expectOk(await core.registry.invoke('vault.create', { passphrase: PASSPHRASE }));
  return { ...core, vaultDir: join(folder, 'vault') };
}

const choices = { takePart: true, researchUseOfLogs: true, audioRecording: false, directQuotes: true, archiving: true };
const stages = (text: string) => ({ description: `${text} description`, feelings: `${text} feelings`, evaluation: `${text} evaluation`, analysis: `${text} analysis`, conclusion: `${text} conclusion`, actionPlan: `${text} plan` });

/**
 * A pilot in which one person, Kestrel Canaryfield, has data of every kind, each holding a canary
 * ("zqcanary…"), and other people's text names them. Everything goes through the channels.
 */
async function worldWithCanaries(registry: HandlerRegistry, clock: ReturnType<typeof movableClock>) {
  const pilot = await ok(registry, 'pilots.create', { name: 'Belonging pilot', startDate: '2026-10-01', endDate: '2027-06-30', status: 'running' });
  const pilotId = pilot.id;
  await ok(registry, 'themes.create', { pilotId, theme: { title: 'Identity', iceBreakers: ['Who am I here?'] } });
  const form = await ok(registry, 'consentForms.create', { pilotId, form: { version: '1', datedOn: '2026-09-01', text: 'Consent form (test).' } });
  const add = async (name: string, role: 'mentor' | 'mentee', notes = '', department = 'Law') => {
    const person = await ok(registry, 'participants.create', { pilotId, participant: { name, email: `${name.toLowerCase().replace(/ /g, '.')}@example.ac.uk`, role, department, notes, availability: ['wed-pm'] } });
    await ok(registry, 'consent.record', { participantId: person.id, formId: form.id, givenOn: '2026-09-10', choices });
    return person;
  };
  const kestrel = await add('Kestrel Canaryfield', 'mentor', 'zqcanarynotes: prefers mornings', 'Zqcanarydept studies');
  const helen = await add('Helen Marsh', 'mentee', 'Knows Kestrel from the choir');
  const amara = await add('Amara Nwosu', 'mentor', 'Friends with Kestrel Canaryfield’s flatmate');

  await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-06', mentorId: kestrel.id, menteeId: helen.id, mentorWillingness: 'yes', menteeWillingness: 'yes', mentorNote: 'zqcanarychemistry went well', menteeNote: 'Kestrel was kind' } });
  await ok(registry, 'chemistry.create', { pilotId, meeting: { heldOn: '2026-10-07', mentorId: amara.id, menteeId: helen.id, mentorWillingness: 'maybe', menteeNote: 'Preferred Kestrel' } });
  await ok(registry, 'training.create', { pilotId, session: { heldOn: '2026-10-08', audience: 'both', topics: ['Confidentiality and its limits'], attendeeIds: [kestrel.id, helen.id], notes: 'Kestrel Canaryfield asked about disclosures' } });
  const group = await ok(registry, 'focusGroups.create', { pilotId, focusGroup: { heldOn: '2026-09-20', audience: 'students', facilitator: 'Dr Ruth Okafor', attendance: { mode: 'named', participantIds: [kestrel.id, amara.id] }, notes: 'Canaryfield spoke first.' } });
  await ok(registry, 'findings.create', { focusGroupId: group.id, finding: { text: 'Kestrel’s point: belonging starts in the first week' } });

  const [pair] = await ok(registry, 'matching.confirm', { pilotId, pairs: [{ mentorId: kestrel.id, menteeId: helen.id }] });
  const [first] = (await ok(registry, 'meetings.forPair', { pairId: pair!.id })).meetings;
  clock.set('2026-11-20T10:00:00Z');
  await ok(registry, 'meetings.markHeld', { id: first!.id, heldOn: '2026-11-11', actualDurationMin: 60 });
  // A draft saved over before it is submitted: its first words are freed space inside the page.
  await ok(registry, 'logs.saveDraft', { meetingId: first!.id, authorId: kestrel.id, stages: stages('zqcanarydraft') });
  await ok(registry, 'logs.submit', { meetingId: first!.id, authorId: kestrel.id, stages: stages('zqcanarylog') });
  await ok(registry, 'logs.submit', { meetingId: first!.id, authorId: helen.id, stages: { ...stages('Helen wrote'), description: 'Kestrel Canaryfield told me about their first term.' } });

  const instrument = await ok(registry, 'surveys.createInstrument', { pilotId, title: 'Belonging survey', template: 'scheme' });
  let textItem = (await ok(registry, 'surveys.instrument', { instrumentId: instrument.id })).items.find((item) => item.kind === 'text');
  if (!textItem) {
    await ok(registry, 'surveys.addItem', { instrumentId: instrument.id, item: { kind: 'text', text: 'Anything else?' } });
    textItem = (await ok(registry, 'surveys.instrument', { instrumentId: instrument.id })).items.find((item) => item.kind === 'text')!;
  }
  const wave = await ok(registry, 'surveys.createWave', { pilotId, wave: { instrumentId: instrument.id, kind: 'pre', title: 'Before', audience: 'both', opensOn: '2026-10-01', closesOn: '2026-10-30' } });
  await ok(registry, 'surveys.saveResponse', { waveId: wave.id, participantId: kestrel.id, answers: [{ itemId: textItem.id, text: 'zqcanarysurvey answer' }] });
  await ok(registry, 'surveys.saveResponse', { waveId: wave.id, participantId: helen.id, answers: [{ itemId: textItem.id, text: 'My mentor Kestrel helped.' }] });

  const interviewer = await ok(registry, 'interviews.addInterviewer', { name: 'Robin Example', email: 'robin.interviewer@example.ac.uk', passphrase: 'harbour violet cactus thimble' });
  const interview = await ok(registry, 'interviews.schedule', { pilotId, participantId: kestrel.id, interviewerId: interviewer.id, scheduledOn: '2026-12-10', startsAt: '14:00', place: 'Room 2.14', onlineLink: '' });
  await ok(registry, 'interviews.checkConsent', { interviewId: interview.id });
  await ok(registry, 'interviews.saveNotes', { interviewId: interview.id, questionId: 0, body: 'zqcanaryinterview: the reading group mattered most' });

  await ok(registry, 'safeguarding.stepUp', { passphrase: PASSPHRASE });
  await ok(registry, 'safeguarding.raise', { source: { kind: 'participant', participantId: kestrel.id }, details: { raisedOn: '2026-11-12', raisedVia: 'direct', raisedBy: 'coordinator', aboutParticipantId: kestrel.id, category: 'wellbeing', risk: 'low', whatWasSaid: 'zqcanaryconcern about sleep' } });
  await ok(registry, 'safeguarding.raise', { source: { kind: 'participant', participantId: helen.id }, details: { raisedOn: '2026-11-13', raisedVia: 'direct', raisedBy: 'partner', aboutParticipantId: helen.id, category: 'wellbeing', risk: 'low', whatWasSaid: 'Raised by Kestrel after a meeting' } });
  return { pilotId, kestrel, helen, amara, pair: pair!, meetingId: first!.id };
}

async function rawKey(registry: HandlerRegistry): Promise<Buffer> {
  const { key } = await ok(registry, 'vault.revealKey', { passphrase: PASSPHRASE });
  return Buffer.from(key.slice(2, -1), 'hex');
}

describe('erasing one person', () => {
  it('leaves the canary in no decrypted page of the database or its WAL, free pages included, and names them nowhere', async () => {
    const clock = movableClock('2026-10-10T09:00:00Z');
    const { registry, session, vaultDir } = await unlockedCore(dir, clock.now);
    const world = await worldWithCanaries(registry, clock);
    const key = await rawKey(registry);
    const database = join(vaultDir, 'vault.sqlite');
    const interviewDatabase = join(vaultDir, 'interviews.sqlite');
    const interviewKey = unwrapInterviewKey(readKeyFile(join(vaultDir, KEY_FILE)), key)!;

    // The scanner finds the canaries while they are there: the test can fail.
    const before = decryptAllPages(database, key);
    for (const canary of ['zqcanarynotes', 'zqcanarydept', 'zqcanarychemistry', 'zqcanarylog', 'zqcanarydraft', 'zqcanarysurvey', 'zqcanaryconcern', 'canaryfield']) {
      expect(pagesContaining(before, canary), canary).not.toEqual([]);
    }
    for (const canary of ['zqcanaryinterview', 'canaryfield']) expect(pagesContaining(decryptAllPages(interviewDatabase, interviewKey), canary), canary).not.toEqual([]);

    const preview = await ok(registry, 'erasure.previewPerson', { participantId: world.kestrel.id });
    const counted = Object.fromEntries(preview.counts.map((c) => [c.kind, c.count]));
    expect(preview).toMatchObject({ name: 'Kestrel Canaryfield', role: 'mentor', department: 'Zqcanarydept studies', status: 'active', withdrawsFirst: true, currentPairs: 1, safeguardingConcerns: 1, erased: false });
    expect(counted).toMatchObject({ 'consent-records': 1, 'chemistry-meetings': 1, 'training-attendance': 1, 'reflective-logs': 1, 'survey-responses': 1, 'survey-free-text': 1, 'focus-group-attendance': 1, 'closing-interviews': 1 });

    const certificate = await ok(registry, 'erasure.erasePerson', { participantId: world.kestrel.id, confirmName: 'kestrel  canaryfield', includeSafeguarding: true });
    const erased = Object.fromEntries(certificate.counts.map((c) => [c.kind, c.count]));
    expect(erased).toMatchObject({ 'participant-record': 1, 'consent-records': 1, 'reflective-logs': 1, 'survey-responses': 1, 'safeguarding-concerns': 1, 'focus-group-attendance': 1, 'closing-interviews': 1 });
    expect(erased['names-in-free-text']).toBeGreaterThanOrEqual(9);
    expect(certificate.cleanup).toMatchObject({ secureDelete: true, searchIndexRebuilt: true, vacuumed: true, walTruncated: true });
    expect(JSON.stringify(certificate)).not.toMatch(/kestrel|canary/i);

    const after = decryptAllPages(database, key);
    expect(after.length).toBeGreaterThan(10);
    for (const needle of ['canary', 'kestrel']) expect(pagesContaining(after, needle), needle).toEqual([]);
    // The interview database too: its own file and WAL.
    const interviewPages = decryptAllPages(interviewDatabase, interviewKey);
    expect(interviewPages.length).toBeGreaterThan(2);
    for (const needle of ['canary', 'kestrel']) expect(pagesContaining(interviewPages, needle), needle).toEqual([]);

    // Other people's text keeps its sense, without the name; the partner's pair stays without naming them.
    const helenLog = await ok(registry, 'logs.get', { meetingId: world.meetingId, authorId: world.helen.id });
    expect(helenLog?.stages.description).toBe('[removed] told me about their first term.');
    const helen = await ok(registry, 'participants.get', { id: world.helen.id });
    expect(helen.notes).toBe('Knows [removed] from the choir');
    expect((await ok(registry, 'participants.get', { id: world.kestrel.id })).name).toBe('Erased person');
    // Their entry cannot be brought back to life: no edit, no status, no new consent.
    expect(expectError(await registry.invoke('participants.transition', { id: world.kestrel.id, to: 'interested' }), 'INVALID_TRANSITION').message).toMatch(/erased/);
    expectError(await registry.invoke('participants.update', { id: world.kestrel.id, participant: { name: 'Kestrel Canaryfield', email: 'k@example.ac.uk', role: 'mentor' } }), 'INVALID_TRANSITION');

    // The audit trail keeps every entry and its chain still verifies.
    const verified = await ok(registry, 'audit.verify', {});
    expect(verified.ok).toBe(true);
    const trail = await ok(registry, 'audit.page', { action: 'erasure' });
    expect(trail.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['erasure.person', 'erasure.withdrawnFirst']));
    expect(certificate.audit.seq).toBe(trail.rows.find((r) => r.action === 'erasure.person')!.seq);
    expect(session.db.pragma('secure_delete', { simple: true })).toBe(1);
  });

  it('keeps safeguarding concerns about them unless that is confirmed separately, and says so on the certificate', async () => {
    const clock = movableClock('2026-10-10T09:00:00Z');
    const { registry } = await unlockedCore(dir, clock.now);
    const world = await worldWithCanaries(registry, clock);
    const certificate = await ok(registry, 'erasure.erasePerson', { participantId: world.kestrel.id, confirmName: 'Kestrel Canaryfield' });
    expect(certificate.safeguardingKept).toBe(1);
    expect(certificate.counts.map((c) => c.kind)).not.toContain('safeguarding-concerns');
    expect((await ok(registry, 'safeguarding.summary', { pilotId: world.pilotId })).open).toBe(2);
  });

  it('refuses without the name typed out, or twice, and changes nothing', async () => {
    const clock = movableClock('2026-10-10T09:00:00Z');
    const { registry } = await unlockedCore(dir, clock.now);
    const world = await worldWithCanaries(registry, clock);
    const wrong = expectError(await registry.invoke('erasure.erasePerson', { participantId: world.kestrel.id, confirmName: 'Kestrel' }), 'INVALID_INPUT');
    expect(wrong.message).toMatch(/type their name exactly/);
    expect((await ok(registry, 'participants.get', { id: world.kestrel.id })).name).toBe('Kestrel Canaryfield');
    expect((await ok(registry, 'participants.get', { id: world.kestrel.id })).status).not.toBe('withdrawn');
    await ok(registry, 'erasure.erasePerson', { participantId: world.kestrel.id, confirmName: 'Kestrel Canaryfield' });
    expectError(await registry.invoke('erasure.erasePerson', { participantId: world.kestrel.id, confirmName: 'Erased person' }), 'CONFLICT');
    expectError(await registry.invoke('erasure.erasePerson', { participantId: 999, confirmName: 'x' }), 'NOT_FOUND');
  });

  it('withdraws someone still taking part first, through the usual cascade: the pair ends and the partner is flagged', async () => {
    const clock = movableClock('2026-10-10T09:00:00Z');
    const { registry } = await unlockedCore(dir, clock.now);
    const world = await worldWithCanaries(registry, clock);
    await ok(registry, 'erasure.erasePerson', { participantId: world.kestrel.id, confirmName: 'Kestrel Canaryfield' });
    const helen = await ok(registry, 'participants.get', { id: world.helen.id });
    expect(helen.repairingNote).toMatch(/^\[removed\] withdrew on/);
    const meetings = await ok(registry, 'meetings.forPair', { pairId: world.pair.id });
    expect(meetings.meetings.filter((m) => m.status === 'scheduled')).toEqual([]);
  });

  it('exports the certificate as a PDF and JSON through the export step, with no name in either', async () => {
    const clock = movableClock('2026-10-10T09:00:00Z');
    const { registry } = await unlockedCore(dir, clock.now);
    const world = await worldWithCanaries(registry, clock);
    const certificate = await ok(registry, 'erasure.erasePerson', { participantId: world.kestrel.id, confirmName: 'Kestrel Canaryfield' });
    const written = await ok(registry, 'erasure.exportCertificate', { id: certificate.id });
    expect(written.files).toEqual([`erasure-certificate-${certificate.id}.pdf`, `erasure-certificate-${certificate.id}.json`]);
    const json = JSON.parse(readFileSync(join(written.folder, written.files[1]!), 'utf8')) as { audit: { seq: number }; counts: unknown[] };
    expect(json.audit.seq).toBe(certificate.audit.seq);
    expect(json.counts).toEqual(certificate.counts);
    const pdf = readFileSync(join(written.folder, written.files[0]!));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    for (const file of written.files) expect(readFileSync(join(written.folder, file)).toString('latin1')).not.toMatch(/kestrel|canary/i);
    expect((await ok(registry, 'audit.page', { action: 'erasure.exportCertificate' })).total).toBe(1);
  });

  it('closes each known trap: deleted words kept by the search index, old pages in the WAL, deleted bytes left in pages', async () => {
    const clock = movableClock('2026-10-10T09:00:00Z');
    const { registry, session, vaultDir } = await unlockedCore(dir, clock.now);
    const world = await worldWithCanaries(registry, clock);
    const key = await rawKey(registry);
    const db = session.db;
    const ftsHolds = (needle: string) => (db.prepare('SELECT block FROM logs_fts_data').all() as { block: Buffer }[]).some((row) => Buffer.from(row.block).includes(needle));
    const walPages = () => decryptAllPages(join(vaultDir, 'vault.sqlite'), key).filter((page) => page.source === 'wal');

    // SQLCipher turns secure_delete on by default; the traps, shown with it off (as plain SQLite
    // ships): a delete leaves the words in the search index's shadow table and in the page's free
    // space, and the WAL still holds the pages as they were.
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    db.pragma('secure_delete=OFF');
    db.prepare('DELETE FROM reflective_logs WHERE author_id = ?').run(world.kestrel.id);
    expect(ftsHolds('canarylog')).toBe(true);
    expect(pagesContaining(walPages(), 'zqcanarylog')).not.toEqual([]);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(pagesContaining(decryptAllPages(join(vaultDir, 'vault.sqlite'), key), 'zqcanarylog')).not.toEqual([]);

    await ok(registry, 'erasure.erasePerson', { participantId: world.kestrel.id, confirmName: 'Kestrel Canaryfield', includeSafeguarding: true });
    expect(ftsHolds('canarylog')).toBe(false);
    expect(pagesContaining(decryptAllPages(join(vaultDir, 'vault.sqlite'), key), 'canary')).toEqual([]);
    expect(statSync(join(vaultDir, 'vault.sqlite-wal')).size).toBe(0);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    expect((await ok(registry, 'logs.search', { pilotId: world.pilotId, query: 'zqcanarylog' })).total).toBe(0);
  });
});
