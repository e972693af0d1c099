import { zodResolver } from '@hookform/resolvers/zod';
import { pilotDraft, pilotStatuses, pilotStatusLabels, type PilotDraft } from '../../../../shared/pilots/contract';
import { SelectInput, TextAreaInput, TextInput } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { useSavingForm } from '../../ui/useSavingForm';
import { FormDateInput } from '../../ui/DateInput';

type PilotFormValues = Required<PilotDraft>;
const fields = ['name', 'purpose', 'startDate', 'endDate', 'status'] as const;

/** The academic year a new pilot most likely runs in: from the next October to the June after. */
export function defaultPilotDates(today = new Date()): { startDate: string; endDate: string } {
  const year = today.getMonth() >= 9 ? today.getFullYear() + 1 : today.getFullYear();
  return { startDate: `${year}-10-01`, endDate: `${year + 1}-06-30` };
}

interface PilotFormProps {
  initial: PilotFormValues;
  submitLabel: string;
  onSubmit: (values: PilotFormValues) => Promise<unknown>;
  onCancel: () => void;
  /** Server field paths carry a prefix on update ("changes.name"). */
  serverPrefix?: string;
}

export function PilotForm({ initial, submitLabel, onSubmit, onCancel, serverPrefix = '' }: PilotFormProps) {
  const { register, control, formState, submit, formError } = useSavingForm<PilotFormValues>(
    {
      defaultValues: initial,
      // The same schema the main process enforces, so messages match wherever they come from.
      resolver: zodResolver(pilotDraft) as never,
      mode: 'onTouched',
    },
    Object.fromEntries(fields.map((f) => [`${serverPrefix}${f}`, f])),
    onSubmit,
  );
  const { errors } = formState;

  return (
    <form onSubmit={submit} noValidate className="form form-wide">
      <TextInput label="Name" required autoComplete="off" error={errors.name?.message} description="How you and your sponsors will refer to this scheme or round." {...register('name')} />
      <TextAreaInput label="Purpose and focus" rows={4} error={errors.purpose?.message} description="Which barriers the scheme addresses and who it is for." {...register('purpose')} />
      <div className="field-row">
        <FormDateInput control={control} name="startDate" label="Start date" required error={errors.startDate?.message} />
        <FormDateInput control={control} name="endDate" label="End date" required error={errors.endDate?.message} />
      </div>
      <SelectInput label="Status" options={pilotStatuses.map((s) => ({ value: s, label: pilotStatusLabels[s] }))} error={errors.status?.message} {...register('status')} />
      <FormActions formError={formError} submitLabel={submitLabel} busy={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
