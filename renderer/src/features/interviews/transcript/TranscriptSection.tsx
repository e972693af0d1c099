import { useRef, useState, type RefObject } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Transcript } from '../../../../../shared/interviews/transcripts-contract';
import { formatTimestamp, lineTimestampMs } from '../../../../../shared/interviews/timestamps';
import { toCodePoints } from '../../../../../shared/interviews/code-points';
import { call } from '../../../api';
import { pilotPath } from '../../../app/paths';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormError } from '../../../ui/FormDialog';
import { ErrorMessage, Loading } from '../../../ui/Page';
import { SectionCard } from '../../../ui/SectionCard';
import { useAutosave } from '../../../ui/useAutosave';
import { toBase64 } from '../../../ui/base64';
import { errorText } from '../../../ui/errors';
import { CodingPanel, type Selection } from '../coding/CodingPanel';
import { useImportTranscript, useIsCoordinator, useTranscript } from './api';
import './transcript.css';

/** What the transcript needs of an audio player (the handle of audio/AudioPlayer). */
export interface TranscriptPlayer {
  seekTo(ms: number): void;
  currentTimeMs(): number;
  togglePlay(): void;
  back(ms: number): void;
}

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

/**
 * The transcript of one interview: typed (saved as you type) or imported from a subtitle, text or
 * Word file. With a recording alongside, the keyboard plays, pauses, goes back and stamps the time.
 * The coordinator codes stretches of it below; coded words cannot be edited until uncoded.
 */
export function TranscriptSection({ interviewId, pilotId, readOnly, player, audio }: { interviewId: number; pilotId: number; readOnly: boolean; player?: RefObject<TranscriptPlayer | null>; audio?: React.ReactNode }) {
  const transcript = useTranscript(interviewId);
  const coordinator = useIsCoordinator();
  // An import replaces the text under the editor: the editor starts afresh from what it returned.
  const [seed, setSeed] = useState<{ key: number; transcript: Transcript }>();
  return (
    <SectionCard headingId="transcript" title="Transcript" actions={coordinator ? <Link to={pilotPath(pilotId, 'interviews/codebook')}>Codebook</Link> : undefined}>
      {audio}
      {transcript.isPending ? (
        <Loading label="Opening the transcript…" />
      ) : transcript.error ? (
        <ErrorMessage error={transcript.error} />
      ) : (
        <TranscriptEditor
          key={seed?.key ?? 0}
          initial={seed?.transcript ?? transcript.data}
          readOnly={readOnly}
          player={player}
          coordinator={coordinator}
          pilotId={pilotId}
          onImported={(imported) => setSeed((previous) => ({ key: (previous?.key ?? 0) + 1, transcript: imported }))}
        />
      )}
    </SectionCard>
  );
}

type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

function TranscriptEditor({
  initial,
  readOnly,
  player,
  coordinator,
  pilotId,
  onImported,
}: {
  initial: Transcript;
  readOnly: boolean;
  player: RefObject<TranscriptPlayer | null> | undefined;
  coordinator: boolean;
  pilotId: number;
  onImported: (transcript: Transcript) => void;
}) {
  const client = useQueryClient();
  const interviewId = initial.interviewId;
  const [text, setText] = useState(initial.body);
  const [savedBody, setSavedBody] = useState(initial.body);
  const [state, setState] = useState<SaveState>('saved');
  const [problem, setProblem] = useState<string>();
  const [hint, setHint] = useState<string>();
  const version = useRef(initial.version);
  const area = useRef<HTMLTextAreaElement>(null);

  const autosave = useAutosave({
    initial: initial.body,
    save: (body: string) => call('transcripts.save', { interviewId, baseVersion: version.current, body }),
    onSaving: () => setState('saving'),
    onSaved: (saved) => {
      version.current = saved.version;
      setSavedBody(saved.body);
      setState('saved');
      setProblem(undefined);
      // Excerpts after an edit moved with their words: show them where they now are.
      void client.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith('coding.') });
    },
    onFailed: (error) => {
      setState('failed');
      setProblem(errorText(error));
    },
  });

  const edit = (next: string, caret?: number) => {
    setText(next);
    setState('unsaved');
    autosave.change(next);
    if (caret !== undefined) requestAnimationFrame(() => area.current?.setSelectionRange(caret, caret));
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    const audio = player?.current;
    const key = event.key.toLowerCase();
    if (event.code !== 'Space' && key !== 'b' && key !== 't' && key !== 'j') return;
    event.preventDefault();
    if (!audio) {
      setHint('There is no recording to play. Type time stamps as [hh:mm:ss] at the start of a line.');
      return;
    }
    if (event.code === 'Space') audio.togglePlay();
    else if (key === 'b') audio.back(5000);
    else if (key === 'j') seekToCaretLine(event.currentTarget, false);
    else {
      const at = event.currentTarget.selectionStart;
      const stamp = `${formatTimestamp(audio.currentTimeMs())} `;
      edit(text.slice(0, at) + stamp + text.slice(event.currentTarget.selectionEnd), at + stamp.length);
    }
  };

  /** A click on a line's time stamp (or Ctrl+J on its line) plays the recording from there. */
  const seekToCaretLine = (element: HTMLTextAreaElement, onlyOnStamp: boolean) => {
    const audio = player?.current;
    if (!audio || element.selectionStart !== element.selectionEnd) return;
    const lineStart = element.value.lastIndexOf('\n', element.selectionStart - 1) + 1;
    const line = element.value.slice(lineStart, lineStart + 12);
    const ms = lineTimestampMs(line);
    if (ms === null) return;
    if (onlyOnStamp && element.selectionStart - lineStart > line.indexOf(']') + 1) return;
    audio.seekTo(ms);
  };

  /** The selection in code points of the saved text, or a reason it cannot be coded. */
  const selection = async (): Promise<Selection | string> => {
    const element = area.current;
    if (!element || element.selectionStart === element.selectionEnd) return 'Select some words in the transcript first, then choose Code selection.';
    await autosave.flush();
    if (!autosave.isSaved(element.value)) return 'The transcript is not saved yet, so it cannot be coded. Fix the problem shown above first.';
    const start = toCodePoints(element.value, element.selectionStart);
    const end = toCodePoints(element.value, element.selectionEnd);
    return { start, end, text: element.value.slice(element.selectionStart, element.selectionEnd) };
  };

  return (
    <>
      <TranscriptImport interviewId={interviewId} hasText={savedBody.trim() !== ''} coded={initial.codedRanges.length > 0} readOnly={readOnly} beforeImport={() => autosave.flush()} onImported={onImported} />
      <div className="field">
        <label className="field-label" htmlFor="transcript-text">
          Transcript text
        </label>
        <p id="transcript-keys" className="field-description">
          Start a line with a time stamp like [00:01:05] to link it to the recording. Keys: {mod}+Space play or pause · {mod}+B back 5 seconds · {mod}+T insert the recording’s time · {mod}+J play from this line (or click its time stamp).
          {coordinator ? ' Coded words are locked: remove their coding to change them.' : ''}
        </p>
        <textarea
          ref={area}
          id="transcript-text"
          className="input textarea transcript-text"
          aria-describedby="transcript-keys transcript-state"
          rows={14}
          spellCheck
          value={text}
          readOnly={readOnly}
          onChange={(event) => edit(event.target.value)}
          onKeyDown={onKeyDown}
          onClick={(event) => seekToCaretLine(event.currentTarget, true)}
          onBlur={() => void autosave.flush()}
        />
        <p id="transcript-state" className="field-description" aria-live="polite">
          {readOnly ? 'Read only.' : { saved: savedBody ? 'Saved' : '', unsaved: 'Not saved yet', saving: 'Saving…', failed: 'Not saved' }[state]}
        </p>
        <FormError message={problem} />
        {hint ? <p className="field-description">{hint}</p> : null}
      </div>
      {coordinator ? <CodingPanel interviewId={interviewId} pilotId={pilotId} body={savedBody} readOnly={readOnly} selection={selection} player={player} /> : null}
    </>
  );
}

function TranscriptImport({
  interviewId,
  hasText,
  coded,
  readOnly,
  beforeImport,
  onImported,
}: {
  interviewId: number;
  hasText: boolean;
  coded: boolean;
  readOnly: boolean;
  beforeImport: () => Promise<void>;
  onImported: (transcript: Transcript) => void;
}) {
  const importer = useImportTranscript();
  const [asking, setAsking] = useState<{ fileName: string; bytesBase64: string }>();
  const [reading, setReading] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  if (readOnly) return null;

  const send = (file: { fileName: string; bytesBase64: string }, replace: boolean) =>
    importer.mutate(
      { interviewId, ...file, replace },
      {
        onSuccess: (transcript) => {
          setAsking(undefined);
          onImported(transcript);
        },
        onSettled: () => {
          if (input.current) input.current.value = '';
        },
      },
    );

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setReading(undefined);
    if (file.size > 5 * 1024 * 1024) return setReading('This file is over 5 MB: a transcript is much smaller. Choose the .vtt, .srt, .txt or .docx file.');
    await beforeImport();
    const picked = { fileName: file.name, bytesBase64: toBase64(new Uint8Array(await file.arrayBuffer())) };
    if (hasText) setAsking(picked);
    else send(picked, false);
  };

  return (
    <div className="transcript-import">
      <label className="field-label" htmlFor="transcript-file">
        Import a transcript file
      </label>
      <p id="transcript-file-help" className="field-description">
        {coded ? 'This transcript is coded, so an import cannot replace it.' : 'WebVTT (.vtt) or SRT (.srt) from Teams or Zoom, plain text (.txt) or Word (.docx). Speakers and times are kept.'}
      </p>
      <input ref={input} id="transcript-file" type="file" accept=".vtt,.srt,.txt,.text,.docx" aria-describedby="transcript-file-help" disabled={coded || importer.isPending} onChange={(event) => void choose(event.target.files?.[0])} />
      {importer.isPending ? <p aria-live="polite">Importing…</p> : null}
      <FormError message={reading ?? (importer.error && !asking ? errorText(importer.error) : undefined)} />
      <ConfirmDialog
        isOpen={asking !== undefined}
        title="Replace the transcript?"
        confirmLabel="Replace it"
        isPending={importer.isPending}
        onConfirm={() => asking && send(asking, true)}
        onCancel={() => {
          setAsking(undefined);
          importer.reset();
          if (input.current) input.current.value = '';
        }}
      >
        <p>This interview already has a transcript. Importing {asking?.fileName} replaces all of its text.</p>
        <FormError message={importer.error ? errorText(importer.error) : undefined} />
      </ConfirmDialog>
    </div>
  );
}
