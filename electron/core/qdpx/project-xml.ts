import type { QdaCode, QdaProject, QdaSelection } from './model';
import { lengthOf } from './text';

export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** Characters XML 1.0 cannot hold at all (control characters other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const escapeText = (text: string) => text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

/** `<Name a="1" b="2"` with only the attributes that have a value. */
function open(name: string, attributes: Record<string, string | number | boolean | undefined>): string {
  let out = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) out += ` ${key}="${escapeAttribute(String(value))}"`;
  return out;
}

/** An element with children (or none, self-closed). */
function element(name: string, attributes: Record<string, string | number | boolean | undefined>, children: string[] = []): string {
  const body = children.filter(Boolean);
  return body.length === 0 ? `${open(name, attributes)}/>` : `${open(name, attributes)}>${body.join('')}</${name}>`;
}

const textElement = (name: string, text: string) => (text ? `<${name}>${escapeText(text)}</${name}>` : '');
const refs = (name: string, guids: readonly string[]) => guids.map((guid) => element(name, { targetGUID: guid }));

/** The path of a source file inside the package: always the flat, lower-case `sources/` folder. */
export const sourceFile = (guid: string, extension: string) => `${guid}.${extension.toLowerCase()}`;
const internal = (guid: string, extension: string) => `internal://${sourceFile(guid, extension)}`;

function codeXml(code: QdaCode): string {
  return element('Code', { guid: code.guid, name: code.name, isCodable: true, color: code.colour }, [
    textElement('Description', code.description),
    ...refs('NoteRef', code.noteGuid ? [code.noteGuid] : []),
    ...code.children.map(codeXml),
  ]);
}

function selectionXml(selection: QdaSelection, creatingUser: string): string {
  return element('PlainTextSelection', { guid: selection.guid, name: selection.name, startPosition: selection.start, endPosition: selection.end, creatingUser }, [
    ...selection.codings.map((coding) => element('Coding', { guid: coding.guid, creatingUser }, [element('CodeRef', { targetGUID: coding.codeGuid })])),
    ...refs('NoteRef', selection.noteGuids),
  ]);
}

/**
 * `project.qde`: QDA-XML 1.0, UTF-8, no BOM. Checks every reference first (`checkProject`), so a
 * broken project is never written.
 */
export function projectXml(project: QdaProject): string {
  checkProject(project);
  const user = project.creatingUserGuid;
  const parts: string[] = [];
  if (project.users.length) parts.push(element('Users', {}, project.users.map((u) => element('User', { guid: u.guid, name: u.name }))));
  if (project.codes.length) parts.push(element('CodeBook', {}, [element('Codes', {}, project.codes.map(codeXml))]));
  if (project.variables.length) {
    parts.push(element('Variables', {}, project.variables.map((v) => element('Variable', { guid: v.guid, name: v.name, typeOfVariable: 'Text' }, [textElement('Description', v.description)]))));
  }
  if (project.cases.length) {
    parts.push(
      element(
        'Cases',
        {},
        project.cases.map((c) =>
          element('Case', { guid: c.guid, name: c.name }, [
            textElement('Description', c.description),
            ...c.values.map((v) => element('VariableValue', {}, [element('VariableRef', { targetGUID: v.variableGuid }), `<TextValue>${escapeText(v.text)}</TextValue>`])),
            ...refs('SourceRef', c.sourceGuids),
          ]),
        ),
      ),
    );
  }
  const sources = [
    ...project.textSources.map((s) =>
      element('TextSource', { guid: s.guid, name: s.name, plainTextPath: internal(s.guid, 'txt'), creatingUser: user, creationDateTime: project.createdAt }, [
        textElement('Description', s.description),
        ...s.selections.map((selection) => selectionXml(selection, user)),
        ...refs('NoteRef', s.noteGuids),
      ]),
    ),
    ...project.audioSources.map((a) =>
      element('AudioSource', { guid: a.guid, name: a.name, path: internal(a.guid, a.extension), creatingUser: user, creationDateTime: project.createdAt }, [
        a.transcript
          ? element(
              'Transcript',
              { guid: a.transcript.guid, name: `Transcript of ${a.name}`, plainTextPath: internal(a.transcript.textSourceGuid, 'txt') },
              a.transcript.syncPoints.map((p) => element('SyncPoint', { guid: p.guid, timeStamp: p.timeStampMs, position: p.position })),
            )
          : '',
      ]),
    ),
  ];
  if (sources.length) parts.push(element('Sources', {}, sources));
  if (project.notes.length) {
    parts.push(element('Notes', {}, project.notes.map((n) => element('Note', { guid: n.guid, name: n.name, creatingUser: user, creationDateTime: project.createdAt }, [textElement('PlainTextContent', n.text)]))));
  }
  parts.push(textElement('Description', project.description));
  return `<?xml version="1.0" encoding="utf-8"?>\n${element('Project', { xmlns: QDA_NAMESPACE, name: project.name, origin: project.origin, creatingUserGUID: user, creationDateTime: project.createdAt }, parts)}\n`;
}

/**
 * What the schema cannot check but the standard requires: GUIDs unique, every reference resolves,
 * selections inside their text, sync points inside the transcript, text in LF without a BOM.
 * A failure here is a bug in the adapter, never the coordinator's to fix.
 */
export function checkProject(project: QdaProject): void {
  const seen = new Set<string>();
  const claim = (guid: string, what: string) => {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(guid)) throw new Error(`${what} has no valid GUID: ${guid}`);
    if (seen.has(guid)) throw new Error(`${what} reuses the GUID ${guid}`);
    seen.add(guid);
  };
  const users = new Set(project.users.map((u) => u.guid));
  const codes = new Set<string>();
  const notes = new Set(project.notes.map((n) => n.guid));
  const variables = new Set(project.variables.map((v) => v.guid));
  const textSources = new Map(project.textSources.map((s) => [s.guid, s]));
  const sources = new Set([...textSources.keys(), ...project.audioSources.map((a) => a.guid)]);
  project.users.forEach((u) => claim(u.guid, `User ${u.name}`));
  if (!users.has(project.creatingUserGuid)) throw new Error('The creating user is not among the users');
  const walk = (code: QdaCode) => {
    claim(code.guid, `Code ${code.name}`);
    codes.add(code.guid);
    if (!/^#[0-9a-fA-F]{6}$/.test(code.colour)) throw new Error(`Code ${code.name} has no #rrggbb colour`);
    if (code.noteGuid && !notes.has(code.noteGuid)) throw new Error(`Code ${code.name} refers to a missing note`);
    code.children.forEach(walk);
  };
  project.codes.forEach(walk);
  project.variables.forEach((v) => claim(v.guid, `Variable ${v.name}`));
  project.notes.forEach((n) => claim(n.guid, `Note ${n.name}`));
  for (const c of project.cases) {
    claim(c.guid, `Case ${c.name}`);
    for (const v of c.values) if (!variables.has(v.variableGuid)) throw new Error(`Case ${c.name} refers to a missing variable`);
    for (const s of c.sourceGuids) if (!sources.has(s)) throw new Error(`Case ${c.name} refers to a missing source`);
  }
  for (const s of project.textSources) {
    claim(s.guid, `Text source ${s.name}`);
    if (s.text.includes('\r') || s.text.startsWith('\uFEFF')) throw new Error(`Text source ${s.name} is not LF-only text without a BOM`);
    const length = lengthOf(s.text);
    for (const n of s.noteGuids) if (!notes.has(n)) throw new Error(`Text source ${s.name} refers to a missing note`);
    for (const selection of s.selections) {
      claim(selection.guid, `Selection in ${s.name}`);
      if (!(Number.isInteger(selection.start) && Number.isInteger(selection.end) && selection.start >= 0 && selection.end > selection.start && selection.end <= length)) {
        throw new Error(`Selection ${selection.start}–${selection.end} lies outside ${s.name} (${length} code points)`);
      }
      if (selection.codings.length === 0 && selection.noteGuids.length === 0) throw new Error(`Selection in ${s.name} has neither a coding nor a note`);
      for (const coding of selection.codings) {
        claim(coding.guid, `Coding in ${s.name}`);
        if (!codes.has(coding.codeGuid)) throw new Error(`A coding in ${s.name} refers to a missing code`);
      }
      for (const n of selection.noteGuids) if (!notes.has(n)) throw new Error(`Selection in ${s.name} refers to a missing note`);
    }
  }
  for (const a of project.audioSources) {
    claim(a.guid, `Audio source ${a.name}`);
    if (!/^[a-z0-9]{1,8}$/.test(a.extension)) throw new Error(`Audio source ${a.name} has an unusable extension`);
    if (!a.transcript) continue;
    claim(a.transcript.guid, `Transcript of ${a.name}`);
    const text = textSources.get(a.transcript.textSourceGuid);
    if (!text) throw new Error(`The transcript of ${a.name} refers to a missing text source`);
    const length = lengthOf(text.text);
    for (const point of a.transcript.syncPoints) {
      claim(point.guid, `Sync point in ${a.name}`);
      if (point.position < 0 || point.position > length || point.timeStampMs < 0) throw new Error(`A sync point in ${a.name} lies outside its transcript`);
    }
  }
}

/** Selections sorted as QDA programs list them: by start, then end. */
export const bySelectionStart = (a: QdaSelection, b: QdaSelection) => a.start - b.start || a.end - b.end;
