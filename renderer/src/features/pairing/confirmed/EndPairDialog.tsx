import { zodResolver } from '@hookform/resolvers/zod';
import { matchingContract, type Pair } from '../../../../../shared/matching/contract';
import { TextAreaInput } from '../../../ui/Field';
import { DialogFormActions } from '../../../ui/FormActions';
import { FormDialog } from '../../../ui/FormDialog';
import { useNotices } from '../../../ui/Notices';
import { useSavingForm } from '../../../ui/useSavingForm';
import { useEndPair } from '../api';
import { pairName } from '../words';

const endResolver = zodResolver(matchingContract['pairs.unpair'].input.omit({ id: true }));

/** Ending a pair is never silent: the reason is required and kept. */
export function EndPairDialog({ pair, onClose, onEnded }: { pair: Pair; onClose: () => void; onEnded: () => void }) {
  const { notify } = useNotices();
  const unpair = useEndPair();
  const { register, formState, submit, formError } = useSavingForm<{ reason: string }>({ defaultValues: { reason: '' }, resolver: endResolver, mode: 'onTouched' }, ['reason'], async ({ reason }) => {
    await unpair.mutateAsync({ id: pair.id, reason });
    notify(`Pair of ${pairName(pair)} ended. Both return to their stage before pairing.`);
    onEnded();
  });
  return (
    <FormDialog size="wide" title={`End the pair of ${pairName(pair)}?`} onClose={onClose}>
      <form onSubmit={submit} noValidate className="form">
        <p className="flush">Their meetings still to come are cancelled, and both return to their stage before pairing. The pair and your reason stay on record.</p>
        <TextAreaInput
          label="Why is this pair ending?"
          required
          autoFocus
          rows={3}
          description="For example: a conflict of interest came to light; the mentee left the university."
          error={formState.errors.reason?.message}
          {...register('reason')}
        />
        <DialogFormActions formError={formError} submitLabel="End pair" tone="danger" busy={formState.isSubmitting} onCancel={onClose} cancelLabel="Keep the pair" />
      </form>
    </FormDialog>
  );
}
