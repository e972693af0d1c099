import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { buildQdpx } from '../../electron/core/qdpx/package';
import { checkProject, projectXml } from '../../electron/core/qdpx/project-xml';
import { guidMaker, uuidV5 } from '../../electron/core/qdpx/guid';
import { normaliseText } from '../../electron/core/qdpx/text';
import type { QdaProject } from '../../electron/core/qdpx/model';

const XSD = readFileSync(join(__dirname, '../fixtures/refi-qda/Project-mrt2019.xsd'), 'utf8');

async function expectValid(xml: string) {
  const result = await validateXML({ xml: { fileName: 'project.qde', contents: xml }, schema: { fileName: 'Project-mrt2019.xsd', contents: XSD } });
  expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
  expect(result.valid).toBe(true);
}

// Accents, an emoji (two UTF-16 units, one code point) and CRLF line breaks before the coded words.
const RAW = '[00:00:05] P: Café 🙂 with Núñez.\r\n[00:00:20] P: The training helped me.\r\n';
const CODED = 'The training helped';

/** A small project as the adapter makes one: a code, a case, a text source with a coded selection, audio with sync points, a note. */
function sample(namespace = '6ba7b810-9dad-11d1-80b4-00c04fd430c8'): QdaProject {
  const guid = guidMaker(namespace);
  const { text, position } = normaliseText(RAW);
  const rawStart = Array.from(RAW.slice(0, RAW.indexOf(CODED))).length;
  const start = position(rawStart);
  const end = position(rawStart + Array.from(CODED).length);
  return {
    name: 'Demo pilot: closing interviews',
    origin: 'Reciprocal',
    createdAt: '2027-06-30T10:00:00.000Z',
    creatingUserGuid: guid('user', 'coordinator'),
    description: 'Test & <check> "escaping"',
    users: [{ guid: guid('user', 'coordinator'), name: 'Coordinator' }],
    codes: [{ guid: guid('code', 1), name: 'Training', colour: '#9fd0f0', description: 'What the training did', noteGuid: guid('note', 1), children: [{ guid: guid('code', 2), name: 'Sub', colour: '#aabbcc', description: '', children: [] }] }],
    variables: [{ guid: guid('variable', 'role'), name: 'Role', description: '' }],
    cases: [{ guid: guid('case', 'P-0000-0001'), name: 'P-0000-0001', description: '', values: [{ variableGuid: guid('variable', 'role'), text: 'mentor' }], sourceGuids: [guid('text', 1), guid('audio', 1)] }],
    textSources: [{ guid: guid('text', 1), name: 'Interview', description: '', text, selections: [{ guid: guid('sel', 1), name: CODED, start, end, codings: [{ guid: guid('coding', 1, 1), codeGuid: guid('code', 1) }], noteGuids: [] }], noteGuids: [guid('note', 1)] }],
    audioSources: [{ guid: guid('audio', 1), name: 'Recording', extension: 'webm', data: new Uint8Array([0x1a, 0x45, 0xdf, 0xa3]), transcript: { guid: guid('transcript', 1), textSourceGuid: guid('text', 1), syncPoints: [{ guid: guid('sync', 0), timeStampMs: 5000, position: 0 }, { guid: guid('sync', 1), timeStampMs: 20000, position: Array.from(text.split('\n')[0]!).length + 1 }] } }],
    notes: [{ guid: guid('note', 1), name: 'Memo', text: 'A memo with an emoji 🙂 and <brackets>' }],
  };
}

describe('REFI-QDA builder', () => {
  it('writes project.qde that validates against the QDA-XML 1.0 schema, with no BOM before <?xml', async () => {
    const xml = projectXml(sample());
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xml).toContain('xmlns="urn:QDA-XML:project:1.0"');
    await expectValid(xml);
    // Every Coding has exactly one CodeRef, and no SyncPoint reference is empty.
    const codings = xml.match(/<Coding [^>]*>.*?<\/Coding>/g) ?? [];
    expect(codings).toHaveLength(1);
    for (const coding of codings) expect(coding.match(/<CodeRef /g)).toHaveLength(1);
    expect(xml).not.toMatch(/(fromSyncPoint|toSyncPoint|targetGUID)=""/);
    // The validator does catch what other exporters get wrong: a Coding without its CodeRef.
    const broken = await validateXML({ xml: { fileName: 'project.qde', contents: xml.replace(/<CodeRef [^>]*\/>/, '') }, schema: { fileName: 'Project-mrt2019.xsd', contents: XSD } });
    expect(broken.valid).toBe(false);
  });

  it('counts positions in code points on LF text, so accents, emoji and CRLF shift nothing', () => {
    const project = sample();
    const source = project.textSources[0]!;
    expect(source.text).not.toContain('\r');
    const selection = source.selections[0]!;
    // What a QDA program shows for the selection: the code points from start to end.
    expect(Array.from(source.text).slice(selection.start, selection.end).join('')).toBe(CODED);
    // In UTF-16 units the emoji would count twice, and with CRLF the break would too.
    expect(source.text.indexOf(CODED)).toBe(selection.start + 1);
  });

  it('gives every record the same GUID in two builds, and different vaults different GUIDs', () => {
    const a = projectXml(sample());
    const b = projectXml(sample());
    expect(a).toBe(b);
    const other = projectXml(sample('1b671a64-40d5-491e-99b0-da01ff1f3341'));
    const guids = (xml: string) => new Set(xml.match(/guid="([^"]+)"/g));
    expect([...guids(a)].filter((g) => guids(other).has(g))).toEqual([]);
    // UUID version 5 (RFC 9562 test vector: "www.example.com" in the DNS namespace).
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('packs one project.qde at the root and a flat, lower-case sources/ folder of UTF-8 text without a BOM', () => {
    const project = sample();
    const files = unzipSync(buildQdpx(project));
    const names = Object.keys(files).filter((name) => !name.endsWith('/'));
    expect(names.sort()).toEqual(['project.qde', `sources/${project.audioSources[0]!.guid}.webm`, `sources/${project.textSources[0]!.guid}.txt`].sort());
    const text = files[`sources/${project.textSources[0]!.guid}.txt`]!;
    expect([...text.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(text)).toBe(project.textSources[0]!.text);
    expect(files['project.qde']![0]).toBe('<'.charCodeAt(0));
    // Every internal:// path in project.qde is a file in the package.
    for (const [, path] of strFromU8(files['project.qde']!).matchAll(/internal:\/\/([^"]+)/g)) expect(files[`sources/${path}`]).toBeDefined();
  });

  it('refuses a project with a broken reference or a selection outside its text', () => {
    const dangling = sample();
    dangling.textSources[0]!.selections[0]!.codings[0]!.codeGuid = '00000000-0000-4000-8000-000000000000';
    expect(() => checkProject(dangling)).toThrow(/missing code/);
    const outside = sample();
    outside.textSources[0]!.selections[0]!.end = 10_000;
    expect(() => checkProject(outside)).toThrow(/outside/);
    const reused = sample();
    reused.notes[0]!.guid = reused.codes[0]!.guid;
    expect(() => checkProject(reused)).toThrow();
  });
});
