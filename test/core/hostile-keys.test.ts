import { beforeEach, describe, expect, it } from 'vitest';
import { expectError, unlockedCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import { newPilot, ok } from '../helpers/pilot';
import { movableClock, pilotWithPair } from '../helpers/pairs';
import { guessColumns, mergeMapping, overrideMapping, parseMapArgument } from '../../electron/core/imports/mapping';
import { importFields } from '../../shared/participants/contract';
import { stage } from '../helpers/imports';
import { ftsQuery } from '../../electron/core/logs/repository';

/**
 * Issue 9: inputs that reached INTERNAL. Column headings are keys anyone can write, so a file with
 * a column named "constructor" or "__proto__" must read like any other file; a search query is text,
 * NUL included.
 */
let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const prototypeKeys = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
const empty = { description: '', feelings: '', evaluation: '', analysis: '', conclusion: '', actionPlan: '' };

describe('column headings that are Object.prototype names', () => {
  it('preview a participants CSV with such columns, before and after a mapping is remembered', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const first = 'Name,Email,Role\nAmara Nwosu,amara@example.ac.uk,Student\n';
    const firstFile = await stage(registry, first);
    const guessed = await ok(registry, 'participants.importPreview', { pilotId, stagedId: firstFile });
    expect(await ok(registry, 'participants.import', { pilotId, stagedId: firstFile, mapping: guessed.mapping })).toEqual({ imported: 1, updated: 0, skipped: 0 });

    const hostile = `Name,Email,Role,${prototypeKeys.join(',')}\nHelen Marsh,helen@example.ac.uk,Staff,a,b,c,d,e\n`;
    const hostileFile = await stage(registry, hostile);
    const preview = await ok(registry, 'participants.importPreview', { pilotId, stagedId: hostileFile });
    expect(preview.mappingRemembered).toBe(true);
    expect(preview.errors).toEqual([]);
    expect(preview.mapping).toMatchObject({ Name: 'name', Email: 'email', Role: 'role', constructor: '', toString: '', hasOwnProperty: '', valueOf: '' });
    expect(preview.sample[0]).toMatchObject({ raw: { name: 'Helen Marsh', email: 'helen@example.ac.uk', role: 'Staff' }, read: { role: 'mentee' } });

    // A requested mapping that names none of them: they are ignored, never read off the prototype.
    const requested = { Name: 'name', Email: 'email', Role: 'role' } as const;
    expect((await ok(registry, 'participants.importPreview', { pilotId, stagedId: hostileFile, mapping: requested })).mapping).toMatchObject({ constructor: '', toString: '' });
    expect(await ok(registry, 'participants.import', { pilotId, stagedId: hostileFile, mapping: requested })).toEqual({ imported: 1, updated: 0, skipped: 0 });
    // And one that maps a column called "constructor" to a field uses that column.
    const renamed = `constructor,Email,Role\nSiobhan Obrien,siobhan@example.ac.uk,Student\n`;
    const viaConstructor = await ok(registry, 'participants.importPreview', { pilotId, stagedId: await stage(registry, renamed), mapping: { constructor: 'name', Email: 'email', Role: 'role' } as const });
    expect(viaConstructor).toMatchObject({ errors: [], missingFields: [], sample: [{ read: { name: 'Siobhan Obrien' } }] });
  });

  it('an availability answer made of prototype names is reported like any unreadable answer', async () => {
    const { registry } = await unlockedCore(dir);
    const { id: pilotId } = await newPilot(registry);
    const csv = 'Name,Email,Role,When are you available?\nAmara Nwosu,amara@example.ac.uk,Student,constructor constructor; Monday morning\n';
    const preview = await ok(registry, 'participants.importPreview', { pilotId, stagedId: await stage(registry, csv) });
    expect(preview.errors).toEqual([{ row: 2, column: 'When are you available?', message: '"constructor constructor" is not a weekday and part of day, like "Monday morning"' }]);
  });

  it('preview a log CSV with such columns, guessed or mapped', async () => {
    const clock = movableClock('2026-11-02T09:00:00Z');
    const { registry } = await unlockedCore(dir, clock.now);
    const { pilotId } = await pilotWithPair(registry);
    const csv = `Email,Meeting,Description,${prototypeKeys.join(',')}\nnobody@example.ac.uk,1,x,a,b,c,d,e\n`;
    const logFile = await stage(registry, csv);
    const preview = await ok(registry, 'logs.importPreview', { pilotId, stagedId: logFile });
    expect(preview.mapping).toMatchObject({ Email: 'email', Meeting: 'meeting', Description: 'description', constructor: '', toString: '' });
    expect(preview.errors).toEqual([{ row: 2, column: 'Email', message: 'nobody@example.ac.uk is not a participant of this pilot' }]);
    const mapped = await ok(registry, 'logs.importPreview', { pilotId, stagedId: logFile, mapping: { Email: 'email', Meeting: 'meeting', Description: 'description' } });
    expect(mapped.mapping).toMatchObject({ constructor: '', valueOf: '' });
    expectError(await registry.invoke('logs.import', { pilotId, stagedId: logFile, mapping: { Email: 'email', Meeting: 'meeting', Description: 'description' } }), 'INVALID_INPUT');
  });

  it('the mapping helpers keep such headings as plain keys and never touch Object.prototype', () => {
    const headers = ['Email', ...prototypeKeys];
    const guessed = guessColumns(
      headers.map((header) => ({ header, examples: [] })),
      { order: ['email'] as const, clues: { email: /mail/ } },
    );
    expect(Object.getPrototypeOf(guessed)).toBe(Object.prototype);
    expect(Object.keys(guessed)).toEqual(headers);
    expect(guessed).toEqual(Object.fromEntries(headers.map((h) => [h, h === 'Email' ? 'email' : ''])));

    const merged = mergeMapping(headers, { Email: 'email' }, guessed);
    expect(merged.remembered).toBe(true);
    expect(Object.entries(merged.mapping)).toEqual(headers.map((h) => [h, h === 'Email' ? 'email' : '']));
    expect(mergeMapping(['constructor', 'toString'], { Email: 'email' }, {}).remembered).toBe(false);

    const named = parseMapArgument('__proto__=email,constructor=name', importFields);
    expect(Object.getPrototypeOf(named)).toBe(Object.prototype);
    expect(Object.entries(named)).toEqual([
      ['__proto__', 'email'],
      ['constructor', 'name'],
    ]);
    const overridden = overrideMapping(headers, guessed, named);
    expect(Object.entries(overridden)).toEqual(headers.map((h) => [h, h === '__proto__' ? 'email' : h === 'constructor' ? 'name' : '']));
    expect(({} as Record<string, unknown>).email).toBeUndefined();
  });
});

describe('search text with control characters', () => {
  it('a NUL or other control character in a search separates words instead of failing', async () => {
    expect(ftsQuery('belong\u0000ing')).toBe('"belong"* "ing"*');
    expect(ftsQuery('\u0000')).toBeUndefined();
    expect(ftsQuery('a\u0007b\u001bc')).toBe('"a"* "b"* "c"*');

    const clock = movableClock('2026-11-02T09:00:00Z');
    const { registry } = await unlockedCore(dir, clock.now);
    const { mentor, pilotId, pair } = await pilotWithPair(registry);
    const { meetings } = await ok(registry, 'meetings.forPair', { pairId: pair.id });
    clock.set('2026-12-20T12:00:00Z');
    await ok(registry, 'meetings.markHeld', { id: meetings[0]!.id, heldOn: meetings[0]!.date, actualDurationMin: 60 });
    await ok(registry, 'logs.submit', { meetingId: meetings[0]!.id, authorId: mentor.id, stages: { ...empty, description: 'We talked about belonging on campus.' } });

    for (const query of ['belonging\u0000', '\u0000belonging', 'belong\u0000campus', 'campus\u0000\u0000\u0000belonging']) {
      const result = await registry.invoke('logs.search', { pilotId, query });
      expect(result.ok, JSON.stringify(query)).toBe(true);
    }
    expect((await ok(registry, 'logs.search', { pilotId, query: 'belonging\u0000campus' })).total).toBe(1);
    expect((await ok(registry, 'logs.search', { pilotId, query: '\u0000\u0000' })).total).toBe(0);
  });
});
