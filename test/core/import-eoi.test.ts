import { beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectError, expectOk, newCore, PASSPHRASE, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { newPilot, ok } from '../helpers/pilot';
import type { HandlerRegistry } from '../../electron/core';
import { runCli } from '../../electron/core/cli/run';
import { seededRandom } from '../../electron/core/util/random';
import { fileOf as file, stage } from '../helpers/imports';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const formsExport = [
  'Timestamp,Your name,Email address,Are you a student or a member of staff?,School or department,Year of study / job title,I identify as (optional),Topics you would like to discuss,When are you available?',
  '2026-10-02 10:01,Amara Nwosu,amara.nwosu@student.example.ac.uk,Student,Law,Year 2,International; Widening participation,"Belonging, assessment",Monday morning; Wednesday afternoon',
  '2026-10-02 11:15,Prof. Helen Marsh,h.marsh@example.ac.uk,Staff,Faculty of Arts,Dean,,Curriculum,Tuesday morning',
  '2026-10-03 09:40,"O\'Brien, Siobhán",siobhan.obrien@student.example.ac.uk,student,History,"Final year,\nmature student",Mature (21+),"Student voice",Thu pm',
].join('\r\n');

async function pilotWithPeople(registry: HandlerRegistry) {
  const pilot = await newPilot(registry);
  return pilot.id;
}

describe('expressions-of-interest import', () => {
  it('guesses the mapping from form headings, previews, then imports every row and remembers the mapping', async () => {
    const { registry } = await unlockedCore(dir);
    const pilotId = await pilotWithPeople(registry);
    const stagedId = await stage(registry, formsExport);
    const preview = await ok(registry, 'participants.importPreview', { pilotId, stagedId });
    expect(preview).toMatchObject({ encoding: 'UTF-8', delimiter: ',', rowCount: 3, errors: [], missingFields: [], mappingRemembered: false });
    expect(preview.mapping).toEqual({
      Timestamp: '',
      'Your name': 'name',
      'Email address': 'email',
      'Are you a student or a member of staff?': 'role',
      'School or department': 'department',
      'Year of study / job title': 'level',
      'I identify as (optional)': 'characteristics',
      'Topics you would like to discuss': 'topics',
      'When are you available?': 'availability',
    });
    expect(preview.sample[2]).toMatchObject({ row: 4, read: { name: "O'Brien, Siobhán", level: 'Final year,\nmature student', availability: ['thu-pm'] }, problems: {} });

    expect(await ok(registry, 'participants.import', { pilotId, stagedId, mapping: preview.mapping })).toEqual({ imported: 3, updated: 0, skipped: 0 });
    const list = await ok(registry, 'participants.list', { pilotId });
    expect(list.rows.map((r) => [r.name, r.role, r.status])).toEqual([
      ['Amara Nwosu', 'mentor', 'interested'],
      ["O'Brien, Siobhán", 'mentor', 'interested'],
      ['Prof. Helen Marsh', 'mentee', 'interested'],
    ]);
    const amara = await ok(registry, 'participants.get', { id: list.rows[0]!.id });
    expect(amara).toMatchObject({ characteristics: ['International', 'Widening participation'], topics: ['Belonging', 'assessment'], availability: ['mon-am', 'wed-pm'] });

    const next = 'Name,Mail,Kind\nZed,zed@example.ac.uk,staff\n';
    const again = await ok(registry, 'participants.importPreview', { pilotId, stagedId: await stage(registry, formsExport.replace('Email address', 'Email address') + '\r\n') });
    expect(again.mappingRemembered).toBe(true);
    const partial = await ok(registry, 'participants.importPreview', { pilotId, stagedId: await stage(registry, next) });
    expect(partial.missingFields).toEqual(['email', 'role']);
  });

  it('reads Windows-1252, a UTF-8 BOM, semicolons and tabs', async () => {
    const { registry } = await unlockedCore(dir);
    const pilotId = await pilotWithPeople(registry);
    const text = 'Name;Email;Role\r\nRenée Côté;renee@example.ac.uk;Staff\r\n';
    const cp1252 = Buffer.from(text.replace('é', '\u00e9').replace('ô', '\u00f4'), 'latin1');
    const a = await ok(registry, 'participants.importPreview', { pilotId, stagedId: await stage(registry, cp1252) });
    expect(a).toMatchObject({ encoding: 'Windows-1252', delimiter: ';' });
    expect(a.sample[0]!.read.name).toBe('Renée Côté');

    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Name\tEmail\tRole\nŁucja Wąs\tlucja@example.ac.uk\tstudent\n', 'utf8')]);
    const b = await ok(registry, 'participants.importPreview', { pilotId, stagedId: await stage(registry, bom) });
    expect(b).toMatchObject({ encoding: 'UTF-8 with BOM', delimiter: 'tab', headers: ['Name', 'Email', 'Role'] });
    expect(b.sample[0]!.read.name).toBe('Łucja Wąs');
  });

  it('lists row-level errors (row, column, what is wrong), including duplicates, and imports nothing', async () => {
    const { registry } = await unlockedCore(dir);
    const pilotId = await pilotWithPeople(registry);
    await ok(registry, 'participants.create', { pilotId, participant: { name: 'Existing', email: 'taken@example.ac.uk', role: 'mentor' } });
    const csv = [
      'Name,Email,Role,Characteristics,Availability',
      'Good Row,good@example.ac.uk,student,,',
      ',missing-name@example.ac.uk,student,,',
      'Bad Email,not-an-email,staff,,',
      'Bad Role,role@example.ac.uk,visitor,,',
      'Taken,TAKEN@example.ac.uk,staff,,',
      'Twin A,twin@example.ac.uk,student,,',
      'Twin B,twin@example.ac.uk,student,,',
      'Odd,odd@example.ac.uk,student,Left-handed,Sunday brunch',
    ].join('\n');
    const stagedId = await stage(registry, csv);
    const preview = await ok(registry, 'participants.importPreview', { pilotId, stagedId });
    expect(preview.errors).toEqual([
      { row: 3, column: 'Name', message: 'Name is required' },
      { row: 4, column: 'Email', message: 'This is not an email address' },
      { row: 5, column: 'Role', message: '"visitor" is neither a student (mentor) nor a member of staff (mentee)' },
      { row: 6, column: 'Email', message: 'taken@example.ac.uk is already registered (Existing)' },
      { row: 8, column: 'Email', message: 'twin@example.ac.uk also appears in row 7' },
      { row: 9, column: 'Availability', message: '"Sunday brunch" is not a weekday and part of day, like "Monday morning"' },
      { row: 9, column: 'Characteristics', message: expect.stringMatching(/^"Left-handed" is not one of this pilot’s categories/) },
    ]);
    const refused = expectError(await registry.invoke('participants.import', { pilotId, stagedId, mapping: preview.mapping }), 'INVALID_INPUT');
    expect(refused.message).toMatch(/^6 rows have problems, so nothing was imported/);
    expect(refused.issues).toContainEqual({ path: ['rows', 4, 'Email'], message: 'This is not an email address' });
    expect((await ok(registry, 'participants.list', { pilotId })).total).toBe(1);
  });

  it('refuses files that are not CSV, empty, header-only, unbalanced or missing required columns — nothing imported', async () => {
    const { registry } = await unlockedCore(dir);
    const pilotId = await pilotWithPeople(registry);
    const cases: [string | Buffer, RegExp][] = [
      ['', /The file is empty/],
      ['   \r\n \r\n', /The file is empty/],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /Excel workbook/],
      ['%PDF-1.7 binary', /it is a PDF/],
      [Buffer.from([0x41, 0x00, 0x42, 0x0a]), /binary data/],
      ['Name,Email,Role\n', /headings but no rows/],
      ['just one column\nvalue\n', /single column/],
      ['Name,Email,Role\n"Unclosed,a@example.ac.uk,student\n', /quoted field is never closed/],
    ];
    // A file that cannot be read is refused when it is chosen (staged): there is nothing to preview or import.
    for (const [content, message] of cases) {
      const error = expectError(await registry.invoke('imports.stage', { file: file(content) }), 'INVALID_INPUT');
      expect(error.message).toMatch(message);
    }
    const noRole = expectError(
      await registry.invoke('participants.import', { pilotId, stagedId: await stage(registry, 'Name,Email\nA,a@example.ac.uk\n'), mapping: { Name: 'name', Email: 'email' } }),
      'INVALID_INPUT',
    );
    expect(noRole.message).toMatch(/No column is mapped to: Role/);
    const twice = await ok(registry, 'participants.importPreview', { pilotId, stagedId: await stage(registry, 'Name,Email,Role\nA,a@example.ac.uk,staff\n'), mapping: { Name: 'name', Email: 'name', Role: 'role' } });
    expect(twice.missingFields).toEqual(['email']);
    expect((await ok(registry, 'participants.list', { pilotId })).total).toBe(0);
    expect((await ok(registry, 'audit.list', { limit: 50 })).some((e) => e.action.startsWith('participants.import'))).toBe(false);
  });

  it('decodes Windows-1252 typographic bytes (0x80–0x9F) through the whole import, and does not mistake UTF-8 for it', async () => {
    const { registry } = await unlockedCore(dir);
    const pilotId = await pilotWithPeople(registry);
    // As Excel on Windows saves it: ’ is 0x92, “ ” are 0x93 0x94, – is 0x96, € is 0x80, é is 0xE9.
    const cp1252 = Buffer.concat([
      Buffer.from('Name,Email,Role,Notes\r\nSiobh', 'latin1'),
      Buffer.from([0xe1]),
      Buffer.from('n O', 'latin1'),
      Buffer.from([0x92]),
      Buffer.from('Neil,s.oneil@example.ac.uk,Student,', 'latin1'),
      Buffer.from([0x93]),
      Buffer.from('Belonging', 'latin1'),
      Buffer.from([0x94, 0x20, 0x96, 0x20, 0x80]),
      Buffer.from('50 bursary; caf', 'latin1'),
      Buffer.from([0xe9]),
      Buffer.from('\r\n', 'latin1'),
    ]);
    const stagedId = await stage(registry, cp1252);
    const preview = await ok(registry, 'participants.importPreview', { pilotId, stagedId });
    expect(preview).toMatchObject({ encoding: 'Windows-1252', errors: [] });
    expect(preview.sample[0]!.read).toMatchObject({ name: 'Siobhán O’Neil', notes: '“Belonging” – €50 bursary; café' });
    await ok(registry, 'participants.import', { pilotId, stagedId, mapping: preview.mapping });
    const [row] = (await ok(registry, 'participants.list', { pilotId })).rows;
    const stored = await ok(registry, 'participants.get', { id: row!.id });
    expect(stored).toMatchObject({ name: 'Siobhán O’Neil', notes: '“Belonging” – €50 bursary; café' });
    expect(stored.notes).not.toMatch(/[\u0080-\u009f]/);

    // The same text saved as UTF-8 is read as UTF-8, not as Windows-1252 mojibake.
    const utf8 = Buffer.from('Name,Email,Role,Notes\nZoë O’Hara,zoe@example.ac.uk,Staff,“Quotes” – €20\n', 'utf8');
    const u = await ok(registry, 'participants.importPreview', { pilotId, stagedId: await stage(registry, utf8) });
    expect(u.encoding).toBe('UTF-8');
    expect(u.sample[0]!.read).toMatchObject({ name: 'Zoë O’Hara', notes: '“Quotes” – €20' });
  });

  it('detects comma, semicolon and tab outside quotes, even when a quoted heading contains the others', async () => {
    const { registry } = await unlockedCore(dir);
    const pilotId = await pilotWithPeople(registry);
    const cases: [string, string, string[]][] = [
      [';', 'Name;Email;"Role (student, staff, other)"\nAda Obi;ada@example.ac.uk;student\n', ['Name', 'Email', 'Role (student, staff, other)']],
      [',', 'Name,Email,"Role; student or staff"\nAda Obi,ada@example.ac.uk,"student; year 2"\n', ['Name', 'Email', 'Role; student or staff']],
      ['tab', 'Name\tEmail\t"Role (student, staff; other)"\nAda Obi\tada@example.ac.uk\tstaff\n', ['Name', 'Email', 'Role (student, staff; other)']],
      // A quoted heading that runs over two lines does not end the header row early.
      [';', '"Your name\n(first, last)";Email;Role\nAda Obi;ada@example.ac.uk;staff\n', ['Your name\n(first, last)', 'Email', 'Role']],
    ];
    for (const [delimiter, csv, headers] of cases) {
      const preview = await ok(registry, 'participants.importPreview', { pilotId, stagedId: await stage(registry, csv) });
      expect(preview, csv).toMatchObject({ delimiter, headers, rowCount: 1, errors: [] });
      expect(preview.sample[0]!.read).toMatchObject({ name: 'Ada Obi', email: 'ada@example.ac.uk' });
    }
  });

  it('numbers each row by the line it starts on, counting blank lines and line breaks inside quoted answers', async () => {
    const { registry } = await unlockedCore(dir);
    const pilotId = await pilotWithPeople(registry);
    const csv = [
      'Name,Email,Role,Notes', // line 1
      'Amara,amara@example.ac.uk,student,', // 2
      '', // 3
      '   ', // 4
      'Helen,helen@example.ac.uk,staff,"Prefers mornings;', // 5
      'not Fridays', // 6
      'thanks"', // 7
      '', // 8
      'Bad,not-an-email,staff,', // 9
      'Chen,chen@example.ac.uk,visitor,', // 10
    ].join('\r\n');
    const stagedId = await stage(registry, csv);
    const preview = await ok(registry, 'participants.importPreview', { pilotId, stagedId });
    expect(preview.rowCount).toBe(4);
    expect(preview.sample.map((r) => r.row)).toEqual([2, 5, 9, 10]);
    expect(preview.errors).toEqual([
      { row: 9, column: 'Email', message: 'This is not an email address' },
      { row: 10, column: 'Role', message: '"visitor" is neither a student (mentor) nor a member of staff (mentee)' },
    ]);
    const refused = expectError(await registry.invoke('participants.import', { pilotId, stagedId, mapping: preview.mapping }), 'INVALID_INPUT');
    expect(refused.issues?.map((i) => i.path)).toEqual([
      ['rows', 9, 'Email'],
      ['rows', 10, 'Role'],
    ]);
    const unclosed = expectError(await registry.invoke('imports.stage', { file: file('Name,Email,Role\n\nA,a@example.ac.uk,staff\n"B,b@example.ac.uk,staff\n') }), 'INVALID_INPUT');
    expect(unclosed.message).toMatch(/a quoted field is never closed \(it starts on line 4\)/);
  });

  it('shows what the file said for values that cannot be read, and catches a duplicate email whatever else is wrong', async () => {
    const { registry } = await unlockedCore(dir);
    const pilotId = await pilotWithPeople(registry);
    const csv = [
      'Name,Email,Role,Availability,Characteristics',
      ',twin@example.ac.uk,visitor,Sunday brunch; Monday morning,International',
      'Twin B,TWIN@example.ac.uk,student,,Left-handed',
      'Ok Person,ok@example.ac.uk,staff,Tue pm,',
    ].join('\n');
    const stagedId = await stage(registry, csv);
    const preview = await ok(registry, 'participants.importPreview', { pilotId, stagedId });
    expect(preview.sample[0]).toEqual({
      row: 2,
      raw: { name: '', email: 'twin@example.ac.uk', role: 'visitor', availability: 'Sunday brunch; Monday morning', characteristics: 'International' },
      read: { email: 'twin@example.ac.uk', characteristics: ['International'] },
      problems: {
        name: 'Name is required',
        role: '"visitor" is neither a student (mentor) nor a member of staff (mentee)',
        availability: '"Sunday brunch" is not a weekday and part of day, like "Monday morning"',
      },
    });
    expect(preview.sample[1]).toMatchObject({
      row: 3,
      raw: { email: 'TWIN@example.ac.uk', characteristics: 'Left-handed' },
      problems: { email: 'twin@example.ac.uk also appears in row 2', characteristics: expect.stringMatching(/^"Left-handed" is not one of this pilot’s categories/) },
    });
    expect(preview.sample[2]).toMatchObject({ row: 4, read: { name: 'Ok Person', role: 'mentee', availability: ['tue-pm'] }, problems: {} });
    expect(preview.errors.filter((e) => e.row === 3).map((e) => e.column)).toEqual(['Characteristics', 'Email']);
    expectError(await registry.invoke('participants.import', { pilotId, stagedId, mapping: preview.mapping }), 'INVALID_INPUT');
    expect((await ok(registry, 'participants.list', { pilotId })).total).toBe(0);
  });

  it('refuses bytes that are not text, and treats a file holding only a byte-order mark as empty', async () => {
    const { registry } = await unlockedCore(dir);
    const pilotId = await pilotWithPeople(registry);
    const random = seededRandom(7);
    // Random bytes with no NUL: not UTF-8, so they would decode as Windows-1252 without a check.
    const noise = Buffer.from(Array.from({ length: 4000 }, () => 1 + Math.floor(random() * 255)));
    const cases: [Buffer, RegExp][] = [
      [noise, /does not look like a CSV text file/],
      [Buffer.concat([Buffer.from('Name,Email,Role\n'), noise]), /does not look like a CSV text file/],
      [Buffer.from([0xef, 0xbb, 0xbf]), /The file is empty/],
      [Buffer.from([0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x20]), /The file is empty/],
      [Buffer.from([0xff, 0xfe]), /The file is empty/],
    ];
    for (const [content, message] of cases) {
      expect(expectError(await registry.invoke('imports.stage', { file: file(content) }), 'INVALID_INPUT').message).toMatch(message);
    }
    // A stray control character in real answers is not enough to refuse a file.
    const stray = await ok(registry, 'participants.importPreview', { pilotId, stagedId: await stage(registry, 'Name,Email,Role,Notes\nAda Obi,ada@example.ac.uk,student,"Line\u000bbreak from a Mac"\n') });
    expect(stray.errors).toEqual([]);
    expect((await ok(registry, 'participants.list', { pilotId })).total).toBe(0);
  });
});

/** The same vault opened again after the command line has used (and locked) it. */
async function unlockedCoreAgain(root: string) {
  const core = newCore(root);
  expectOk(await core.registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
  return core;
}

describe('import eoi on the command line', () => {
  it('--map changes only the columns it names; every other column keeps its guessed field', async () => {
    const { registry, session, vaultDir } = await unlockedCore(dir);
    const pilotId = await pilotWithPeople(registry);
    session.lock();
    const csv = join(dir, 'responses.csv');
    writeFileSync(csv, 'Full name,Email address,Are you a student or staff?,Dept code,Topics you would like to discuss\nAda Obi,ada@example.ac.uk,Student,LAW,Belonging\nHelen Marsh,helen@example.ac.uk,Staff,REG,Curriculum\n');
    let stdout = '';
    let stderr = '';
    const cli = (args: string[]) => runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => '', env: { RECIPROCAL_PASSPHRASE: PASSPHRASE } });

    expect(await cli(['import', 'eoi', csv, '--pilot', String(pilotId), '--vault', vaultDir, '--map', 'Nope=department'])).toBe(2);
    expect(stderr).toMatch(/--map: the file has no column "Nope"/);
    expect(await cli(['import', 'eoi', csv, '--pilot', String(pilotId), '--vault', vaultDir, '--map', 'Dept code=department'])).toBe(0);
    expect(stdout).toBe(`Imported 2 expressions of interest into pilot ${pilotId}.\n`);

    const reopened = await unlockedCoreAgain(dir);
    const list = await ok(reopened.registry, 'participants.list', { pilotId });
    const people = await Promise.all(list.rows.map((r) => ok(reopened.registry, 'participants.get', { id: r.id })));
    expect(people.map((p) => [p.name, p.email, p.role, p.department, p.topics])).toEqual([
      ['Ada Obi', 'ada@example.ac.uk', 'mentor', 'LAW', ['Belonging']],
      ['Helen Marsh', 'helen@example.ac.uk', 'mentee', 'REG', ['Curriculum']],
    ]);
    reopened.session.lock();
  });
});
