import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { accessOf, channels, contract, type Channel, type ChannelInput, type Envelope } from '../../shared/contract';
import { createCore } from '../../electron/core';
import { handlers } from '../../electron/core/registry/handlers';
import type { Handler } from '../../electron/core/registry/types';
import { fixedFolderHost } from '../../electron/core/host';
import { DemoClock } from '../../electron/core/demo/clock';
import { fillDemo } from '../../electron/core/demo/demo';
import { PASSPHRASE, TEST_SCRYPT, expectOk, tempDir } from '../helpers/vault';
import { fileOf } from '../helpers/imports';
import { Rng, makePayload, readWorld, type World } from '../reliability/fuzz/payloads';

/**
 * A concern's words never leave the register: on a demo vault holding concerns whose every free
 * text carries a canary word, every query channel outside the register (found from the handler
 * map, so channels added later are covered too) is called with generated inputs aimed at that
 * pilot — searches search for the canary — and every export action writes its files; no answer,
 * error message or file contains the canary. The register is open (stepped up) throughout: the
 * worst case. The PDF log book and the .ics calendars of the very people and meeting the concerns
 * are about are checked by their text, and so is every file of the pilot's research dataset.
 */
const CANARY = 'Quillwort7canary';
const TODAY = '2026-11-22';
const PAYLOADS = Number(process.env.LEAK_PAYLOADS ?? 25);

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('reciprocal-never-leaves-')));
afterAll(() => cleanup());

const kindOf = (channel: Channel) => (handlers[channel] as Handler<Channel> | undefined)?.kind;
const inRegister = (channel: string) => channel.startsWith('safeguarding.');

/** Replaces every `query`/`search` string in a payload with the canary, so searches look for it. */
function searchForCanary(input: unknown): unknown {
  if (Array.isArray(input)) return input.map(searchForCanary);
  if (input === null || typeof input !== 'object' || input instanceof Map) return input;
  return Object.fromEntries(Object.entries(input).map(([key, value]) => [key, (key === 'query' || key === 'search') && typeof value === 'string' ? CANARY : searchForCanary(value)]));
}

async function pdfText(path: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)) }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++) text += (await (await pdf.getPage(i)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
  return text;
}

describe('a concern never leaves the register', () => {
  it('is in no other channel’s answer, no search, no log book, no calendar file and no other export', async () => {
    const clock = new DemoClock(TODAY);
    const exportDir = join(dir, 'exports');
    mkdirSync(exportDir);
    const { registry, session } = createCore(join(dir, 'vault'), { scrypt: TEST_SCRYPT, now: clock.now, host: fixedFolderHost(exportDir), logError: () => {} });
    const { recoveryKey } = expectOk((await registry.invoke('vault.create', { passphrase: PASSPHRASE })) as Envelope<{ recoveryKey: string }>);
    await fillDemo(registry, { seed: 3, participants: 24, clock });
    const pilotId = expectOk(await registry.call('pilots.list', {}))[0]!.id;

    // The canary in every free text a concern holds, about a person whose log and meeting exist.
    registry.grantStepUpInProcess();
    const pair = expectOk(await registry.call('pairs.list', { pilotId }))[0]!;
    const meetings = expectOk(await registry.call('meetings.forPair', { pairId: pair.id })).meetings;
    const held = meetings.find((m) => m.status === 'held')!;
    const restricted = async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
      registry.grantStepUpInProcess();
      return expectOk(await registry.call(channel, input));
    };
    const details = { raisedOn: '2026-11-20', raisedBy: 'partner' as const, category: 'safeguarding' as const, risk: 'high' as const, whatWasSaid: `What was said: ${CANARY} disclosed after the meeting.` };
    const open = await restricted('safeguarding.raise', { source: { kind: 'log', meetingId: held.id, authorId: pair.mentorId }, details: { ...details, raisedVia: 'log', aboutParticipantId: pair.mentorId } });
    await restricted('safeguarding.recordStep', { id: open.steps[0]!.id, doneOn: '2026-11-20', note: `Step note ${CANARY}` });
    await restricted('safeguarding.addStep', { concernId: open.id, text: `Extra step ${CANARY}` });
    await restricted('safeguarding.addReferral', { concernId: open.id, referral: { service: `Service ${CANARY}`, referredOn: '2026-11-20', note: `Referral note ${CANARY}`, outcome: `Outcome ${CANARY}`, outcomeOn: '2026-11-21' } });
    await restricted('safeguarding.addFollowUp', { concernId: open.id, followUp: { dueOn: '2026-11-18', what: `Follow up ${CANARY}`, doneOn: null } });
    const outside = await restricted('safeguarding.raise', { source: { kind: 'meeting', meetingId: held.id }, details: { ...details, raisedVia: 'meeting', aboutParticipantId: null, aboutOther: `Visitor ${CANARY}` } });
    await restricted('safeguarding.close', { id: outside.id, closedOn: '2026-11-21', outcome: `Closed ${CANARY}` });
    await restricted('safeguarding.reopen', { id: outside.id, reason: `Reopened ${CANARY}` });
    const aboutMentee = await restricted('safeguarding.raise', { source: { kind: 'participant', participantId: pair.menteeId }, details: { ...details, raisedVia: 'direct', aboutParticipantId: pair.menteeId } });
    await restricted('safeguarding.update', { id: aboutMentee.id, details: { ...details, raisedVia: 'direct', aboutParticipantId: pair.menteeId, whatWasSaid: `Edited ${CANARY}` } });
    // One person erased (a right-to-erasure request), so the certificate channels answer too.
    const erased = expectOk(await registry.call('participants.list', { pilotId })).rows.find((p) => p.id !== pair.mentorId && p.id !== pair.menteeId)!;
    expectOk(await registry.call('erasure.erasePerson', { participantId: erased.id, confirmName: erased.name, includeSafeguarding: false }));
    // A file staged for an import, so import previews answer too.
    const staged = expectOk(await registry.call('imports.stage', { file: fileOf('Email address,Which meeting?,Description\nx@example.ac.uk,1,Text\n') }));
    const world: World = { ...readWorld(session.db, [pilotId, pilotId], { passphrase: PASSPHRASE, recoveryKey }, TODAY), staged: [{ id: staged.stagedId, headers: staged.headers }] };
    const rng = new Rng(14);
    const leaks: string[] = [];
    const answered = new Map<string, { ok: number; calls: number }>();
    const outsideRegister = channels.filter((c) => !inRegister(c) && !c.startsWith('vault.'));
    const missingHandlers = outsideRegister.filter((c) => kindOf(c) === undefined);
    // Channels only an interviewer's session may call answer a coordinator with FORBIDDEN (tested in vault-interview-slots).
    const forCoordinator = (c: Channel) => accessOf(contract[c]).includes('coordinator');
    const reads = outsideRegister.filter((c) => (kindOf(c) === 'query' || kindOf(c) === 'audited-query') && forCoordinator(c));
    const exports = outsideRegister.filter((c) => kindOf(c) === 'action');

    async function probe(channel: Channel, input: unknown, what: string) {
      registry.grantStepUpInProcess(); // the register open: the worst case
      const answer = await registry.invoke(channel, input);
      const stat = answered.get(channel) ?? { ok: 0, calls: 0 };
      answered.set(channel, { ok: stat.ok + (answer.ok ? 1 : 0), calls: stat.calls + 1 });
      if (JSON.stringify(answer).includes(CANARY)) leaks.push(`${channel} (${what}) answered with the canary`);
      if (!session.isUnlocked) expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    }

    for (const channel of [...reads, ...exports]) {
      const schema = z.toJSONSchema(contract[channel].input, { io: 'input', unrepresentable: 'any' }) as Parameters<typeof makePayload>[1];
      // A channel that has not answered yet gets more tries (inputs that reach a record are rarer for some).
      for (let i = 0; i < PAYLOADS || (i < PAYLOADS * 8 && (answered.get(channel)?.ok ?? 0) === 0); i++) {
        const payload = makePayload(channel, schema, world, rng);
        // Inputs a window could send; hostile ones as a whole (deep nesting, a Map) are the channel fuzz test's.
        if (payload.description.startsWith('whole input')) continue;
        await probe(channel, searchForCanary(payload.input), payload.description);
      }
    }

    // And by hand, the exports of the very people and meeting the concerns are about.
    await probe('logs.search', { pilotId, query: CANARY }, 'the canary searched for');
    await probe('logs.search', { pilotId, query: 'disclosed' }, 'a word next to the canary');
    await probe('audit.list', { limit: 1000 }, 'the whole trail');
    await probe('participants.get', { id: pair.mentorId }, 'the person a concern is about');
    await probe('meetings.forPair', { pairId: pair.id }, 'the pair’s meetings');
    await probe('logs.get', { meetingId: held.id, authorId: pair.mentorId }, 'the log a concern was raised from');
    const book = expectOk(await registry.call('logs.exportLogBook', { participantId: pair.mentorId }));
    const ics = expectOk(await registry.call('meetings.exportIcs', { pairId: pair.id }));
    // The dashboard and the sponsor report (on screen and as a PDF) of the pilot the concerns belong to.
    await probe('dashboard.get', { pilotId }, 'the dashboard of the pilot');
    await probe('reports.sponsor', { pilotId }, 'the sponsor report on screen');
    const sponsorPdf = expectOk(await registry.call('reports.exportSponsorPdf', { pilotId }));
    // The research dataset of that pilot, free text included: the concerned log's words go out, the concern's never.
    const research = expectOk(await registry.call('researchExport.write', { pilotId, includeFreeText: true }));

    const files = readdirSync(exportDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining([book.file, ...ics.files, sponsorPdf.file, ...research.files.map((f) => f.name)]));
    // The research export really held the pilot's logs (their free text was searched).
    expect(research.files.find((f) => f.name === 'logs.csv')!.rows).toBeGreaterThan(0);
    for (const file of files) {
      const path = join(file.parentPath, file.name);
      const text = file.name.endsWith('.pdf') ? await pdfText(path) : readFileSync(path, 'utf8');
      if (text.includes(CANARY)) leaks.push(`export file ${file.name} holds the canary`);
    }
    // The log book really is the log the concern was raised from: its own words are in it.
    expect(await pdfText(join(exportDir, book.file))).toContain(held.themeTitle);
    // The sponsor report really was written in full (its last section too), so its text was searched.
    expect(await pdfText(join(exportDir, sponsorPdf.file))).toContain('What changed: the surveys');

    // The canary is there to be found: the register itself answers with it.
    registry.grantStepUpInProcess();
    expect(JSON.stringify(expectOk(await registry.call('safeguarding.get', { id: open.id })))).toContain(CANARY);

    const neverAnswered = reads.filter((c) => (answered.get(c)?.ok ?? 0) === 0);
    console.log(
      [
        `never-leaves: ${reads.length} query channels and ${exports.length} export actions, ${[...answered.values()].reduce((n, s) => n + s.calls, 0)} calls, ${files.length} files written`,
        ...[...answered].map(([channel, s]) => `  ${channel.padEnd(30)} ${s.ok}/${s.calls} answered`),
        ...(missingHandlers.length ? [`  (no handler yet, skipped: ${missingHandlers.join(', ')})`] : []),
      ].join('\n'),
    );
    expect(leaks).toEqual([]);
    // Every query outside the register answered at least once, so each output was really searched.
    expect(neverAnswered, 'these query channels never answered a generated input, so their answers were not searched: teach test/reliability/fuzz/payloads.ts their record ids, or give the demo their records').toEqual([]);
  }, 240_000);
});
