import { beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { expectError, expectOk, newCore, PASSPHRASE, snapshotFiles, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { newPilot, ok } from '../helpers/pilot';
import { fileOf, stage } from '../helpers/imports';
import { movableClock, pilotWithPair } from '../helpers/pairs';
import { runCli } from '../../electron/core/cli/run';
import type { HandlerRegistry } from '../../electron/core';

/**
 * Issue 11: imports as forms tools really export them. Microsoft Forms exports an Excel workbook by
 * default, with its own Id, Start time, Completion time, Email ("anonymous") and Name columns before
 * the form's questions, and every export holds every response so far.
 */
let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const QUESTIONS = ['Full name', 'University email address', 'Are you a student or a member of staff?', 'School or department', 'When are you available?'];
const FORMS_COLUMNS = ['Id', 'Start time', 'Completion time', 'Email', 'Name', ...QUESTIONS];

type Answers = [fullName: string, email: string, role: string, department: string, availability: string];

/** A workbook as Microsoft Forms exports it: one response per row, times as Excel dates, "anonymous" in its own Email column. */
async function formsWorkbook(responses: Answers[], sheet = 'Form1'): Promise<Buffer> {
  const data = [
    FORMS_COLUMNS,
    ...responses.map((answers, i) => [
      i + 1,
      { value: new Date(Date.UTC(2026, 9, 2 + i, 10, 1 + i)), format: 'm/d/yy h:mm' },
      { value: new Date(Date.UTC(2026, 9, 2 + i, 10, 4 + i, 30)), format: 'm/d/yy h:mm:ss' },
      'anonymous',
      null,
      ...answers.map((answer) => answer || null),
    ]),
  ];
  return writeExcelFile(data as never, { sheet }).toBuffer();
}

const amara: Answers = ['Amara Nwosu', 'amara.nwosu@student.example.ac.uk', 'Student', 'Law', 'Monday morning; Wednesday afternoon'];
const helen: Answers = ['Helen Marsh', 'h.marsh@example.ac.uk', 'Member of staff', 'Faculty of Arts', 'Tuesday morning'];
const chen: Answers = ['Chen Li', 'chen.li@student.example.ac.uk', 'Student', 'Physics', ''];

async function peopleOf(registry: HandlerRegistry, pilotId: number) {
  const { rows } = await ok(registry, 'participants.list', { pilotId });
  return Promise.all(rows.map((r) => ok(registry, 'participants.get', { id: r.id })));
}

describe('a Microsoft Forms export (.xlsx)', () => {
  it('is read from its first sheet, with dates as ISO text, and the form’s own questions win over Forms’ Name and Email columns', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const staged = await ok(registry, 'imports.stage', { file: fileOf(await formsWorkbook([amara, helen]), 'Expression of interest(1-2).xlsx') });
    expect(staged).toMatchObject({ name: 'Expression of interest(1-2).xlsx', format: 'xlsx', encoding: null, delimiter: null, sheet: { name: 'Form1', of: 1 }, headers: FORMS_COLUMNS, rowCount: 2 });

    const preview = await ok(registry, 'participants.importPreview', { pilotId, stagedId: staged.stagedId });
    expect(preview.mapping).toEqual({
      Id: '',
      'Start time': '',
      'Completion time': '',
      Email: '',
      Name: '',
      'Full name': 'name',
      'University email address': 'email',
      'Are you a student or a member of staff?': 'role',
      'School or department': 'department',
      'When are you available?': 'availability',
    });
    // Sample values per column show which column is which.
    const examples = Object.fromEntries(preview.columns.map((c) => [c.header, c.examples]));
    expect(examples).toMatchObject({
      Id: ['1', '2'],
      'Start time': ['2026-10-02 10:01', '2026-10-03 10:02'],
      'Completion time': ['2026-10-02 10:04:30', '2026-10-03 10:05:30'],
      Email: ['anonymous', 'anonymous'],
      Name: [],
      'Full name': ['Amara Nwosu', 'Helen Marsh'],
    });
    expect(preview).toMatchObject({ errors: [], missingFields: [], counts: { new: 2, unchanged: 0, changed: 0, invalid: 0 }, changes: [] });
    expect(preview.sample.map((r) => [r.row, r.read.name, r.read.role])).toEqual([
      [2, 'Amara Nwosu', 'mentor'],
      [3, 'Helen Marsh', 'mentee'],
    ]);

    expect(await ok(registry, 'participants.import', { pilotId, stagedId: staged.stagedId, mapping: preview.mapping })).toEqual({ imported: 2, updated: 0, skipped: 0 });
    expect((await peopleOf(registry, pilotId)).map((p) => [p.name, p.email, p.role, p.department, p.availability])).toEqual([
      ['Amara Nwosu', 'amara.nwosu@student.example.ac.uk', 'mentor', 'Law', ['mon-am', 'wed-pm']],
      ['Helen Marsh', 'h.marsh@example.ac.uk', 'mentee', 'Faculty of Arts', ['tue-am']],
    ]);
  });

  it('numbers rows by the sheet’s own row numbers, blank rows included, and says which sheet of several it read', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const sheet = [['Name', 'Email', 'Role'], ['Ada Obi', 'ada@example.ac.uk', 'Student'], [null, null, null], ['Ben Carr', 'not-an-email', 'Staff']];
    const workbook = await writeExcelFile([
      { data: sheet, sheet: 'Responses' },
      { data: [['Summary'], [2]], sheet: 'Summary' },
    ] as never).toBuffer();
    const staged = await ok(registry, 'imports.stage', { file: fileOf(workbook, 'responses.xlsx') });
    expect(staged).toMatchObject({ sheet: { name: 'Responses', of: 2 }, rowCount: 2 });
    const preview = await ok(registry, 'participants.importPreview', { pilotId, stagedId: staged.stagedId });
    expect(preview.errors).toEqual([{ row: 4, column: 'Email', message: 'This is not an email address' }]);
    expect(preview.counts).toEqual({ new: 1, unchanged: 0, changed: 0, invalid: 1 });
    const refused = expectError(await registry.invoke('participants.import', { pilotId, stagedId: staged.stagedId, mapping: preview.mapping }), 'INVALID_INPUT');
    expect(refused.issues).toEqual([{ path: ['rows', 4, 'Email'], message: 'This is not an email address' }]);
    expect((await ok(registry, 'participants.list', { pilotId })).total).toBe(0);
  });

  it('refuses an old .xls workbook, a damaged one, and one that would unpack to far more than any form export', async () => {
    const { registry } = await unlockedCore(dir);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(expectError(await registry.invoke('imports.stage', { file: fileOf(xls, 'old.xls') }), 'INVALID_INPUT').message).toMatch(/Excel 97–2003 workbook \(\.xls\)/);

    const good = await formsWorkbook([amara]);
    const damaged = Buffer.concat([good.subarray(0, 200), Buffer.alloc(200), good.subarray(400)]);
    expect(expectError(await registry.invoke('imports.stage', { file: fileOf(damaged, 'damaged.xlsx') }), 'INVALID_INPUT').message).toMatch(/looks like an Excel workbook \(\.xlsx\) but cannot be read/);

    // The same workbook, its central directory claiming a sheet of 2 GB: refused before anything is unpacked.
    const bomb = Buffer.from(good);
    let entry = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    while (entry >= 0) {
      if (bomb.toString('latin1', entry + 46, entry + 46 + bomb.readUInt16LE(entry + 28)).endsWith('sheet1.xml')) bomb.writeUInt32LE(0x7fffffff, entry + 24);
      entry = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), entry + 4);
    }
    expect(expectError(await registry.invoke('imports.stage', { file: fileOf(bomb, 'bomb.xlsx') }), 'INVALID_INPUT').message).toMatch(/unpacks to more than 200 MB/);
  });
});

describe('cumulative exports', () => {
  it('match people already registered by email: unchanged ones are skipped, changes are listed and applied only when confirmed, with their audit entries', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const first = await stage(registry, await formsWorkbook([amara, helen]), 'Expression of interest(1-2).xlsx');
    const { mapping } = await ok(registry, 'participants.importPreview', { pilotId, stagedId: first });
    await ok(registry, 'participants.import', { pilotId, stagedId: first, mapping });
    const helenId = (await peopleOf(registry, pilotId)).find((p) => p.name === 'Helen Marsh')!.id;

    // The next export has every response so far: Amara's unchanged but for a blank (which clears nothing), Helen's department changed, Chen new.
    const amaraLater: Answers = [...amara.slice(0, 4), ''] as Answers;
    const helenLater: Answers = ['Helen Marsh', 'H.Marsh@example.ac.uk', 'Member of staff', 'Registry', 'Tuesday morning'];
    const cumulative = await formsWorkbook([amaraLater, helenLater, chen]);
    const second = await stage(registry, cumulative, 'Expression of interest(1-3).xlsx');
    const preview = await ok(registry, 'participants.importPreview', { pilotId, stagedId: second });
    expect(preview).toMatchObject({ mappingRemembered: true, errors: [], counts: { new: 1, unchanged: 1, changed: 1, invalid: 0 } });
    expect(preview.changes).toEqual([
      { participantId: helenId, row: 3, name: 'Helen Marsh', email: 'h.marsh@example.ac.uk', differences: [{ field: 'department', from: 'Faculty of Arts', to: 'Registry' }] },
    ]);

    // Not confirmed: Chen is added, Helen is left as she was.
    expect(await ok(registry, 'participants.import', { pilotId, stagedId: second, mapping: preview.mapping })).toEqual({ imported: 1, updated: 0, skipped: 2 });
    let people = await peopleOf(registry, pilotId);
    expect(people.map((p) => [p.name, p.department, p.availability])).toEqual([
      ['Amara Nwosu', 'Law', ['mon-am', 'wed-pm']],
      ['Chen Li', 'Physics', []],
      ['Helen Marsh', 'Faculty of Arts', ['tue-am']],
    ]);

    // Choosing the file again reads it again: now only Helen's change is left, and a change nobody was offered is refused whole.
    const again = await stage(registry, cumulative, 'Expression of interest(1-3).xlsx');
    expect(again).not.toBe(second);
    const recheck = await ok(registry, 'participants.importPreview', { pilotId, stagedId: again });
    expect(recheck.counts).toEqual({ new: 0, unchanged: 2, changed: 1, invalid: 0 });
    const amaraId = people.find((p) => p.name === 'Amara Nwosu')!.id;
    const stale = expectError(await registry.invoke('participants.import', { pilotId, stagedId: again, mapping: recheck.mapping, updates: [helenId, amaraId] }), 'CONFLICT');
    expect(stale.message).toMatch(/Nothing was imported/);
    expect((await peopleOf(registry, pilotId)).find((p) => p.id === helenId)!.department).toBe('Faculty of Arts');

    expect(await ok(registry, 'participants.import', { pilotId, stagedId: again, mapping: recheck.mapping, updates: [helenId] })).toEqual({ imported: 0, updated: 1, skipped: 2 });
    people = await peopleOf(registry, pilotId);
    expect(people.find((p) => p.id === helenId)).toMatchObject({ department: 'Registry', email: 'h.marsh@example.ac.uk', role: 'mentee', availability: ['tue-am'] });
    const trail = await ok(registry, 'audit.list', { limit: 20 });
    expect(trail.filter((e) => e.action === 'participants.update').map((e) => e.entityId)).toEqual([String(helenId)]);
    expect(trail.filter((e) => e.action.startsWith('participants.import')).map((e) => e.action)).toEqual(['participants.import(0)', 'participants.import(1)', 'participants.import(2)']);
  });

  it('keeps a chosen mapping for a renamed copy of the file, matched by heading text', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const workbook = await formsWorkbook([amara]);
    const original = await stage(registry, workbook, 'Expression of interest.xlsx');
    const guessed = await ok(registry, 'participants.importPreview', { pilotId, stagedId: original });
    // The coordinator keeps departments out of this pilot and imports.
    const chosen = { ...guessed.mapping, 'School or department': '' as const };
    await ok(registry, 'participants.import', { pilotId, stagedId: original, mapping: chosen });

    const renamed = await stage(registry, workbook, 'EOI responses – copy for the panel.xlsx');
    const preview = await ok(registry, 'participants.importPreview', { pilotId, stagedId: renamed });
    expect(preview.mappingRemembered).toBe(true);
    expect(preview.mapping).toEqual(chosen);
    // The same file again: everyone in it is registered already.
    expect(preview.counts).toEqual({ new: 0, unchanged: 1, changed: 0, invalid: 0 });
  });
});

describe('staged files', () => {
  it('are let go when the vault locks, and only the last three are kept', async () => {
    const { registry, session } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const csv = 'Name,Email,Role\nAda Obi,ada@example.ac.uk,Student\n';
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await stage(registry, csv, `responses-${i}.csv`));
    const preview = (stagedId: string) => registry.invoke('participants.importPreview', { pilotId, stagedId });
    expect(expectError(await preview(ids[0]!), 'NOT_FOUND').message).toMatch(/no longer open in Reciprocal.*Choose the file again/);
    for (const id of ids.slice(1)) expectOk(await preview(id));
    expectOk(await registry.invoke('imports.discard', { stagedId: ids[3]! }));
    expectError(await preview(ids[3]!), 'NOT_FOUND');

    session.lock();
    expectError(await registry.invoke('imports.stage', { file: fileOf(csv) }), 'VAULT_LOCKED');
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    for (const id of ids.slice(1, 3)) expect(expectError(await preview(id), 'NOT_FOUND').message).toMatch(/let go when the vault locks/);
    expectError(await registry.invoke('participants.import', { pilotId, stagedId: ids[1]!, mapping: { Name: 'name', Email: 'email', Role: 'role' } }), 'NOT_FOUND');
    expect((await ok(registry, 'participants.list', { pilotId })).total).toBe(0);
  });

  it('are never written to disk: staging and previewing change no file, and leave nothing in the temp folder', async () => {
    const { registry, vaultDir } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const temp = join(dir, 'temp');
    mkdirSync(temp);
    const before = snapshotFiles(vaultDir);
    const previousTemp = process.env.TMPDIR;
    process.env.TMPDIR = temp;
    try {
      const workbook = await formsWorkbook(Array.from({ length: 400 }, (_, i): Answers => [`Canary Person ${i}`, `canary.${i}@example.ac.uk`, 'Student', 'Law', 'Monday morning']));
      for (const content of [workbook, 'Name,Email,Role\nCanary Ten,canary10@example.ac.uk,Student\n']) {
        const stagedId = await stage(registry, content);
        await ok(registry, 'participants.importPreview', { pilotId, stagedId });
      }
    } finally {
      if (previousTemp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previousTemp;
    }
    expect(readdirSync(temp)).toEqual([]);
    const after = snapshotFiles(vaultDir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    // Every read moves SQLite's read marks in the -shm file (the WAL's index, never row data); every other byte stays.
    const data = [...after].filter(([path]) => !path.endsWith('-shm'));
    expect(data.map(([path]) => path.slice(vaultDir.length + 1)).sort()).toEqual(['interviews.sqlite', 'interviews.sqlite-wal', 'vault.keys.json', 'vault.sqlite', 'vault.sqlite-wal']);
    for (const [path, bytes] of data) expect(bytes.equals(before.get(path)!), path).toBe(true);
  });
});

describe('reflective logs from a workbook', () => {
  it('go through the same pipeline: remembered mapping, sheet row numbers, already-submitted logs refused in the preview', async () => {
    const clock = movableClock('2026-11-02T09:00:00Z');
    const { registry } = await unlockedCore(dir, clock.now);
    const { pilotId, pair } = await pilotWithPair(registry);
    const { meetings } = await ok(registry, 'meetings.forPair', { pairId: pair.id });
    clock.set('2026-12-20T12:00:00Z');
    await ok(registry, 'meetings.markHeld', { id: meetings[0]!.id, heldOn: meetings[0]!.date, actualDurationMin: 60 });
    const header = ['Id', 'Start time', 'Email', 'Name', 'Your email address', 'Which meeting?', 'Description', 'Feelings'];
    const sheet = [header, [1, 'x', 'anonymous', null, 'amara@example.ac.uk', 1, 'We met in the library', 'Curious'], [null], [2, 'x', 'anonymous', null, 'helen@example.ac.uk', 2, 'Deadlines', null]];
    const workbook = await writeExcelFile(sheet as never).toBuffer();
    const first = await stage(registry, workbook, 'Log form.xlsx');
    const preview = await ok(registry, 'logs.importPreview', { pilotId, stagedId: first });
    expect(preview.mapping).toMatchObject({ Email: '', 'Your email address': 'email', 'Which meeting?': 'meeting', Description: 'description' });
    expect(preview.errors).toEqual([{ row: 4, column: 'Which meeting?', message: 'meeting 2 of Helen Marsh’s pair is not marked held yet' }]);
    expect(preview.counts).toEqual({ new: 1, unchanged: 0, changed: 0, invalid: 1 });

    const fixed = await writeExcelFile(sheet.slice(0, 2) as never).toBuffer();
    const second = await stage(registry, fixed, 'Log form (fixed).xlsx');
    const remembered = await ok(registry, 'logs.importPreview', { pilotId, stagedId: second });
    expect(remembered.mappingRemembered).toBe(false);
    expect(await ok(registry, 'logs.import', { pilotId, stagedId: second, mapping: remembered.mapping })).toEqual({ imported: 1 });
    const again = await ok(registry, 'logs.importPreview', { pilotId, stagedId: await stage(registry, fixed, 'copy.xlsx') });
    expect(again.mappingRemembered).toBe(true);
    expect(again.errors).toEqual([{ row: 2, column: '', message: 'a submitted log already exists for this person and meeting' }]);
  });
});

describe('import on the command line', () => {
  it('reads an .xlsx export, skips people already registered on the next, cumulative one, applies their changes only with --apply-changes, and exits 4 on row errors', async () => {
    const { registry, session, vaultDir } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    session.lock();
    let stdout = '';
    let stderr = '';
    const cli = (args: string[]) => runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => '', env: { RECIPROCAL_PASSPHRASE: PASSPHRASE } });
    const path = (name: string) => join(dir, name);
    const run = async (file: string, ...extra: string[]) => {
      stdout = '';
      stderr = '';
      return cli(['import', 'eoi', path(file), '--pilot', String(pilotId), '--vault', vaultDir, ...extra]);
    };

    writeFileSync(path('first.xlsx'), await formsWorkbook([amara, helen]));
    expect(await run('first.xlsx')).toBe(0);
    expect(stdout).toBe(`Imported 2 expressions of interest into pilot ${pilotId}.\n`);

    const helenLater: Answers = ['Helen Marsh', 'h.marsh@example.ac.uk', 'Member of staff', 'Registry', 'Tuesday morning'];
    writeFileSync(path('second.xlsx'), await formsWorkbook([amara, helenLater, chen]));
    expect(await run('second.xlsx')).toBe(0);
    expect(stdout).toBe(
      [
        `Imported 1 expression of interest into pilot ${pilotId}.`,
        'Skipped 1 person already registered, unchanged.',
        'Not changed: 1 person already registered whose details differ in the file (run again with --apply-changes to apply them):',
        '  row 3, Helen Marsh <h.marsh@example.ac.uk>: department “Faculty of Arts” → “Registry”',
        '',
      ].join('\n'),
    );
    expect(await run('second.xlsx', '--apply-changes')).toBe(0);
    expect(stdout).toBe([`Imported 0 expressions of interest into pilot ${pilotId}.`, 'Updated 1 person already registered, where the file differs.', 'Skipped 2 people already registered, unchanged.', ''].join('\n'));

    writeFileSync(path('bad.xlsx'), await formsWorkbook([['Dev Evans', 'dev@example.ac.uk', 'Visitor', 'Estates', ''], chen]));
    expect(await run('bad.xlsx')).toBe(4);
    expect(stderr).toBe(
      [
        '1 row has problems, so nothing was imported. Fix them in the file (or the mapping) and import again.',
        '  row 2, column "Are you a student or a member of staff?": "Visitor" is neither a student (mentor) nor a member of staff (mentee)',
        '',
      ].join('\n'),
    );

    const reopened = newCore(dir);
    expectOk(await reopened.registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expect((await peopleOf(reopened.registry, pilotId)).map((p) => [p.name, p.department])).toEqual([
      ['Amara Nwosu', 'Law'],
      ['Chen Li', 'Physics'],
      ['Helen Marsh', 'Registry'],
    ]);
    reopened.session.lock();
  });
});
