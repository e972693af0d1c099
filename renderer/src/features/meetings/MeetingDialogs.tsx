import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { meetingModeLabels, meetingModes, meetingsContract, UNDO_HELD_MINUTES, type Meeting, type RescheduleWarning } from '../../../../shared/meetings/contract';
import { RadioGroupField, TextAreaInput, TextInput } from '../../ui/Field';
import { useCancelMeeting, useMarkHeld, useReschedule, useRestoreMeeting, useUndoHeld } from './api';
import { ConfirmWarnings, useConfirmations } from '../../ui/confirmations';
import { errorText } from '../../ui/errors';
import { meetingLabel } from './words';
import { FormDialog } from '../../ui/FormDialog';
import { DialogFormActions } from '../../ui/FormActions';
import { numberMessages } from '../../ui/form-errors';
import { useSavingForm } from '../../ui/useSavingForm';
import { formatDay } from '../../../../shared/dates';
import { FormDateInput } from '../../ui/DateInput';

/* The same schemas the main process enforces, less the meeting id the dialog already knows. */
const markHeldResolver = zodResolver(meetingsContract['meetings.markHeld'].input.omit({ id: true }), numberMessages);
const rescheduleResolver = zodResolver(meetingsContract['meetings.reschedule'].input.omit({ id: true, confirmed: true }), numberMessages);
const cancelResolver = zodResolver(meetingsContract['meetings.cancel'].input.omit({ id: true }));
const restoreResolver = zodResolver(meetingsContract['meetings.restore'].input.omit({ id: true }));
const modeOptions = meetingModes.map((mode) => ({ value: mode, label: meetingModeLabels[mode] }));

/** What a notice offers beside its message (the Notices undo pattern). */
export interface NoticeAction {
  label: string;
  run: () => void;
}

interface DialogProps {
  meeting: Meeting;
  onClose: () => void;
  /** Called with the message to announce once the change is saved (and an action the notice offers, e.g. Undo). */
  onDone: (message: string, action?: NoticeAction) => void;
}

const title = (m: Meeting) => `${meetingLabel(m)}: ${m.themeTitle}`;

/** Mark held: the date it really took place (not in the future) and how long it lasted. */
export function MarkHeldDialog({ meeting, today, onClose, onDone, onUndone }: DialogProps & { today: string; onUndone: (message: string, failed?: boolean) => void }) {
  const command = useMarkHeld();
  const undo = useUndoHeld();
  const { register, control, formState, submit, formError } = useSavingForm(
    {
      // A meeting planned for later but held early defaults to today: a date to come is refused.
      defaultValues: { heldOn: meeting.date <= today ? meeting.date : today, actualDurationMin: meeting.durationMin, note: meeting.note },
      resolver: markHeldResolver,
      mode: 'onTouched',
    },
    ['heldOn', 'actualDurationMin', 'note'],
    async (values) => {
      await command.mutateAsync({ id: meeting.id, ...values });
      // A wrong meeting ticked can be taken back for a while (the main process decides how long).
      const undoHeld = () =>
        void undo
          .mutateAsync({ id: meeting.id })
          .then(() => onUndone(`${meetingLabel(meeting)} is scheduled again: “held” was undone.`))
          .catch((error: unknown) => onUndone(errorText(error), true));
      onDone(`${meetingLabel(meeting)} marked held. Both people now owe a reflective log.`, { label: 'Undo', run: undoHeld });
    },
  );
  const { errors } = formState;
  return (
    <FormDialog title={`Mark held: ${title(meeting)}`} onClose={onClose}>
      <form onSubmit={submit} noValidate className="form">
        <p className="muted dialog-intro">
          Planned for {formatDay(meeting.date)} at {meeting.startTime} for {meeting.durationMin} minutes. It can be undone for {UNDO_HELD_MINUTES} minutes, until a log is written for it.
        </p>
        <FormDateInput control={control} name="heldOn" label="Date it was held" required max={today} autoFocus error={errors.heldOn?.message} />
        <TextInput label="How long it lasted (minutes)" type="number" inputMode="numeric" min={5} max={600} step={5} required error={errors.actualDurationMin?.message} {...register('actualDurationMin', { valueAsNumber: true })} />
        <TextAreaInput label="Note" rows={3} description="Optional: anything worth remembering. Not part of anyone’s log." error={errors.note?.message} {...register('note')} />
        <DialogFormActions formError={formError} submitLabel="Mark held" busy={formState.isSubmitting} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}

/** Reschedule: another date, time, length, mode and place or link, with a note on why. */
export function RescheduleDialog({ meeting, onClose, onDone }: DialogProps) {
  const command = useReschedule();
  // A weekend, a length outside the plan or a date outside the pilot asks first (shared/contract/confirm.ts).
  const confirmations = useConfirmations();
  const { register, control, formState, watch, submit, formError } = useSavingForm(
    {
      defaultValues: { date: meeting.date, startTime: meeting.startTime, durationMin: meeting.durationMin, mode: meeting.mode, location: meeting.location, note: '' },
      resolver: rescheduleResolver,
      mode: 'onTouched',
    },
    ['date', 'startTime', 'durationMin', 'mode', 'location', 'note'],
    async (values) => {
      const result = await confirmations.save((confirmed) => command.mutateAsync({ id: meeting.id, ...values, confirmed: confirmed as RescheduleWarning[] }));
      if (!result.saved) return;
      const moved = result.value;
      onDone(`${meetingLabel(meeting)} moved to ${formatDay(moved.date)} at ${moved.startTime}, ${meetingModeLabels[moved.mode].toLowerCase()}.`);
    },
  );
  const { errors } = formState;
  const online = watch('mode') === 'online';
  const { clear } = confirmations;
  // A warning is confirmed for the values it was about: any change asks again.
  useEffect(() => {
    const subscription = watch(() => clear());
    return () => subscription.unsubscribe();
  }, [watch, clear]);
  return (
    <FormDialog title={`Reschedule: ${title(meeting)}`} onClose={onClose} size="wide">
      <form onSubmit={submit} noValidate className="form">
        <div className="field-row ml-field-row-3">
          <FormDateInput control={control} name="date" label="Date" required autoFocus error={errors.date?.message} />
          <TextInput label="Start time" type="time" required error={errors.startTime?.message} {...register('startTime')} />
          <TextInput label="Length (minutes)" type="number" inputMode="numeric" min={5} max={600} step={5} required error={errors.durationMin?.message} {...register('durationMin', { valueAsNumber: true })} />
        </div>
        <RadioGroupField legend="Mode" options={modeOptions} inputProps={register('mode')} />
        <TextInput
          label={online ? 'Link' : 'Place'}
          autoComplete="off"
          description={online ? 'The video-call link both will use. It goes into the calendar file.' : 'A room or café. It goes into the calendar file.'}
          error={errors.location?.message}
          {...register('location')}
        />
        <TextAreaInput label="Note" rows={2} description="Optional: why it moved. It is kept in the meeting’s history with the earlier notes." error={errors.note?.message} {...register('note')} />
        <ConfirmWarnings warnings={confirmations.warnings} action="Reschedule anyway" />
        <DialogFormActions formError={formError} submitLabel={confirmations.asking ? 'Reschedule anyway' : 'Reschedule meeting'} busy={formState.isSubmitting} onCancel={onClose} />
      </form>
    </FormDialog>
  );
}

/** Cancel: destructive, so it says what happens and asks for the reason. */
export function CancelMeetingDialog({ meeting, onClose, onDone }: DialogProps) {
  const command = useCancelMeeting();
  const { register, formState, submit, formError } = useSavingForm({ defaultValues: { note: '' }, resolver: cancelResolver, mode: 'onTouched' }, ['note'], async (values) => {
    await command.mutateAsync({ id: meeting.id, ...values });
    onDone(`${meetingLabel(meeting)} cancelled.`);
  });
  return (
    <FormDialog title={`Cancel ${meetingLabel(meeting).toLowerCase()}?`} onClose={onClose}>
      <form onSubmit={submit} noValidate className="form">
        <p className="dialog-intro">
          {title(meeting)}, planned for {formatDay(meeting.date)} at {meeting.startTime}. A cancelled meeting stays on the pair’s record with the reason. If it goes ahead after all, restore it.
        </p>
        <TextAreaInput label="Reason" rows={3} required autoFocus description="For example: the mentee is on leave that week." error={formState.errors.note?.message} {...register('note')} />
        <DialogFormActions formError={formError} submitLabel="Cancel meeting" tone="danger" busy={formState.isSubmitting} onCancel={onClose} cancelLabel="Keep the meeting" />
      </form>
    </FormDialog>
  );
}

/** Restore: a cancelled meeting goes ahead after all. Its cancellation stays in its history. */
export function RestoreMeetingDialog({ meeting, onClose, onDone }: DialogProps) {
  const command = useRestoreMeeting();
  const { register, formState, submit, formError } = useSavingForm({ defaultValues: { note: '' }, resolver: restoreResolver, mode: 'onTouched' }, ['note'], async (values) => {
    const restored = await command.mutateAsync({ id: meeting.id, ...values });
    onDone(`${meetingLabel(meeting)} restored: scheduled again for ${formatDay(restored.date)} at ${restored.startTime}. Export the calendar again so diaries follow.`);
  });
  return (
    <FormDialog title={`Restore ${meetingLabel(meeting).toLowerCase()}?`} onClose={onClose}>
      <form onSubmit={submit} noValidate className="form">
        <p className="dialog-intro">
          {title(meeting)} was cancelled. Restoring it schedules it again for {formatDay(meeting.date)} at {meeting.startTime}; reschedule it afterwards if the date has changed. The cancellation and its reason
          stay in its history.
        </p>
        <TextAreaInput label="Note" rows={2} autoFocus description="Optional: why it is going ahead after all." error={formState.errors.note?.message} {...register('note')} />
        <DialogFormActions formError={formError} submitLabel="Restore meeting" busy={formState.isSubmitting} onCancel={onClose} cancelLabel="Keep it cancelled" />
      </form>
    </FormDialog>
  );
}
