import { beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expectError, expectOk, unlockedCore, TEST_SCRYPT, PASSPHRASE } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { ok } from '../helpers/pilot';
import { movableClock, pilotWithPair } from '../helpers/pairs';
import { createCore } from '../../electron/core';
import { fixedFolderHost } from '../../electron/core/host';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../shared/logs/contract';
import type { HandlerRegistry } from '../../electron/core';
import { stage } from '../helpers/imports';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const empty = { description: '', feelings: '', evaluation: '', analysis: '', conclusion: '', actionPlan: '' };
const stageLogs = (registry: HandlerRegistry, text: string) => stage(registry, text, 'logs.csv');

async function heldMeetings(registry: HandlerRegistry, clock: ReturnType<typeof movableClock>) {
  const world = await pilotWithPair(registry);
  const { meetings } = await ok(registry, 'meetings.forPair', { pairId: world.pair.id });
  clock.set('2026-12-20T12:00:00Z');
  for (const m of meetings.slice(0, 2)) await ok(registry, 'meetings.markHeld', { id: m.id, heldOn: m.date, actualDurationMin: 60 });
  return { ...world, meetings };
}

describe('reflective logs', () => {
  it('drafts as you type, then submits; a log needs a held meeting and one of its two people', async () => {
    const clock = movableClock('2026-11-02T09:00:00Z');
    const { registry } = await unlockedCore(dir, clock.now);
    const { mentor, mentee, meetings } = await heldMeetings(registry, clock);
    const [first, , third] = meetings;
    expect(await ok(registry, 'logs.get', { meetingId: first!.id, authorId: mentor.id })).toBeNull();
    expectError(await registry.invoke('logs.saveDraft', { meetingId: third!.id, authorId: mentor.id, stages: empty }), 'INVALID_TRANSITION');
    const stranger = await ok(registry, 'participants.create', { pilotId: mentor.pilotId, participant: { name: 'Other', email: 'other@example.ac.uk', role: 'mentor' } });
    expectError(await registry.invoke('logs.saveDraft', { meetingId: first!.id, authorId: stranger.id, stages: empty }), 'INVALID_INPUT');

    const draft = await ok(registry, 'logs.saveDraft', { meetingId: first!.id, authorId: mentor.id, stages: { ...empty, description: 'We talked about the label "international".' } });
    expect(draft).toMatchObject({ state: 'draft', sequence: 1, themeTitle: 'Identity', submittedAt: null });
    expectError(await registry.invoke('logs.submit', { meetingId: first!.id, authorId: mentor.id, stages: empty }), 'INVALID_INPUT');
    const submitted = await ok(registry, 'logs.submit', { meetingId: first!.id, authorId: mentor.id, stages: { ...draft.stages, feelings: 'Nervous, then relieved.' } });
    expect(submitted).toMatchObject({ id: draft.id, state: 'submitted', stages: { feelings: 'Nervous, then relieved.' } });
    expect(submitted.submittedAt).not.toBeNull();
    expectError(await registry.invoke('logs.saveDraft', { meetingId: first!.id, authorId: mentor.id, stages: empty }), 'INVALID_TRANSITION');

    const owed = await ok(registry, 'logs.owed', { pilotId: mentor.pilotId });
    expect(owed.map((o) => [o.sequence, o.authorName, o.state])).toEqual([
      [1, 'Helen Marsh', 'missing'],
      [2, 'Amara Nwosu', 'missing'],
      [2, 'Helen Marsh', 'missing'],
    ]);
    expect(owed[0]!.daysSinceMeeting).toBe(39);
    expectError(await registry.invoke('logs.markNotProvided', { meetingId: first!.id, authorId: mentee.id, reason: '' }), 'INVALID_INPUT');
    await ok(registry, 'logs.markNotProvided', { meetingId: first!.id, authorId: mentee.id, reason: 'On leave; agreed with the coordinator' });
    expect(await ok(registry, 'logs.owed', { pilotId: mentor.pilotId })).toHaveLength(2);
    // A page at a time, by name, by state, or one meeting and person.
    const pilotId = mentor.pilotId;
    expect(await ok(registry, 'logs.owedPage', { pilotId, limit: 1, offset: 1 })).toMatchObject({ total: 2, offset: 1, rows: [{ sequence: 2, authorName: 'Helen Marsh' }] });
    expect((await ok(registry, 'logs.owedPage', { pilotId, search: 'amara' })).rows.map((o) => [o.sequence, o.authorName])).toEqual([[2, 'Amara Nwosu']]);
    expect((await ok(registry, 'logs.owedPage', { pilotId, search: '%' })).total).toBe(0);
    expect((await ok(registry, 'logs.owedPage', { pilotId, state: 'draft' })).total).toBe(0);
    expect((await ok(registry, 'logs.owedPage', { pilotId, meetingId: meetings[1]!.id, authorId: mentee.id })).rows.map((o) => o.authorName)).toEqual(['Helen Marsh']);
    expectError(await registry.invoke('logs.owedPage', { pilotId, limit: 501 }), 'INVALID_INPUT');
    const [m1] = (await ok(registry, 'meetings.forPair', { pairId: meetings[0]!.pairId })).meetings;
    expect(m1!.logs.map((l) => l.state)).toEqual(['submitted', 'not-provided']);
  });

  it('searches all logs with full-text search: highlighted hits, the log’s state, newest first or best match, and a total', async () => {
    const clock = movableClock('2026-11-02T09:00:00Z');
    const { registry } = await unlockedCore(dir, clock.now);
    const { mentor, mentee, meetings, pilotId } = await heldMeetings(registry, clock);
    await ok(registry, 'logs.submit', { meetingId: meetings[0]!.id, authorId: mentor.id, stages: { ...empty, description: 'We discussed belonging in the café: belonging, belonging.', actionPlan: 'Invite Helen to the society.' } });
    await ok(registry, 'logs.saveDraft', { meetingId: meetings[1]!.id, authorId: mentee.id, stages: { ...empty, description: 'Assessment deadlines clash with paid work.', analysis: 'I had not seen how belonging depends on time.' } });
    const search = (query: string, extra: { order?: 'newest' | 'relevance'; offset?: number; limit?: number } = {}) => ok(registry, 'logs.search', { pilotId, query, ...extra });

    const newest = await search('belong');
    expect(newest).toMatchObject({ total: 2, more: false, offset: 0 });
    // Newest first: Helen's draft was written last. Drafts are found, and say they are drafts.
    expect(newest.hits.map((h) => [h.authorName, h.state])).toEqual([
      ['Helen Marsh', 'draft'],
      ['Amara Nwosu', 'submitted'],
    ]);
    expect(newest.hits[0]!.snippets).toEqual([{ stage: 'analysis', text: `I had not seen how ${HIGHLIGHT_START}belonging${HIGHLIGHT_END} depends on time.` }]);
    // Best match: Amara's log says it three times, so it comes first.
    const relevance = await search('belong', { order: 'relevance' });
    expect(relevance.hits.map((h) => h.authorName)).toEqual(['Amara Nwosu', 'Helen Marsh']);
    expect(relevance.total).toBe(2);
    const page2 = await search('belong', { offset: 1, limit: 1 });
    expect(page2).toMatchObject({ total: 2, offset: 1 });
    expect(page2.hits.map((h) => h.authorName)).toEqual(['Amara Nwosu']);

    expect((await search('cafe')).hits[0]!.snippets[0]!.text).toContain(`${HIGHLIGHT_START}café${HIGHLIGHT_END}`);
    expect((await search('belonging paid')).hits).toHaveLength(1);
    expect(await search('nowhere')).toEqual({ hits: [], offset: 0, total: 0, more: false });
    for (const odd of ['"', 'NEAR(', 'a*b OR', '^', ':', '""""', 'AND', '-belong']) expect((await registry.invoke('logs.search', { pilotId, query: odd })).ok).toBe(true);
  });

  it('counts hits up to 500 and then says there are more', async () => {
    const clock = movableClock('2026-11-02T09:00:00Z');
    const { registry, session } = await unlockedCore(dir, clock.now);
    const { mentor, mentee, pair, pilotId } = await heldMeetings(registry, clock);
    // Seeding only: 300 more held meetings of the pair, each with both logs, straight into the vault.
    const db = session.db;
    db.transaction(() => {
      const meeting = db.prepare("INSERT INTO meetings (pilot_id, pair_id, sequence, theme_title, date, start_time, duration_min, mode, status, held_on, updated_at) VALUES (?, ?, ?, 'Extra', '2026-12-01', '10:00', 60, 'online', 'held', '2026-12-01', '2026-12-01T10:00:00Z')");
      const log = db.prepare("INSERT INTO reflective_logs (meeting_id, author_id, state, description, updated_at) VALUES (?, ?, 'submitted', 'belonging again', '2026-12-01T10:00:00Z')");
      for (let k = 0; k < 300; k++) {
        const id = Number(meeting.run(pilotId, pair.id, 100 + k).lastInsertRowid);
        log.run(id, mentor.id);
        log.run(id, mentee.id);
      }
    })();
    const many = await ok(registry, 'logs.search', { pilotId, query: 'belonging', limit: 10 });
    expect(many).toMatchObject({ total: 500, more: true });
    expect(many.hits).toHaveLength(10);
    expect(await ok(registry, 'logs.search', { pilotId, query: 'belonging', order: 'relevance', limit: 10 })).toMatchObject({ total: 500, more: true });
    expect((await ok(registry, 'logs.search', { pilotId, query: 'again', offset: 595 })).hits).toHaveLength(5);
  });

  it('treats search syntax as word separators, not as text to glue together', async () => {
    const clock = movableClock('2026-11-02T09:00:00Z');
    const { registry } = await unlockedCore(dir, clock.now);
    const { mentor, mentee, meetings, pilotId } = await heldMeetings(registry, clock);
    await ok(registry, 'logs.submit', { meetingId: meetings[0]!.id, authorId: mentor.id, stages: { ...empty, description: 'Time: a scarce thing. The label self (label) came up; e-mail was slow.' } });
    await ok(registry, 'logs.submit', { meetingId: meetings[0]!.id, authorId: mentee.id, stages: { ...empty, description: 'Nothing about labels here, only selflabel as one word and timea.' } });
    const authors = async (query: string) => (await ok(registry, 'logs.search', { pilotId, query })).hits.map((h) => h.authorName);
    expect(await authors('self(label)')).toEqual(['Amara Nwosu']);
    expect(await authors('time:a')).toEqual(['Amara Nwosu']);
    expect(await authors('e-mail')).toEqual(['Amara Nwosu']);
    expect(await authors('selflabel')).toEqual(['Helen Marsh']);
  });

  it('removes the hit-marker characters from log text, so a pasted one cannot fake a highlight', async () => {
    const clock = movableClock('2026-11-02T09:00:00Z');
    const { registry } = await unlockedCore(dir, clock.now);
    const { mentor, meetings, pilotId } = await heldMeetings(registry, clock);
    const pasted = `A normal start, then \uE000not a hit\uE001 and the word belonging.`;
    const saved = await ok(registry, 'logs.saveDraft', { meetingId: meetings[0]!.id, authorId: mentor.id, stages: { ...empty, description: pasted, feelings: '\uE000' } });
    expect(saved.stages.description).toBe('A normal start, then not a hit and the word belonging.');
    expect(saved.stages.feelings).toBe('');
    const [hit] = (await ok(registry, 'logs.search', { pilotId, query: 'belonging' })).hits;
    expect(hit!.snippets).toEqual([{ stage: 'description', text: `A normal start, then not a hit and the word ${HIGHLIGHT_START}belonging${HIGHLIGHT_END}.` }]);
  });

  it('imports logs from a form export CSV, all or nothing, with row-level errors', async () => {
    const clock = movableClock('2026-11-02T09:00:00Z');
    const { registry } = await unlockedCore(dir, clock.now);
    const { mentor, mentee, pilotId, meetings } = await heldMeetings(registry, clock);
    const header = 'Timestamp,Email address,Which meeting?,Description,Feelings,Evaluation,Analysis,Conclusion,Action plan';
    const bad = [header, '2026-12-01,amara@example.ac.uk,1,What happened,,,,,', '2026-12-01,nobody@example.ac.uk,1,x,,,,,', '2026-12-01,helen@example.ac.uk,3,x,,,,,', '2026-12-01,helen@example.ac.uk,1,,,,,,'].join('\n');
    const badFile = await stageLogs(registry, bad);
    const preview = await ok(registry, 'logs.importPreview', { pilotId, stagedId: badFile });
    expect(preview.mapping).toMatchObject({ 'Email address': 'email', 'Which meeting?': 'meeting', Description: 'description', 'Action plan': 'actionPlan' });
    expect(preview.errors).toEqual([
      { row: 3, column: 'Email address', message: 'nobody@example.ac.uk is not a participant of this pilot' },
      { row: 4, column: 'Which meeting?', message: 'meeting 3 of Helen Marsh’s pair is not marked held yet' },
      { row: 5, column: 'Description', message: 'The Description stage is empty' },
    ]);
    expectError(await registry.invoke('logs.import', { pilotId, stagedId: badFile, mapping: preview.mapping }), 'INVALID_INPUT');
    expect(await ok(registry, 'logs.get', { meetingId: meetings[0]!.id, authorId: mentor.id })).toBeNull();

    const good = [header, '2026-12-01,amara@example.ac.uk,1,We met in the library,Curious,Good,,,Read more', '2026-12-01,HELEN@example.ac.uk,Meeting 2,Deadlines,,,,,'].join('\r\n');
    const goodFile = await stageLogs(registry, good);
    expect(await ok(registry, 'logs.import', { pilotId, stagedId: goodFile, mapping: preview.mapping })).toEqual({ imported: 2 });
    expect(await ok(registry, 'logs.get', { meetingId: meetings[0]!.id, authorId: mentor.id })).toMatchObject({ state: 'submitted', source: 'imported', stages: { description: 'We met in the library', actionPlan: 'Read more' } });
    expect(await ok(registry, 'logs.get', { meetingId: meetings[1]!.id, authorId: mentee.id })).toMatchObject({ state: 'submitted' });
    const twice = expectError(await registry.invoke('logs.import', { pilotId, stagedId: goodFile, mapping: preview.mapping }), 'INVALID_INPUT');
    expect(twice.issues?.[0]?.message).toBe('a submitted log already exists for this person and meeting');
  });

  it('makes a PDF log book with one person’s own submitted logs only', async () => {
    const clock = movableClock('2026-11-02T09:00:00Z');
    const { registry, session } = await unlockedCore(dir, clock.now);
    const { mentor, mentee, meetings } = await heldMeetings(registry, clock);
    await ok(registry, 'logs.submit', { meetingId: meetings[0]!.id, authorId: mentor.id, stages: { ...empty, description: 'Amara’s own words about Łódź.', feelings: 'Proud' } });
    await ok(registry, 'logs.saveDraft', { meetingId: meetings[1]!.id, authorId: mentor.id, stages: { ...empty, description: 'Unfinished draft text' } });
    await ok(registry, 'logs.submit', { meetingId: meetings[0]!.id, authorId: mentee.id, stages: { ...empty, description: 'Helen’s private reflection' } });
    expectError(await registry.invoke('logs.exportLogBook', { participantId: mentor.id }), 'CANCELLED');

    const out = join(dir, 'books');
    mkdirSync(out);
    session.lock();
    const core = createCore(join(dir, 'vault'), { scrypt: TEST_SCRYPT, host: fixedFolderHost(out), now: clock.now });
    expectOk(await core.registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    const result = await ok(core.registry, 'logs.exportLogBook', { participantId: mentor.id });
    expect(result).toMatchObject({ file: `log-book-${mentor.id}.pdf`, logs: 1 });
    expect(readdirSync(out)).toEqual([`log-book-${mentor.id}.pdf`]);
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(join(out, result.file))) }).promise;
    let text = '';
    for (let i = 1; i <= pdf.numPages; i++) text += (await (await pdf.getPage(i)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
    expect(text).toContain('Reflective log book');
    expect(text).toContain('Amara Nwosu');
    expect(text).toContain('Amara’s own words about Łódź.');
    expect(text).toContain('Meeting 1: Identity');
    expect(text).not.toContain('Helen');
    expect(text).not.toContain('Unfinished draft text');
    expectError(await core.registry.invoke('logs.exportLogBook', { participantId: (await ok(core.registry, 'participants.create', { pilotId: mentor.pilotId, participant: { name: 'New', email: 'new@example.ac.uk', role: 'mentor' } })).id }), 'NOT_FOUND');
  });
});
