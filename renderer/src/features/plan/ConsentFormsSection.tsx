import { useEffect, useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { consentFormDraft, type ConsentForm } from '../../../../shared/plan/contract';
import { Button } from '../../ui/Button';
import { Table } from '../../ui/Table';
import { TextAreaInput, TextInput } from '../../ui/Field';
import { useNotices } from '../../ui/Notices';
import { Section, headingId } from './Section';
import { InlineForm } from '../../ui/FormActions';
import { useFocusLater } from '../../ui/focus';
import { useSavingForm } from '../../ui/useSavingForm';
import { useReportUnsaved } from '../../ui/unsaved-changes';
import { useToday } from '../../ui/today';
import { formatDate } from '../../../../shared/dates';
import { plural } from '../../../../shared/words';
import { useAddConsentForm, useUpdateConsentForm } from './api';
import { FormDateInput } from '../../ui/DateInput';

const SECTION = 'consent-forms';
type ConsentFormValues = z.input<typeof consentFormDraft>;

function ConsentFormEditor({ heading, initial, submitLabel, onSubmit, onCancel }: { heading: string; initial: ConsentFormValues; submitLabel: string; onSubmit: (values: ConsentFormValues) => Promise<unknown>; onCancel: () => void }) {
  const { register, control, setFocus, formState, submit, formError } = useSavingForm<ConsentFormValues>(
    { defaultValues: initial, resolver: zodResolver(consentFormDraft), mode: 'onTouched' },
    { 'form.version': 'version', 'form.datedOn': 'datedOn', 'form.text': 'text' },
    onSubmit,
  );
  const { errors } = formState;
  useReportUnsaved('Consent forms', formState.isDirty);
  useEffect(() => setFocus('version'), [setFocus]);
  return (
    <InlineForm heading={heading} onSubmit={submit} formError={formError} submitLabel={submitLabel} busy={formState.isSubmitting} onCancel={onCancel}>
      <div className="field-row">
        <TextInput label="Version" required autoComplete="off" description="The label printed on the form, such as 1.0 or 2026-10." error={errors.version?.message} {...register('version')} />
        <FormDateInput control={control} name="datedOn" label="Dated" required error={errors.datedOn?.message} />
      </div>
      <TextAreaInput label="Form text" required rows={8} description="The full wording participants read and agree to." error={errors.text?.message} {...register('text')} />
    </InlineForm>
  );
}

export function ConsentFormsSection({ pilotId, forms }: { pilotId: number; forms: ConsentForm[] }) {
  const { notify } = useNotices();
  const focusLater = useFocusLater();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<ConsentForm>();
  const create = useAddConsentForm();
  const update = useUpdateConsentForm();
  const today = useToday();

  return (
    <Section
      id={SECTION}
      title="Consent form versions"
      intro="Each version of the consent form, with the date on it. A version becomes frozen once anyone has consented on it: to change the wording, add a new version."
      actions={
        forms.length > 0 && !adding && !editing ? (
          <Button id="add-consent-form" onPress={() => setAdding(true)}>
            Add a version
          </Button>
        ) : null
      }
    >
      {forms.length === 0 && !adding ? (
        <div className="section-empty">
          <p>No consent form yet. Add the form participants will sign, with its version label and date, before you record anyone’s consent.</p>
          <Button variant="primary" id="add-consent-form" onPress={() => setAdding(true)}>
            Add the first version
          </Button>
        </div>
      ) : null}
      {forms.length > 0 ? (
        <Table
          caption="Consent form versions, newest first"
          className="consent-table"
          rows={forms}
          rowKey={(form) => form.id}
          columns={[
            {
              id: 'version',
              header: 'Version',
              rowHeader: true,
              cell: (form) => (
                <>
                  {form.version}
                  <details className="consent-text">
                    <summary>
                      Read the text<span className="visually-hidden"> of version {form.version}</span>
                    </summary>
                    <div className="consent-text-body">{form.text}</div>
                  </details>
                </>
              ),
            },
            { id: 'dated', header: 'Dated', cell: (form) => formatDate(form.datedOn) },
            { id: 'consents', header: 'Consents given', cell: (form) => (form.recordCount === 0 ? 'None yet' : plural(form.recordCount, 'consent')) },
            {
              id: 'changes',
              header: 'Changes',
              cell: (form) =>
                form.recordCount === 0 ? (
                  <Button variant="quiet" id={`consent-form-${form.id}-edit`} aria-label={`Edit version ${form.version}`} onPress={() => setEditing(form)}>
                    Edit
                  </Button>
                ) : (
                  <span className="frozen-note">
                    <strong>Frozen:</strong> {plural(form.recordCount, 'person has', 'people have')} consented on this wording. Add a new version to change it.
                  </span>
                ),
            },
          ]}
        />
      ) : null}
      {editing ? (
        <div className="panel">
          <ConsentFormEditor
            key={editing.id}
            heading={`Edit version ${editing.version}`}
            initial={{ version: editing.version, datedOn: editing.datedOn, text: editing.text }}
            submitLabel="Save version"
            onCancel={() => {
              focusLater(`consent-form-${editing.id}-edit`);
              setEditing(undefined);
            }}
            onSubmit={async (values) => {
              const saved = await update.mutateAsync({ id: editing.id, form: values });
              focusLater(`consent-form-${saved.id}-edit`);
              setEditing(undefined);
              notify(`Version ${saved.version} saved.`);
            }}
          />
        </div>
      ) : null}
      {adding ? (
        <div className="panel">
          <ConsentFormEditor
            heading="New consent form version"
            initial={{ version: '', datedOn: today, text: '' }}
            submitLabel="Add version"
            onCancel={() => {
              setAdding(false);
              focusLater('add-consent-form', headingId(SECTION));
            }}
            onSubmit={async (values) => {
              const created = await create.mutateAsync({ pilotId, form: values });
              setAdding(false);
              focusLater(`consent-form-${created.id}-edit`);
              notify(`Version ${created.version} added.`);
            }}
          />
        </div>
      ) : null}
    </Section>
  );
}
