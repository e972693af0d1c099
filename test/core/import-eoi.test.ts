import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, tempDir, unlockedCore } from '../helpers/vault';
import { newPilot, ok } from '../helpers/pilot';
import type { HandlerRegistry } from '../../electron/core';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const file = (content: string | Buffer, name = 'responses.csv') => ({ name, base64: Buffer.from(content).toString('base64') });

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
    const preview = await ok(registry, 'participants.importPreview', { pilotId, file: file(formsExport) });
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
    expect(preview.sample[2]).toMatchObject({ row: 4, name: "O'Brien, Siobhán", level: 'Final year,\nmature student', availability: ['thu-pm'] });

    expect(await ok(registry, 'participants.import', { pilotId, file: file(formsExport), mapping: preview.mapping })).toEqual({ imported: 3 });
    const list = await ok(registry, 'participants.list', { pilotId });
    expect(list.rows.map((r) => [r.name, r.role, r.status])).toEqual([
      ['Amara Nwosu', 'mentor', 'interested'],
      ["O'Brien, Siobhán", 'mentor', 'interested'],
      ['Prof. Helen Marsh', 'mentee', 'interested'],
    ]);
    const amara = await ok(registry, 'participants.get', { id: list.rows[0]!.id });
    expect(amara).toMatchObject({ characteristics: ['International', 'Widening participation'], topics: ['Belonging', 'assessment'], availability: ['mon-am', 'wed-pm'] });

    const next = 'Name,Mail,Kind\nZed,zed@example.ac.uk,staff\n';
    const again = await ok(registry, 'participants.importPreview', { pilotId, file: file(formsExport.replace('Email address', 'Email address') + '\r\n') });
    expect(again.mappingRemembered).toBe(true);
    const partial = await ok(registry, 'participants.importPreview', { pilotId, file: file(next) });
    expect(partial.missingFields).toEqual(['email', 'role']);
  });

  it('reads Windows-1252, a UTF-8 BOM, semicolons and tabs', async () => {
    const { registry } = await unlockedCore(dir);
    const pilotId = await pilotWithPeople(registry);
    const text = 'Name;Email;Role\r\nRenée Côté;renee@example.ac.uk;Staff\r\n';
    const cp1252 = Buffer.from(text.replace('é', '\u00e9').replace('ô', '\u00f4'), 'latin1');
    const a = await ok(registry, 'participants.importPreview', { pilotId, file: file(cp1252) });
    expect(a).toMatchObject({ encoding: 'Windows-1252', delimiter: ';' });
    expect(a.sample[0]!.name).toBe('Renée Côté');

    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Name\tEmail\tRole\nŁucja Wąs\tlucja@example.ac.uk\tstudent\n', 'utf8')]);
    const b = await ok(registry, 'participants.importPreview', { pilotId, file: file(bom) });
    expect(b).toMatchObject({ encoding: 'UTF-8 with BOM', delimiter: 'tab', headers: ['Name', 'Email', 'Role'] });
    expect(b.sample[0]!.name).toBe('Łucja Wąs');
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
    const preview = await ok(registry, 'participants.importPreview', { pilotId, file: file(csv) });
    expect(preview.errors).toEqual([
      { row: 3, column: 'Name', message: 'Name is required' },
      { row: 4, column: 'Email', message: 'This is not an email address' },
      { row: 5, column: 'Role', message: '"visitor" is neither a student (mentor) nor a member of staff (mentee)' },
      { row: 6, column: 'Email', message: 'taken@example.ac.uk is already registered (Existing)' },
      { row: 8, column: 'Email', message: 'twin@example.ac.uk also appears in row 7' },
      { row: 9, column: 'Availability', message: '"Sunday brunch" is not a weekday and part of day, like "Monday morning"' },
      { row: 9, column: 'Characteristics', message: expect.stringMatching(/^"Left-handed" is not one of this pilot’s categories/) },
    ]);
    const refused = expectError(await registry.invoke('participants.import', { pilotId, file: file(csv), mapping: preview.mapping }), 'INVALID_INPUT');
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
    for (const [content, message] of cases) {
      const error = expectError(await registry.invoke('participants.importPreview', { pilotId, file: file(content) }), 'INVALID_INPUT');
      expect(error.message).toMatch(message);
      expectError(await registry.invoke('participants.import', { pilotId, file: file(content), mapping: {} }), 'INVALID_INPUT');
    }
    const noRole = expectError(await registry.invoke('participants.import', { pilotId, file: file('Name,Email\nA,a@example.ac.uk\n'), mapping: { Name: 'name', Email: 'email' } }), 'INVALID_INPUT');
    expect(noRole.message).toMatch(/No column is mapped to: Role/);
    const twice = await ok(registry, 'participants.importPreview', { pilotId, file: file('Name,Email,Role\nA,a@example.ac.uk,staff\n'), mapping: { Name: 'name', Email: 'name', Role: 'role' } });
    expect(twice.missingFields).toEqual(['email']);
    expect((await ok(registry, 'participants.list', { pilotId })).total).toBe(0);
    expect((await ok(registry, 'audit.list', { limit: 50 })).some((e) => e.action.startsWith('participants.import'))).toBe(false);
  });
});
