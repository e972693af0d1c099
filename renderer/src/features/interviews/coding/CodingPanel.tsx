import { useState, type RefObject } from 'react';
import { Link } from 'react-router';
import type { Code, Excerpt } from '../../../../../shared/interviews/transcripts-contract';
import { formatTimestamp } from '../../../../../shared/interviews/timestamps';
import { pilotPath } from '../../../app/paths';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { TextAreaInput } from '../../../ui/Field';
import { FormDialog, FormError } from '../../../ui/FormDialog';
import { DialogFormActions } from '../../../ui/FormActions';
import { errorText } from '../../../ui/errors';
import { useApplyCoding, useCodebook, useExcerpts, useRemoveExcerpt, useUpdateExcerpt } from './api';
import { codedLines } from './segments';
import './coding.css';

export interface Selection {
  start: number;
  end: number;
  text: string;
}

interface Player {
  seekTo(ms: number): void;
}

/**
 * Coding of one transcript, for the coordinator: “Code selection” opens a picker of the pilot's codes
 * for the words selected above; the coded transcript shows each coded stretch highlighted with its
 * codes, and each excerpt can be recoded, given a memo, or uncoded.
 */
export function CodingPanel({ interviewId, pilotId, body, readOnly, selection, player }: { interviewId: number; pilotId: number; body: string; readOnly: boolean; selection: () => Promise<Selection | string>; player: RefObject<Player | null> | undefined }) {
  const codes = useCodebook(pilotId);
  const excerpts = useExcerpts(interviewId);
  const [picking, setPicking] = useState<{ selection: Selection; excerpt?: undefined } | { excerpt: Excerpt; selection?: undefined }>();
  const [removing, setRemoving] = useState<Excerpt>();
  const [problem, setProblem] = useState<string>();
  const remove = useRemoveExcerpt();
  const byId = new Map((codes.data ?? []).map((code) => [code.id, code]));
  const list = excerpts.data ?? [];

  const codeSelection = async () => {
    setProblem(undefined);
    const picked = await selection();
    if (typeof picked === 'string') setProblem(picked);
    else setPicking({ selection: picked });
  };

  return (
    <div className="coding-panel">
      <div className="coding-toolbar">
        {readOnly ? null : (
          <Button variant="primary" onPress={() => void codeSelection()}>
            Code selection
          </Button>
        )}
        <Link to={pilotPath(pilotId, 'interviews/codebook')}>Open the codebook</Link>
      </div>
      <FormError message={problem} />
      <h3 id="coded-transcript">Coded transcript</h3>
      {body.trim() === '' ? (
        <p>Nothing to code yet: type or import the transcript above.</p>
      ) : (
        <div className="coded-transcript" aria-labelledby="coded-transcript">
          {codedLines(body, list).map((line, index) => (
            <p key={index} className="coded-line">
              {line.timestampMs !== null && player?.current ? (
                <button type="button" className="timestamp-button" onClick={() => player.current?.seekTo(line.timestampMs!)} aria-label={`Play from ${formatTimestamp(line.timestampMs).slice(1, -1)}`}>
                  ▶
                </button>
              ) : null}
              {line.segments.map((segment, i) => {
                if (segment.excerptIds.length === 0) return <span key={i}>{segment.text}</span>;
                const names = [...new Set(segment.excerptIds.flatMap((id) => list.find((e) => e.id === id)?.codeIds ?? []))].map((id) => byId.get(id));
                return (
                  <mark key={i} className="coded-text" style={{ backgroundColor: names[0]?.colour }} title={`Coded: ${names.map((c) => c?.name).join(', ')}`}>
                    {segment.text}
                    <span className="visually-hidden"> (coded: {names.map((c) => c?.name).join(', ')})</span>
                  </mark>
                );
              })}
              {line.segments.every((s) => s.text === '') ? '\u00a0' : null}
            </p>
          ))}
        </div>
      )}
      <h3>Excerpts ({list.length})</h3>
      {list.length === 0 ? (
        <p>No excerpts yet. Select words in the transcript and choose Code selection.</p>
      ) : (
        <ul className="excerpt-list" aria-label="Coded excerpts">
          {list.map((excerpt) => (
            <li key={excerpt.id}>
              <blockquote>{excerpt.text}</blockquote>
              <CodeChips codes={excerpt.codeIds.map((id) => byId.get(id)).filter((c): c is Code => c !== undefined)} />
              {excerpt.memo ? <p className="excerpt-memo">Memo: {excerpt.memo}</p> : null}
              {readOnly ? null : (
                <div className="excerpt-actions">
                  <Button onPress={() => setPicking({ excerpt })} aria-label={`Change codes or memo of “${short(excerpt.text)}”`}>
                    Codes and memo…
                  </Button>
                  <Button onPress={() => setRemoving(excerpt)} aria-label={`Remove the coding of “${short(excerpt.text)}”`}>
                    Remove coding
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {picking ? <CodePicker interviewId={interviewId} pilotId={pilotId} codes={codes.data ?? []} target={picking} onClose={() => setPicking(undefined)} /> : null}
      <ConfirmDialog
        isOpen={removing !== undefined}
        title="Remove this coding?"
        confirmLabel="Remove coding"
        isPending={remove.isPending}
        onConfirm={() => removing && remove.mutate({ excerptId: removing.id }, { onSuccess: () => setRemoving(undefined) })}
        onCancel={() => setRemoving(undefined)}
      >
        <p>“{removing ? short(removing.text) : ''}” stays in the transcript; only its codes and memo go.</p>
        <FormError message={remove.error ? errorText(remove.error) : undefined} />
      </ConfirmDialog>
    </div>
  );
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

export function CodeChips({ codes }: { codes: Code[] }) {
  return (
    <ul className="code-chips" aria-label="Codes">
      {codes.map((code) => (
        <li key={code.id} className="code-chip">
          <span className="code-swatch" style={{ backgroundColor: code.colour }} aria-hidden="true" />
          {code.name}
        </li>
      ))}
    </ul>
  );
}

function CodePicker({ interviewId, pilotId, codes, target, onClose }: { interviewId: number; pilotId: number; codes: Code[]; target: { selection: Selection; excerpt?: undefined } | { excerpt: Excerpt; selection?: undefined }; onClose: () => void }) {
  const [chosen, setChosen] = useState<number[]>(target.excerpt?.codeIds ?? []);
  const [memo, setMemo] = useState(target.excerpt?.memo ?? '');
  const apply = useApplyCoding();
  const update = useUpdateExcerpt();
  const pending = apply.isPending || update.isPending;
  const error = apply.error ?? update.error;
  const words = target.selection?.text ?? target.excerpt?.text ?? '';

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (target.excerpt) update.mutate({ excerptId: target.excerpt.id, codeIds: chosen, memo }, { onSuccess: onClose });
    else apply.mutate({ interviewId, start: target.selection.start, end: target.selection.end, codeIds: chosen, memo }, { onSuccess: onClose });
  };

  return (
    <FormDialog title={target.excerpt ? 'Codes and memo' : 'Code the selection'} onClose={onClose} size="wide">
      <form onSubmit={submit} noValidate>
        <blockquote className="picker-quote">{short(words)}</blockquote>
        {codes.length === 0 ? (
          <p>
            The codebook is empty. <Link to={pilotPath(pilotId, 'interviews/codebook')}>Open the codebook</Link> to start it from the plan’s themes or add codes.
          </p>
        ) : (
          <fieldset className="code-choices">
            <legend>Codes</legend>
            {codes.map((code) => (
              <label key={code.id} className="code-choice">
                <input type="checkbox" checked={chosen.includes(code.id)} onChange={(event) => setChosen(event.target.checked ? [...chosen, code.id] : chosen.filter((id) => id !== code.id))} />
                <span className="code-swatch" style={{ backgroundColor: code.colour }} aria-hidden="true" /> {code.name}
              </label>
            ))}
          </fieldset>
        )}
        <TextAreaInput label="Memo on this excerpt" value={memo} rows={3} onChange={(event) => setMemo(event.target.value)} />
        <DialogFormActions formError={error ? errorText(error) : undefined} submitLabel={target.excerpt ? 'Save' : 'Apply codes'} busy={pending} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}
