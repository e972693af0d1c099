import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { Participant } from '../../../../shared/participants/contract';
import { TextAreaInput } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { DialogFormActions } from '../../ui/FormActions';
import { useNotices } from '../../ui/Notices';
import { ErrorMessage, Loading } from '../../ui/Page';
import { useSavingForm } from '../../ui/useSavingForm';
import { plural } from '../../../../shared/words';
import { useMoveParticipant, useWithdrawalPreview } from './api';
import { WithdrawalConsequences } from './WithdrawalPreview';

const withdrawSchema = z.object({
  reason: z.string().trim().min(1, 'Say why they are withdrawing: the reason is kept in their history').max(2000, 'At most 2,000 characters'),
});

/**
 * Withdrawing cascades (pairs, meetings, logs, partners), so there is no undo: the dialog shows
 * exactly what will change, says that nothing is erased, and the button names what it does. The
 * command gets the preview's fingerprint and refuses if anything changed since.
 */
export function WithdrawDialog({ person, onClose, onDone }: { person: Participant; onClose: () => void; onDone: () => void }) {
  const transition = useMoveParticipant();
  const preview = useWithdrawalPreview(person.id);
  const { notify } = useNotices();
  const { register, formState, submit, formError } = useSavingForm<z.input<typeof withdrawSchema>>({ defaultValues: { reason: '' }, resolver: zodResolver(withdrawSchema) }, ['reason'], async ({ reason }) => {
    try {
      await transition.mutateAsync({ id: person.id, to: 'withdrawn', reason, previewFingerprint: preview.data?.fingerprint });
    } catch (error) {
      // A stale preview: show the new one with the refusal.
      void preview.refetch();
      throw error;
    }
    const ended = preview.data?.pairs.length ?? 0;
    notify(`${person.name} withdrawn from the scheme${ended > 0 ? `; ${plural(ended, 'pair')} ended` : ''}. Nothing was erased.`);
    onDone();
  });
  const pairs = preview.data?.pairs.length ?? 0;
  return (
    <FormDialog title={`Withdraw ${person.name} from the scheme?`} onClose={onClose} alert size="wide">
      <form onSubmit={submit} noValidate className="form">
        {preview.isPending ? <Loading /> : preview.error ? <ErrorMessage error={preview.error} /> : <WithdrawalConsequences preview={preview.data} />}
        <TextAreaInput label="Reason for withdrawing" required rows={3} autoFocus error={formState.errors.reason?.message} {...register('reason')} />
        <DialogFormActions
          formError={formError}
          submitLabel={pairs > 0 ? `Withdraw and end ${plural(pairs, 'pair')}` : 'Withdraw from the scheme'}
          tone="danger"
          busy={formState.isSubmitting}
          onCancel={onClose}
        />
      </form>
    </FormDialog>
  );
}
