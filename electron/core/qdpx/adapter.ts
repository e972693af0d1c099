import type { ReadDb } from '../db/query';
import { getPilot } from '../pilots';
import { getPlan } from '../plan';
import { researchPeople, type ResearchPerson } from '../participants';
import { pseudonymCoder } from '../pseudonyms';
import { nameReplacer, type NamedEntry } from '../research-export';

type NameReplacer = ReturnType<typeof nameReplacer>;
import { codePointLength } from '../../../shared/interviews/code-points';
import { lineTimestampMs } from '../../../shared/interviews/timestamps';
import type { QdpxLeftOut, QdpxOptions } from '../../../shared/qdpx/contract';
import { guidMaker, uuidV5 } from './guid';
import type { QdaAudioSource, QdaCase, QdaCode, QdaNote, QdaProject, QdaSelection, QdaTextSource } from './model';
import { bySelectionStart } from './project-xml';
import { normaliseText } from './text';
import * as stored from './repository';

/** The app's own UUID namespace; each vault's namespace is derived from it and the vault's pseudonym secret. */
const RECIPROCAL_NAMESPACE = '3f0c8e64-5b0e-4f5e-9d35-8a3c0a4f6a21';
const WITHDRAWN_MARKER = '[withdrawn participant]';
const ABSENT_MARKER = '[participant not in export]';
const INTERVIEWER_MARKER = '[interviewer]';
const STAFF_MARKER = '[staff]';

export interface QdpxSummary {
  people: number;
  transcripts: number;
  codings: number;
  recordings: number;
  namesReplaced: number;
  leftOut: QdpxLeftOut[];
}

const isWithdrawn = (p: ResearchPerson) => p.erased || p.status === 'withdrawn' || p.consentState === 'withdrawn' || p.consent?.withdrawn === true;
/** In the export at all: consent to take part on record, neither withdrawn nor erased. */
const isIncluded = (p: ResearchPerson) => !isWithdrawn(p) && p.consentState === 'given' && p.consent?.takePart === true;

const EXTENSIONS: Record<string, string> = { 'audio/webm': 'webm', 'audio/ogg': 'ogg', 'audio/mp4': 'm4a', 'audio/mpeg': 'mp3', 'audio/wav': 'wav', 'audio/x-wav': 'wav' };
const extensionOf = (mimeType: string) => EXTENSIONS[mimeType.split(';')[0]!.trim().toLowerCase()] ?? 'bin';
const colourOf = (colour: string) => (/^#[0-9a-fA-F]{6}$/.test(colour) ? colour.toLowerCase() : /^#[0-9a-fA-F]{3}$/.test(colour) ? `#${[...colour.slice(1)].map((c) => c + c).join('')}`.toLowerCase() : '#808080');

/**
 * The pilot's closing interviews as a pseudonymised REFI-QDA project:
 * - people appear as Cases named by their pseudonym code, with their role as a variable; withdrawn,
 *   erased and non-consenting people are absent (and any mention of them is replaced by a marker);
 * - names (participants', interviewers', the plan's staff) in transcripts, memos and notes are
 *   replaced with marked codes, with selections and sync points moved to the replaced text;
 * - a transcript, its codings and the interview notes go out only where the person consented to
 *   direct quotes; a recording only where they consented to audio recording and archiving.
 */
export function readQdpxProject(db: ReadDb, pilotId: number, options: Omit<QdpxOptions, 'pilotId'>, today: string, exportedAt: string): { project: QdaProject; summary: QdpxSummary } {
  const pilot = getPilot(db, pilotId);
  const code = pseudonymCoder(db);
  const guid = guidMaker(uuidV5(RECIPROCAL_NAMESPACE, `vault:${code(0)}`));
  const parts = stored.storedParts(db);
  const people = researchPeople(db, pilotId);
  const byId = new Map(people.map((p) => [p.id, p]));
  const included = new Set(people.filter(isIncluded).map((p) => p.id));
  const leftOut: QdpxLeftOut[] = [];
  const leave = (what: string, count: number, why: string) => count > 0 && leftOut.push({ what, count, why });

  // --- names to replace in free text
  const names: NamedEntry[] = people
    .filter((p) => !p.erased)
    .map((p) => ({ key: String(p.id), names: [p.name], marker: included.has(p.id) ? `[${code(p.id)}]` : isWithdrawn(p) ? WITHDRAWN_MARKER : ABSENT_MARKER }));
  for (const interviewer of stored.interviewerNames(db)) names.push({ key: `interviewer:${interviewer.id}`, names: [interviewer.name], marker: INTERVIEWER_MARKER });
  // Plan contacts may be services ("Student Wellbeing Service"): only their whole names are looked for.
  getPlan(db, pilotId, today).support.contacts.forEach((contact, i) => contact.name.trim() && names.push({ key: `staff:${i}`, names: [contact.name.trim()], marker: STAFF_MARKER, wholeOnly: true }));
  const replacer = nameReplacer(names);
  let namesReplaced = 0;
  const onReplace = () => void namesReplaced++;
  const scrub = (text: string, personId?: number) => replacer.replace(text, { onReplace, ...(personId !== undefined ? { prefer: new Set([String(personId)]) } : {}) });

  // --- users: the coordinator and the interviewers, numbered within this pilot (never named)
  const coordinatorGuid = guid('user', 'coordinator');
  const users = [{ guid: coordinatorGuid, name: 'Coordinator' }];

  const interviews = stored.pilotInterviews(db, pilotId);
  const interviewerNumbers = new Map<number, number>();
  for (const interview of interviews) if (!interviewerNumbers.has(interview.interviewerId)) interviewerNumbers.set(interview.interviewerId, interviewerNumbers.size + 1);
  for (const [id, n] of interviewerNumbers) users.push({ guid: guid('user', 'interviewer', id), name: `Interviewer I-${n}` });

  const exported = interviews.filter((i) => included.has(i.participantId));
  leave('Interviews of people who withdrew, were erased or have no consent to take part', interviews.length - exported.length, 'Only people with consent to take part, not withdrawn, are exported.');
  const quotable = (personId: number) => byId.get(personId)?.consent?.directQuotes === true;
  const archivable = (personId: number) => byId.get(personId)?.consent?.archiving === true && byId.get(personId)?.consent?.audioRecording === true;

  // --- codebook
  const notes: QdaNote[] = [];
  const codeRows = parts.coding ? stored.pilotCodes(db, pilotId) : [];
  const codeGuids = new Map<number, string>();
  const codes: QdaCode[] = codeRows.map((row) => {
    const codeGuid = guid('code', row.id);
    codeGuids.set(row.id, codeGuid);
    const memo = scrub(row.memo).trim();
    const noteGuid = memo ? guid('code-memo', row.id) : undefined;
    if (noteGuid) notes.push({ guid: noteGuid, name: `Memo: ${row.name}`, text: memo });
    return { guid: codeGuid, name: row.name, colour: colourOf(row.colour), description: scrub(row.description), ...(noteGuid ? { noteGuid } : {}), children: [] };
  });

  // --- transcripts, codings, notes, recordings per interview
  const transcripts = new Map((parts.transcripts ? stored.pilotTranscripts(db, pilotId) : []).map((t) => [t.interviewId, t]));
  const excerptsOf = new Map<number, stored.ExcerptRow[]>();
  for (const excerpt of parts.coding ? stored.pilotExcerpts(db, pilotId) : []) excerptsOf.set(excerpt.interviewId, [...(excerptsOf.get(excerpt.interviewId) ?? []), excerpt]);
  const notesOf = new Map<number, stored.NoteRow[]>();
  for (const note of stored.pilotNotes(db, pilotId)) notesOf.set(note.interviewId, [...(notesOf.get(note.interviewId) ?? []), note]);
  const recordingsOf = new Map<number, stored.RecordingRow[]>();
  for (const recording of parts.recordings ? stored.pilotRecordings(db, pilotId) : []) recordingsOf.set(recording.interviewId, [...(recordingsOf.get(recording.interviewId) ?? []), recording]);

  const textSources: QdaTextSource[] = [];
  const audioSources: QdaAudioSource[] = [];
  const sourcesOf = new Map<number, string[]>();
  let codings = 0;
  let unquotable = 0;
  let unarchivable = 0;
  let outsideText = 0;
  for (const interview of exported) {
    const personId = interview.participantId;
    const personCode = code(personId);
    const title = `${personCode} interview ${interview.scheduledOn}`;
    const sourceGuids: string[] = [];
    const transcript = transcripts.get(interview.id);
    let transcriptSource: QdaTextSource | undefined;
    const syncPoints: { timeStampMs: number; position: number }[] = [];
    if (transcript && transcript.body.trim() && !quotable(personId)) unquotable++;
    if (transcript && transcript.body.trim() && quotable(personId)) {
      const bodyLength = codePointLength(transcript.body);
      const excerpts = (excerptsOf.get(interview.id) ?? []).filter((e) => {
        const inside = e.startCp >= 0 && e.endCp > e.startCp && e.endCp <= bodyLength;
        if (!inside) outsideText++;
        return inside;
      });
      const { text, mapped } = scrubWithPositions(transcript.body, excerpts.flatMap((e) => [e.startCp, e.endCp]), replacer, personId, onReplace);
      const sourceGuid = guid('transcript', interview.id);
      const textChars = Array.from(text);
      const selections: QdaSelection[] = [];
      for (const excerpt of excerpts) {
        const codeIds = (excerpt.codeIds ?? '').split(',').filter(Boolean).map(Number).filter((id) => codeGuids.has(id));
        const memo = scrub(excerpt.memo, personId).trim();
        const noteGuids = memo ? [guid('excerpt-memo', excerpt.id)] : [];
        if (memo) notes.push({ guid: noteGuids[0]!, name: `Memo on an excerpt of ${title}`, text: memo });
        // Every Coding carries exactly one CodeRef; an excerpt with neither a code nor a memo says nothing.
        if (codeIds.length === 0 && noteGuids.length === 0) continue;
        const start = mapped.get(excerpt.startCp)!;
        const end = mapped.get(excerpt.endCp)!;
        if (end <= start) continue;
        selections.push({ guid: guid('excerpt', excerpt.id), name: textChars.slice(start, Math.min(end, start + 60)).join('').replace(/\s+/g, ' ').trim(), start, end, codings: codeIds.map((id) => ({ guid: guid('coding', excerpt.id, id), codeGuid: codeGuids.get(id)! })), noteGuids });
        codings += codeIds.length;
      }
      const interviewNotes = notesOf.get(interview.id) ?? [];
      const noteText = interviewNotes.map((n) => `${n.question ? `${n.question}\n` : ''}${scrub(n.body, personId).trim()}`).join('\n\n');
      const noteGuids = noteText ? [guid('interview-notes', interview.id)] : [];
      if (noteText) notes.push({ guid: noteGuids[0]!, name: `Interview notes: ${title}`, text: noteText });
      transcriptSource = { guid: sourceGuid, name: `${title} transcript`, description: `Closing interview with ${personCode}, transcript with names replaced.`, text, selections: selections.sort(bySelectionStart), noteGuids };
      textSources.push(transcriptSource);
      sourceGuids.push(sourceGuid);
      // Each line that starts with a time stamp ties its position to that moment of the audio.
      let position = 0;
      for (const line of text.split('\n')) {
        const ms = lineTimestampMs(line);
        if (ms !== null) syncPoints.push({ timeStampMs: ms, position });
        position += codePointLength(line) + 1;
      }
    }
    if (options.includeAudio) {
      for (const recording of recordingsOf.get(interview.id) ?? []) {
        if (!archivable(personId)) {
          unarchivable++;
          continue;
        }
        const audioGuid = guid('recording', recording.id);
        audioSources.push({
          guid: audioGuid,
          name: `${title} recording ${recording.id}`,
          extension: extensionOf(recording.mimeType),
          data: stored.recordingBytes(db, recording.id),
          ...(transcriptSource
            ? { transcript: { guid: guid('recording-transcript', recording.id), textSourceGuid: transcriptSource.guid, syncPoints: syncPoints.map((p, i) => ({ guid: guid('sync', recording.id, i), ...p })) } }
            : {}),
        });
        sourceGuids.push(audioGuid);
      }
    }
    sourcesOf.set(personId, [...(sourcesOf.get(personId) ?? []), ...sourceGuids]);
  }
  leave('Transcripts (with their codings and notes)', unquotable, 'The person did not consent to direct quotes.');
  leave('Recordings', unarchivable, 'The person’s consent does not cover audio recording and archiving.');
  leave('Coded excerpts', outsideText, 'The excerpt no longer lies inside its transcript (the transcript was shortened after coding).');

  // --- cases: one per interviewed person in the export, by pseudonym code
  const roleVariable = { guid: guid('variable', 'role'), name: 'Role', description: 'mentor (student) or mentee (staff)' };
  const cases: QdaCase[] = [...new Set(exported.map((i) => i.participantId))].map((personId) => ({
    guid: guid('case', code(personId)),
    name: code(personId),
    description: `Participant ${code(personId)} (${byId.get(personId)!.role})`,
    values: [{ variableGuid: roleVariable.guid, text: byId.get(personId)!.role }],
    sourceGuids: sourcesOf.get(personId) ?? [],
  }));

  const project: QdaProject = {
    name: `${pilot.name}: closing interviews`,
    origin: 'Reciprocal',
    createdAt: exportedAt,
    creatingUserGuid: coordinatorGuid,
    description: 'Pseudonymised export of closing interviews: people by participant code, names in text replaced with [P-XXXX-XXXX] or another marker in brackets.',
    users,
    codes,
    variables: [roleVariable],
    cases,
    textSources,
    audioSources,
    notes,
  };
  return { project, summary: { people: cases.length, transcripts: textSources.length, codings, recordings: audioSources.length, namesReplaced, leftOut } };
}

/**
 * Normalises a transcript (LF, no BOM) and replaces names in it, keeping track of where the given
 * code-point positions land in the result. The text is cut at those positions and each piece replaced
 * on its own, so a selection keeps exactly the words it held (a name the coder cut in half stays cut).
 */
export function scrubWithPositions(body: string, positions: readonly number[], replacer: NameReplacer, personId: number | undefined, onReplace: () => void): { text: string; mapped: Map<number, number> } {
  const normal = normaliseText(body);
  const chars = Array.from(normal.text); // one entry per code point: slicing stays linear in the text
  const cuts = [...new Set([0, ...positions.map(normal.position), chars.length])].sort((a, b) => a - b);
  const after = new Map<number, number>([[0, 0]]);
  const pieces: string[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const piece = replacer.replace(chars.slice(cuts[i]!, cuts[i + 1]!).join(''), { onReplace, ...(personId !== undefined ? { prefer: new Set([String(personId)]) } : {}) });
    pieces.push(piece);
    after.set(cuts[i + 1]!, after.get(cuts[i]!)! + codePointLength(piece));
  }
  return { text: pieces.join(''), mapped: new Map(positions.map((p) => [p, after.get(normal.position(p))!])) };
}
