import { useId } from 'react';
import type { Control, FieldValues, Path, UseFormRegister } from 'react-hook-form';
import { consentChoiceLabels } from '../../../../shared/participants/contract';
import type { ConsentForm } from '../../../../shared/plan/contract';
import { formatDate } from '../../../../shared/dates';
import { SelectInput } from '../../ui/Field';
import { FormDateInput } from '../../ui/DateInput';
import { consentChoiceKeys } from './words';

/**
 * What a consent record says — the form's version, the date, each choice — as recording one and
 * correcting one both ask it. The form holds `formId`, `givenOn` and `choices.<key>`.
 */
export function ConsentRecordFields<T extends FieldValues>({
  versions,
  today,
  control,
  register,
  errors,
}: {
  versions: ConsentForm[];
  today: string;
  control: Control<T>;
  register: UseFormRegister<T>;
  errors: { formId?: string | undefined; givenOn?: string | undefined };
}) {
  const uid = useId();
  return (
    <>
      <SelectInput
        label="Consent form version"
        required
        autoFocus
        options={versions.map((form) => ({ value: String(form.id), label: `Version ${form.version}, dated ${formatDate(form.datedOn)}` }))}
        error={errors.formId}
        {...register('formId' as Path<T>, { valueAsNumber: true })}
      />
      <FormDateInput control={control} name={'givenOn' as Path<T>} label="Date consent was given" className="pp-date" required max={today} error={errors.givenOn} />
      <fieldset className="fieldset">
        <legend>They agreed to</legend>
        <ul className="checkbox-list">
          {consentChoiceKeys.map((key) => (
            <li key={key} className="checkbox-field">
              <input type="checkbox" id={`${uid}-${key}`} {...register(`choices.${key}` as Path<T>)} />
              <label htmlFor={`${uid}-${key}`}>{consentChoiceLabels[key]}</label>
            </li>
          ))}
        </ul>
      </fieldset>
    </>
  );
}
