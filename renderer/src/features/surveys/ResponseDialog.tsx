import { useId, useState } from 'react';
import { ApiError } from '../../api';
import { FormDialog } from '../../ui/FormDialog';
import { DialogFormActions } from '../../ui/FormActions';
import { FieldErrorText } from '../../ui/Field';
import { Loading, ErrorMessage } from '../../ui/Page';
import { errorText } from '../../ui/errors';
import { useNotices } from '../../ui/Notices';
import type { SurveyItem, SurveyResponse } from '../../../../shared/surveys/contract';
import { useResponse, useSaveResponse } from './api';

type Answers = Record<number, { score: number | null; text: string }>;

const answersOf = (response: SurveyResponse): Answers =>
  Object.fromEntries(response.items.map((item) => [item.id, response.answers?.find((a) => a.itemId === item.id) ?? { score: null, text: '' }]));

/** One item as a form control: a scale or choice as radio buttons (with "No answer"), free text as a text box. */
function AnswerField({ item, number, value, error, onChange }: { item: SurveyItem; number: number; value: { score: number | null; text: string }; error: string | undefined; onChange: (v: { score: number | null; text: string }) => void }) {
  const uid = useId();
  if (item.kind === 'text') {
    return (
      <div className="field">
        <label htmlFor={uid} className="field-label">
          {number}. {item.text}
        </label>
        <textarea id={uid} className="input textarea" rows={3} value={value.text} onChange={(e) => onChange({ score: null, text: e.target.value })} aria-invalid={error ? true : undefined} aria-describedby={error ? `${uid}-error` : undefined} />
        <FieldErrorText id={`${uid}-error`} message={error} />
      </div>
    );
  }
  return (
    <fieldset className="fieldset sv-answer" aria-describedby={error ? `${uid}-error` : undefined}>
      <legend>
        {number}. {item.text}
        {item.reverseScored ? <span className="cell-note-wrap"> (reverse-scored)</span> : null}
      </legend>
      <div className="radio-group">
        {item.options.map((option, index) => (
          <label key={index} className="checkbox-field">
            <input type="radio" name={`${uid}-answer`} checked={value.score === index + 1} onChange={() => onChange({ score: index + 1, text: '' })} />
            {option}
          </label>
        ))}
        <label className="checkbox-field sv-no-answer">
          <input type="radio" name={`${uid}-answer`} checked={value.score === null} onChange={() => onChange({ score: null, text: '' })} />
          No answer
        </label>
      </div>
      <FieldErrorText id={`${uid}-error`} message={error} />
    </fieldset>
  );
}

function ResponseForm({ response, onClose }: { response: SurveyResponse; onClose: () => void }) {
  const save = useSaveResponse();
  const { notify } = useNotices();
  const [answers, setAnswers] = useState<Answers>(() => answersOf(response));
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [formError, setFormError] = useState<string>();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(undefined);
    const list = response.items.map((item) => ({ itemId: item.id, ...answers[item.id]! }));
    try {
      await save.mutateAsync({ waveId: response.waveId, participantId: response.participant.id, answers: list });
      notify(`${response.participant.name}’s answers saved.`);
      onClose();
    } catch (error) {
      const byItem: Record<number, string> = {};
      if (error instanceof ApiError) for (const issue of error.issues) if (issue.path[0] === 'answers' && typeof issue.path[1] === 'number') byItem[list[issue.path[1]]!.itemId] ??= issue.message;
      setErrors(byItem);
      setFormError(errorText(error));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form">
      <p className="section-intro">
        Participant code {response.participant.code} · questionnaire version {response.version}
        {response.source ? ` · ${response.source === 'imported' ? 'imported from a form' : 'entered by hand'}` : ''}. Leave an item on “No answer” if it was skipped.
      </p>
      {response.items.map((item, index) => (
        <AnswerField key={item.id} item={item} number={index + 1} value={answers[item.id]!} error={errors[item.id]} onChange={(v) => setAnswers((a) => ({ ...a, [item.id]: v }))} />
      ))}
      <DialogFormActions formError={formError} submitLabel="Save answers" busy={save.isPending} onCancel={onClose} />
    </form>
  );
}

/** One person's answers in one wave, entered or corrected by hand (from a paper or emailed form). */
export function ResponseDialog({ waveId, participantId, name, onClose }: { waveId: number; participantId: number; name: string; onClose: () => void }) {
  const response = useResponse(waveId, participantId);
  return (
    <FormDialog title={`${name}’s answers`} onClose={onClose} size="wider">
      {response.data ? <ResponseForm response={response.data} onClose={onClose} /> : response.error ? <ErrorMessage error={response.error} /> : <Loading />}
    </FormDialog>
  );
}
