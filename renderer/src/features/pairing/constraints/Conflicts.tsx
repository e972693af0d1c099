import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { conflictKindLabels, conflictKinds, type MatchingState } from '../../../../../shared/matching/contract';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { errorText } from '../../../ui/errors';
import { SelectInput, TextInput } from '../../../ui/Field';
import { useFocusLater } from '../../../ui/focus';
import { applyServerErrors } from '../../../ui/form-errors';
import { FormError } from '../../../ui/FormDialog';
import { PersonLink } from '../../../app/PersonLink';
import { useNotices } from '../../../ui/Notices';
import { PersonPicker } from '../../../ui/PersonPicker';
import { Table } from '../../../ui/Table';
import { useAddConflict, useRemoveConflict } from '../api';
import { namesOf, optionsOf } from './candidates';

const conflictForm = z.object({
  menteeId: z.number({ error: 'Choose the member of staff' }).int().positive(),
  mentorId: z.number({ error: 'Choose the student' }).int().positive(),
  kind: z.enum(conflictKinds),
  note: z.string().trim().max(1000, 'Note must be at most 1000 characters'),
});
type ConflictIn = z.input<typeof conflictForm>;
type ConflictOut = z.output<typeof conflictForm>;
type Conflict = MatchingState['conflicts'][number];
const emptyConflict = { menteeId: null, mentorId: null, kind: 'teaches', note: '' } as unknown as ConflictIn;

/** Conflicts of interest: a member of staff who teaches, assesses or supervises a student is never paired with them. */
export function Conflicts({ pilotId, state }: { pilotId: number; state: MatchingState }) {
  const { notify } = useNotices();
  const remove = useRemoveConflict();
  const [removing, setRemoving] = useState<Conflict>();
  const focusLater = useFocusLater();
  const nameOf = namesOf(state);
  const between = (c: Conflict) => `${nameOf(c.menteeId)} and ${nameOf(c.mentorId)}`;

  const confirmRemove = async () => {
    if (!removing) return;
    const conflict = removing;
    try {
      await remove.mutateAsync({ id: conflict.id });
      notify(`Conflict of interest between ${between(conflict)} removed.`);
      focusLater('conflicts-heading');
    } catch (error) {
      notify(errorText(error), { tone: 'error' });
    }
    setRemoving(undefined);
  };

  return (
    <section className="cp-section" aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading" tabIndex={-1}>
        Conflicts of interest
      </h2>
      <p className="section-intro">A member of staff who teaches, assesses or supervises a student is never paired with them, whatever the scores.</p>
      <Table
        caption="Conflicts of interest"
        className="table-gap table-compact"
        rows={state.conflicts}
        rowKey={(c) => c.id}
        empty={<p className="muted">None recorded.</p>}
        columns={[
          { id: 'mentee', header: 'Member of staff', rowHeader: true, cell: (c) => <PersonLink pilotId={pilotId} person={{ id: c.menteeId, name: nameOf(c.menteeId) }} /> },
          { id: 'mentor', header: 'Student', cell: (c) => <PersonLink pilotId={pilotId} person={{ id: c.mentorId, name: nameOf(c.mentorId) }} /> },
          { id: 'kind', header: 'Conflict', cell: (c) => conflictKindLabels[c.kind] },
          { id: 'note', header: 'Note', cell: (c) => c.note || <span className="muted">None</span> },
          {
            id: 'actions',
            header: 'Actions',
            hideHeader: true,
            className: 'cell-actions',
            cell: (c) => (
              <Button variant="quiet" aria-label={`Remove the conflict between ${between(c)}`} onPress={() => setRemoving(c)}>
                Remove
              </Button>
            ),
          },
        ]}
      />
      <AddConflict pilotId={pilotId} state={state} />
      <ConfirmDialog
        isOpen={removing !== undefined}
        title={`Remove the conflict between ${removing ? between(removing) : ''}?`}
        confirmLabel="Remove conflict"
        isPending={remove.isPending}
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(undefined)}
      >
        <p>They may then be proposed as a pair. Only remove a conflict recorded by mistake or one that has ended.</p>
      </ConfirmDialog>
    </section>
  );
}

function AddConflict({ pilotId, state }: { pilotId: number; state: MatchingState }) {
  const { notify } = useNotices();
  const add = useAddConflict();
  const [formError, setFormError] = useState<string>();
  const { register, control, handleSubmit, setError, reset, formState } = useForm<ConflictIn, unknown, ConflictOut>({
    defaultValues: emptyConflict,
    resolver: zodResolver(conflictForm),
    mode: 'onTouched',
  });
  const nameOf = namesOf(state);

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      await add.mutateAsync({ pilotId, ...values });
      reset(emptyConflict);
      notify(`Conflict of interest recorded: ${nameOf(values.menteeId)} and ${nameOf(values.mentorId)} will never be paired.`);
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['menteeId', 'mentorId', 'kind', 'note']));
    }
  });

  return (
    <form onSubmit={submit} noValidate className="form cp-subform" aria-labelledby="add-conflict-heading">
      <h3 id="add-conflict-heading" className="cp-subform-title">
        Add a conflict of interest
      </h3>
      <div className="field-row">
        <Controller
          control={control}
          name="menteeId"
          render={({ field, fieldState }) => (
            <PersonPicker
              inputRef={field.ref}
              label="Member of staff"
              required
              people={optionsOf(state, 'mentee')}
              value={field.value ?? null}
              onChange={field.onChange}
              error={fieldState.error?.message}
              emptyText="No member of staff matches."
            />
          )}
        />
        <Controller
          control={control}
          name="mentorId"
          render={({ field, fieldState }) => (
            <PersonPicker
              inputRef={field.ref}
              label="Student"
              required
              people={optionsOf(state, 'mentor')}
              value={field.value ?? null}
              onChange={field.onChange}
              error={fieldState.error?.message}
              emptyText="No student matches."
            />
          )}
        />
      </div>
      <div className="field-row">
        <SelectInput label="The member of staff…" options={conflictKinds.map((k) => ({ value: k, label: conflictKindLabels[k] }))} error={formState.errors.kind?.message} {...register('kind')} />
        <TextInput label="Note" autoComplete="off" description="Optional: the module, the committee…" error={formState.errors.note?.message} {...register('note')} />
      </div>
      <FormError message={formError} />
      <Button type="submit" busy={formState.isSubmitting}>
        Add conflict of interest
      </Button>
    </form>
  );
}
