import { useId } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { planContract } from '../../../../shared/plan/contract';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/Field';
import { useNotices } from '../../ui/Notices';
import { Section } from './Section';
import { FormError } from '../../ui/FormDialog';
import { afterRemovingRow, useFocusLater } from '../../ui/focus';
import { useSavingForm } from '../../ui/useSavingForm';
import { useReportUnsaved } from '../../ui/unsaved-changes';
import { plural } from '../../../../shared/words';
import { useSaveEligibility } from './api';

const MAX_CATEGORIES = 40;
const eligibilityFormSchema = z.object({
  // `saved` is the name the row had when the plan was loaded ('' for a new row): a changed name is a rename.
  categories: z.array(z.object({ name: planContract['plan.setEligibility'].input.shape.categories.element, saved: z.string() })),
});
type EligibilityValues = z.infer<typeof eligibilityFormSchema>;

/** The self-identified categories the scheme is for; a renamed category is renamed on people's records too. */
export function EligibilitySection({ pilotId, categories }: { pilotId: number; categories: string[] }) {
  const { notify } = useNotices();
  const save = useSaveEligibility();
  const focusLater = useFocusLater();
  const uid = useId();
  const { register, control, reset, formState, submit, formError } = useSavingForm<EligibilityValues>(
    {
      defaultValues: { categories: categories.map((name) => ({ name, saved: name })) },
      resolver: zodResolver(eligibilityFormSchema),
      // Checked on submit, then as you type: rows just added must not show errors before anyone typed in them.
      mode: 'onSubmit',
    },
    (values) => Object.fromEntries(values.categories.map((_, i) => [`categories.${i}`, `categories.${i}.name`])),
    async (values) => {
      const renames = values.categories.filter((c) => c.saved && c.saved !== c.name).map((c) => ({ from: c.saved, to: c.name }));
      const saved = await save.mutateAsync({ pilotId, categories: values.categories.map((c) => c.name), renames });
      reset({ categories: saved.map((name) => ({ name, saved: name })) });
      const merged = values.categories.length - saved.length;
      const renamed = renames.length > 0 ? `; ${plural(renames.length, 'category', 'categories')} renamed, on people’s records too` : '';
      notify(`Eligibility categories saved${renamed}${merged > 0 ? `; ${plural(merged, 'duplicate')} merged` : ''}.`);
    },
  );
  const rows = useFieldArray({ control, name: 'categories' });
  const current = useWatch({ control, name: 'categories' });
  const { errors } = formState;
  useReportUnsaved('Eligibility', formState.isDirty);

  return (
    <Section
      id="eligibility"
      title="Eligibility categories"
      intro="Who the scheme is for. People tick any categories they identify with when they register; nobody has to prove one, and answering is optional. Renaming a category renames it on everyone who ticked it. A category someone has ticked cannot be removed: only they can say they no longer identify with it, so take it off their record first."
    >
      <p className="special-category-note">
        <strong>Special-category data.</strong> Categories such as ethnicity, disability, religion or sexual orientation are special-category personal data (UK GDPR article 9): ask only with explicit consent, keep the
        answer optional, and report it only in aggregate.
      </p>
      <form onSubmit={submit} noValidate className="form" aria-label="Eligibility categories">
        {rows.fields.length === 0 ? <p className="hint">No categories: anyone can take part. Add one if the scheme is for particular groups.</p> : null}
        <ul className="row-list">
          {rows.fields.map((field, i) => (
            <li key={field.id} className="list-row">
              <TextInput label={`Category ${i + 1}`} autoComplete="off" error={errors.categories?.[i]?.name?.message} {...register(`categories.${i}.name` as const)} />
              <Button
                variant="quiet"
                data-focus-id={`${uid}-remove-${i}`}
                aria-label={`Remove ${current?.[i]?.name.trim() || `category ${i + 1}`}`}
                onPress={() => {
                  rows.remove(i);
                  focusLater(afterRemovingRow(`${uid}-remove-`, i, rows.fields.length, `${uid}-add`));
                }}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
        <div className="form-actions">
          {rows.fields.length < MAX_CATEGORIES ? (
            <Button id={`${uid}-add`} onPress={() => rows.append({ name: '', saved: '' })}>
              Add a category
            </Button>
          ) : null}
          <Button type="submit" variant="primary" busy={formState.isSubmitting}>
            Save categories
          </Button>
        </div>
        <FormError message={formError} />
      </form>
    </Section>
  );
}
