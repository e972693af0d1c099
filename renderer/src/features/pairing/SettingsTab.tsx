import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { criteria, criterionLabels, matchingSettingsSchema, pairingModeLabels, pairingModes, type MatchingSettings, type MatchingState } from '../../../../shared/matching/contract';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/Field';
import { useNotices } from '../../ui/Notices';
import { applyServerErrors, numberMessages } from '../../ui/form-errors';
import { planPath } from '../../app/paths';
import { useSaveSettings } from './api';
import { modeExplanations } from './words';
import { FormError } from '../../ui/FormDialog';

const criterionHelp: Record<(typeof criteria)[number], string> = {
  chemistry: 'Both said yes after a chemistry meeting scores it all; yes and maybe, or two maybes, less.',
  preferences: 'Who ranked whom; the mentee’s choice counts 60%, the student’s 40%.',
  difference: 'Share of the chosen characteristics on which one has it and the other does not.',
  topics: 'Topics of interest they have in common.',
  availability: 'Weekly times they are both free.',
};

const serverFields: Record<string, string> = {
  'settings.mode': 'mode',
  'settings.differenceCharacteristics': 'differenceCharacteristics',
  ...Object.fromEntries(criteria.map((c) => [`settings.weights.${c}`, `weights.${c}`])),
};

export function SettingsTab({ pilotId, state, onSavedAndRun }: { pilotId: number; state: MatchingState; onSavedAndRun: () => Promise<void> }) {
  const uid = useId();
  const { notify } = useNotices();
  const save = useSaveSettings();
  const [formError, setFormError] = useState<string>();
  const { register, control, handleSubmit, setError, formState, reset } = useForm<MatchingSettings>({
    defaultValues: state.settings,
    resolver: zodResolver(matchingSettingsSchema, numberMessages),
    mode: 'onTouched',
  });
  const { errors } = formState;
  const weights = useWatch({ control, name: 'weights' });
  const chosen = useWatch({ control, name: 'differenceCharacteristics' });
  const total = criteria.reduce((sum, c) => sum + (c === 'difference' && chosen.length === 0 ? 0 : Number.isFinite(weights[c]) ? Number(weights[c]) : 0), 0);

  const submitWith = (run: boolean) =>
    handleSubmit(async (values) => {
      setFormError(undefined);
      try {
        const saved = await save.mutateAsync({ pilotId, settings: values });
        reset(saved);
        if (run) {
          notify('Settings saved. Proposing pairs under them…');
          await onSavedAndRun();
        } else {
          notify('Settings saved. Propose again to see their effect.');
        }
      } catch (error) {
        setFormError(applyServerErrors(error, setError, serverFields));
      }
    });

  return (
    <form onSubmit={submitWith(false)} noValidate className="form cp-settings">
      <fieldset className="fieldset">
        <legend>How to pair</legend>
        <div className="cp-mode-list">
          {pairingModes.map((mode) => (
            <div key={mode} className="cp-mode">
              <input type="radio" id={`${uid}-${mode}`} value={mode} aria-describedby={`${uid}-${mode}-help`} {...register('mode')} />
              <label htmlFor={`${uid}-${mode}`}>{pairingModeLabels[mode]}</label>
              <p id={`${uid}-${mode}-help`} className="field-description">
                {modeExplanations[mode]}
              </p>
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset className="fieldset" aria-describedby={`${uid}-total`}>
        <legend>What counts, and how much</legend>
        <p className="field-description">Each criterion adds up to its weight in points (0–100). A weight of 0 leaves it out.</p>
        <div className="cp-weights">
          {criteria.map((c) => (
            <TextInput
              key={c}
              label={criterionLabels[c]}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              required
              description={c === 'difference' && chosen.length === 0 ? `${criterionHelp[c]} Counts once you choose characteristics below.` : criterionHelp[c]}
              error={errors.weights?.[c]?.message}
              {...register(`weights.${c}`, { valueAsNumber: true })}
            />
          ))}
        </div>
        <p className="cp-total" id={`${uid}-total`} aria-live="polite">
          Total: <strong>{total}</strong> points — the most a pair can score.
        </p>
      </fieldset>

      <fieldset className="fieldset">
        <legend>Rules</legend>
        <div className="cp-subfield">
          <p className="cp-subfield-title" id={`${uid}-differ`}>
            Pairs should differ on
          </p>
          {state.eligibility.length === 0 ? (
            <p className="field-description">
              This pilot has no self-identified characteristics to choose from yet. Add them in the <Link to={planPath(pilotId)}>plan’s eligibility list</Link>.
            </p>
          ) : (
            <Controller
              control={control}
              name="differenceCharacteristics"
              render={({ field }) => (
                <ul className="checkbox-list checkbox-columns" aria-labelledby={`${uid}-differ`}>
                  {state.eligibility.map((c, i) => (
                    <li key={c} className="checkbox-field">
                      <input
                        id={`${uid}-c${i}`}
                        type="checkbox"
                        checked={field.value.includes(c)}
                        onChange={(e) => field.onChange(e.target.checked ? [...field.value, c] : field.value.filter((v) => v !== c))}
                      />
                      <label htmlFor={`${uid}-c${i}`}>{c}</label>
                    </li>
                  ))}
                </ul>
              )}
            />
          )}
          {errors.differenceCharacteristics?.message ? <p className="field-error">{errors.differenceCharacteristics.message}</p> : null}
        </div>
        <div className="cp-check-with-help">
          <div className="checkbox-field">
            <input id={`${uid}-dept`} type="checkbox" aria-describedby={`${uid}-dept-help`} {...register('allowSameDepartment')} />
            <label htmlFor={`${uid}-dept`}>Allow pairs from the same department</label>
          </div>
          <p id={`${uid}-dept-help`} className="field-description">
            Off by default: a member of staff is never paired with a student from their own department.
          </p>
        </div>
        <div className="cp-check-with-help">
          <div className="checkbox-field">
            <input id={`${uid}-avail`} type="checkbox" aria-describedby={`${uid}-avail-help`} {...register('requireAvailabilityOverlap')} />
            <label htmlFor={`${uid}-avail`}>Require a shared free time</label>
          </div>
          <p id={`${uid}-avail-help`} className="field-description">
            Two people who are never free at the same time are not paired. People who gave no availability are not excluded.
          </p>
        </div>
      </fieldset>

      <FormError message={formError} />
      <div className="form-actions cp-form-actions">
        <Button variant="primary" busy={formState.isSubmitting} onPress={() => void submitWith(true)()}>
          Save and propose pairs
        </Button>
        <Button type="submit" busy={formState.isSubmitting}>
          Save settings
        </Button>
        {formState.isDirty ? <p className="cp-unsaved">Unsaved changes</p> : null}
      </div>
    </form>
  );
}
