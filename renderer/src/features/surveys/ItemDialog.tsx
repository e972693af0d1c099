import { useId, useState } from 'react';
import { ApiError } from '../../api';
import { FormDialog } from '../../ui/FormDialog';
import { DialogFormActions } from '../../ui/FormActions';
import { FieldErrorText, SelectInput, TextAreaInput, TextInput } from '../../ui/Field';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/errors';
import { CHOICES, DEFAULT_LIKERT_LABELS, LIKERT_POINTS, audienceLabels, audiences, itemKindLabels, itemKinds, type Audience, type ItemDraft, type ItemKind, type SurveyItem } from '../../../../shared/surveys/contract';

interface Draft {
  kind: ItemKind;
  text: string;
  audience: Audience;
  reverseScored: boolean;
  options: string[];
}

const draftOf = (item: SurveyItem | undefined): Draft =>
  item
    ? { kind: item.kind, text: item.text, audience: item.audience, reverseScored: item.reverseScored, options: [...item.options] }
    : { kind: 'likert', text: '', audience: 'both', reverseScored: false, options: [...DEFAULT_LIKERT_LABELS] };

/** Switching kind keeps what still fits: a scale's labels, or the choices typed so far. */
function withKind(draft: Draft, kind: ItemKind): Draft {
  if (kind === 'text') return { ...draft, kind, options: [], reverseScored: false };
  if (kind === 'likert') return { ...draft, kind, options: draft.kind === 'likert' ? draft.options : [...DEFAULT_LIKERT_LABELS] };
  return { ...draft, kind, reverseScored: false, options: draft.kind === 'choice' ? draft.options : ['', ''] };
}

/**
 * Adds or changes one item. A Likert statement's labels run from least to most agreement; a choice
 * lists its choices. The main process checks everything again and its messages land on the fields.
 */
export function ItemDialog({
  item,
  nextChangeMakesVersion,
  version,
  onSave,
  onClose,
}: {
  item?: SurveyItem;
  nextChangeMakesVersion: boolean;
  version: number;
  onSave: (item: ItemDraft) => Promise<unknown>;
  onClose: () => void;
}) {
  const uid = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(item));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const answered = item?.answered ?? false;
  const min = draft.kind === 'likert' ? LIKERT_POINTS.min : CHOICES.min;
  const max = draft.kind === 'likert' ? LIKERT_POINTS.max : CHOICES.max;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(undefined);
    if (!draft.text.trim()) return setErrors({ text: 'Question is required' });
    setBusy(true);
    try {
      await onSave({ kind: draft.kind, text: draft.text, audience: draft.audience, reverseScored: draft.reverseScored, options: draft.options });
      onClose();
    } catch (error) {
      // The main process names the field under `item` (["item", "options", 2] is a label of the scale).
      const fields: Record<string, string> = {};
      if (error instanceof ApiError) for (const issue of error.issues) if (issue.path[0] === 'item' && issue.path[1] !== undefined) fields[String(issue.path[1])] ??= issue.message;
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const setOption = (index: number, value: string) => setDraft((d) => ({ ...d, options: d.options.map((o, i) => (i === index ? value : o)) }));
  return (
    <FormDialog title={item ? 'Change the item' : 'Add an item'} onClose={onClose} size="wide">
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        {nextChangeMakesVersion ? (
          <p className="callout callout-warning">
            Version {version} of this questionnaire has responses, so saving makes version {version + 1}. Answers already given keep the wording they were given with; the analysis matches this item
            across versions.
          </p>
        ) : null}
        <SelectInput
          label="Kind of item"
          value={draft.kind}
          disabled={answered}
          description={answered ? 'This item has answers, so its kind stays the same.' : undefined}
          options={itemKinds.map((k) => ({ value: k, label: itemKindLabels[k] }))}
          onChange={(e) => setDraft((d) => withKind(d, e.target.value as ItemKind))}
          error={errors.kind}
        />
        <TextAreaInput label="Question" required value={draft.text} rows={2} onChange={(e) => setDraft((d) => ({ ...d, text: e.target.value }))} error={errors.text} />
        <SelectInput label="Asked of" value={draft.audience} options={audiences.map((a) => ({ value: a, label: audienceLabels[a] }))} onChange={(e) => setDraft((d) => ({ ...d, audience: e.target.value as Audience }))} error={errors.audience} />
        {draft.kind === 'likert' ? (
          <div className="checkbox-field">
            <input id={`${uid}-reverse`} type="checkbox" checked={draft.reverseScored} onChange={(e) => setDraft((d) => ({ ...d, reverseScored: e.target.checked }))} aria-describedby={`${uid}-reverse-note`} />
            <label htmlFor={`${uid}-reverse`}>Reverse-scored</label>
            <span id={`${uid}-reverse-note`} className="checkbox-note">
              agreeing is the less favourable answer (“I find it hard to…”); flipped before analysis
            </span>
          </div>
        ) : null}
        {draft.kind !== 'text' ? (
          <fieldset className="fieldset" aria-describedby={errors.options ? `${uid}-options-error` : undefined}>
            <legend>{draft.kind === 'likert' ? 'Labels, from least to most agreement' : 'Choices'}</legend>
            {answered ? <p className="field-description">This item has answers, so the number of {draft.kind === 'likert' ? 'points' : 'choices'} stays the same; their words can change.</p> : null}
            <ol className="sv-option-list">
              {draft.options.map((option, index) => (
                <li key={index} className="sv-option">
                  <TextInput label={draft.kind === 'likert' ? `Point ${index + 1}` : `Choice ${index + 1}`} value={option} onChange={(e) => setOption(index, e.target.value)} />
                  {!answered && draft.options.length > min ? (
                    <Button variant="quiet" aria-label={`Remove ${draft.kind === 'likert' ? `point ${index + 1}` : `choice ${index + 1}`}`} onPress={() => setDraft((d) => ({ ...d, options: d.options.filter((_, i) => i !== index) }))}>
                      Remove
                    </Button>
                  ) : null}
                </li>
              ))}
            </ol>
            {!answered && draft.options.length < max ? (
              <Button onPress={() => setDraft((d) => ({ ...d, options: [...d.options, ''] }))}>{draft.kind === 'likert' ? 'Add a point' : 'Add a choice'}</Button>
            ) : null}
            <FieldErrorText id={`${uid}-options-error`} message={errors.options} />
          </fieldset>
        ) : null}
        <DialogFormActions formError={formError} submitLabel={item ? 'Save item' : 'Add item'} busy={busy} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}
