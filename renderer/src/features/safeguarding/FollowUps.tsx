import { useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../../../shared/contract/common';
import type { Concern, FollowUp } from '../../../../shared/safeguarding/contract';
import { formatDate } from '../../../../shared/dates';
import { Button } from '../../ui/Button';
import { SectionCard } from '../../ui/SectionCard';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { TextAreaInput, TextInput } from '../../ui/Field';
import { DialogFormActions } from '../../ui/FormActions';
import { RegisterDialog, useRegisterDialogWhile } from './RegisterDialog';
import { useNotices } from '../../ui/Notices';
import { useToday } from '../../ui/today';
import { useSavingForm } from '../../ui/useSavingForm';
import { useConfirmDelete } from '../../ui/useEditAndDelete';
import { useConcernChange } from './api';
import { ConcernPartsTable } from './ConcernPartsTable';
import { FormDateInput } from '../../ui/DateInput';

type Mode = 'add' | 'done' | 'edit';
type Editing = { followUp: FollowUp | undefined; mode: Mode };

/** A YYYY-MM-DD date `days` later. */
function addDaysTo(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Dates to come back to a concern: what to check and when; overdue ones count on the dashboard. */
export function FollowUps({ concern: c }: { concern: Concern }) {
  const [editing, setEditing] = useState<Editing>();
  const remove = useConcernChange('safeguarding.removeFollowUp');
  const { deleting: removing, setDeleting: setRemoving, confirmDelete } = useConfirmDelete<FollowUp>(remove, () => 'Follow-up removed.');
  useRegisterDialogWhile(removing !== undefined);
  const open = c.status === 'open';
  return (
    <SectionCard
      headingId="sg-follow-ups-heading"
      title="Follow-ups"
      actions={open ? <Button onPress={() => setEditing({ followUp: undefined, mode: 'add' })}>Add a follow-up</Button> : null}
    >
      <ConcernPartsTable
        caption="Follow-ups"
        rows={c.followUps}
        empty={<p className="muted">No follow-up dates. Add one to be reminded, on the dashboard, when it is due.</p>}
        columns={[
          { id: 'due', header: 'Due', className: 'nowrap', cell: (f) => formatDate(f.dueOn) },
          { id: 'what', header: 'What to follow up', rowHeader: true, cell: (f) => <span className="notes-text">{f.what}</span> },
          {
            id: 'state',
            header: 'Done',
            cell: (f) =>
              f.doneOn ? (
                <>
                  <span className="pill pill-done">Done {formatDate(f.doneOn)}</span>
                  {f.doneNote ? <div className="cell-note notes-text">{f.doneNote}</div> : null}
                </>
              ) : f.overdue ? (
                <span className="pill pill-overdue">Overdue</span>
              ) : (
                <span className="pill pill-upcoming">To do</span>
              ),
          },
        ]}
        actions={
          open
            ? (f) => (
                <>
                  {f.doneOn ? null : (
                    <Button variant="quiet" aria-label={`Mark done: follow-up of ${formatDate(f.dueOn)}`} onPress={() => setEditing({ followUp: f, mode: 'done' })}>
                      Mark done
                    </Button>
                  )}
                  <Button variant="quiet" aria-label={`Edit the follow-up of ${formatDate(f.dueOn)}`} onPress={() => setEditing({ followUp: f, mode: 'edit' })}>
                    Edit
                  </Button>
                  <Button variant="quiet" aria-label={`Remove the follow-up of ${formatDate(f.dueOn)}`} onPress={() => setRemoving(f)}>
                    Remove
                  </Button>
                </>
              )
            : undefined
        }
      />
      {editing ? <FollowUpDialog concernId={c.id} {...editing} onClose={() => setEditing(undefined)} /> : null}
      <ConfirmDialog
        isOpen={removing !== undefined}
        title="Remove this follow-up?"
        confirmLabel="Remove follow-up"
        isPending={remove.isPending}
        onCancel={() => setRemoving(undefined)}
        onConfirm={() => void confirmDelete()}
      >
        {removing ? `“${removing.what}”, due ${formatDate(removing.dueOn)}, is no longer needed. The concern’s history keeps a line saying it was removed.` : null}
      </ConfirmDialog>
    </SectionCard>
  );
}

/** Marking one done needs the day it was done; otherwise that day is optional. */
const followUpForm = (mode: Mode) =>
  z
    .object({ dueOn: isoDate, what: requiredText('What to follow up', 1000), doneOn: z.string(), doneNote: optionalText('Note', 4000) })
    .superRefine((values, ctx) => {
      if (!values.doneOn && mode === 'done') ctx.addIssue({ code: 'custom', path: ['doneOn'], message: 'Enter the day it was done' });
      if (values.doneOn && !isoDate.safeParse(values.doneOn).success) ctx.addIssue({ code: 'custom', path: ['doneOn'], message: 'Enter the date: day, month and year' });
    });
type FollowUpForm = z.input<ReturnType<typeof followUpForm>>;

function FollowUpDialog({ concernId, followUp, mode, onClose }: Editing & { concernId: number; onClose: () => void }) {
  const today = useToday();
  const add = useConcernChange('safeguarding.addFollowUp');
  const update = useConcernChange('safeguarding.updateFollowUp');
  const { notify } = useNotices();
  const { register, control, formState, submit, formError } = useSavingForm<FollowUpForm>(
    {
      defaultValues: {
        dueOn: followUp?.dueOn ?? addDaysTo(today, 7),
        what: followUp?.what ?? '',
        doneOn: followUp?.doneOn ?? (mode === 'done' ? today : ''),
        doneNote: followUp?.doneNote ?? '',
      },
      resolver: zodResolver(followUpForm(mode)),
      mode: 'onSubmit',
    },
    { 'followUp.dueOn': 'dueOn', 'followUp.what': 'what', 'followUp.doneOn': 'doneOn', 'followUp.doneNote': 'doneNote' },
    async (values) => {
      const draft = { ...values, doneOn: values.doneOn || null };
      if (followUp) await update.mutateAsync({ id: followUp.id, followUp: draft });
      else await add.mutateAsync({ concernId, followUp: draft });
      onClose();
      notify(mode === 'add' ? `Follow-up added for ${formatDate(values.dueOn)}.` : mode === 'done' ? 'Follow-up marked done.' : 'Follow-up saved.');
    },
  );
  const { errors } = formState;
  const title = mode === 'add' ? 'Add a follow-up' : mode === 'done' ? 'Mark the follow-up done' : 'Edit the follow-up';
  return (
    <RegisterDialog title={title} onClose={onClose}>
      <form onSubmit={submit} noValidate className="form">
        {mode === 'done' ? (
          <p className="dialog-intro">
            “{followUp?.what}”, due {followUp ? formatDate(followUp.dueOn) : ''}.
          </p>
        ) : (
          <>
            <TextInput label="What to follow up" required autoFocus autoComplete="off" error={errors.what?.message} {...register('what')} />
            <FormDateInput control={control} name="dueOn" label="Due on" required className="input-date" error={errors.dueOn?.message} />
          </>
        )}
        {mode === 'add' ? null : (
          <>
            <FormDateInput control={control} name="doneOn" label="Done on" className="input-date" required={mode === 'done'} description={mode === 'edit' ? 'Empty while it is still to do.' : undefined} error={errors.doneOn?.message} />
            <TextAreaInput label="Note" rows={3} autoFocus={mode === 'done'} description="What was found, agreed or done." error={errors.doneNote?.message} {...register('doneNote')} />
          </>
        )}
        <DialogFormActions formError={formError} submitLabel={mode === 'add' ? 'Add follow-up' : mode === 'done' ? 'Mark done' : 'Save follow-up'} busy={formState.isSubmitting} onCancel={onClose} />
      </form>
    </RegisterDialog>
  );
}
