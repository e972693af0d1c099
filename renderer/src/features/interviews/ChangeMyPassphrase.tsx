import { useState } from 'react';
import { TextInput } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { DialogFormActions } from '../../ui/FormActions';
import { errorText } from '../../ui/errors';
import { useChangeMyPassphrase } from './api';

/**
 * An interviewer's own passphrase, changed by them: the current one, then a new one twice. Only
 * their key slot changes; the coordinator never needs to know either.
 */
export function ChangeMyPassphraseDialog({ onClose, onChanged }: { onClose: () => void; onChanged: () => void }) {
  const change = useChangeMyPassphrase();
  const [form, setForm] = useState({ current: '', next: '', again: '' });
  const [mismatch, setMismatch] = useState(false);
  const field = (key: keyof typeof form) => ({ value: form[key], onChange: (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value }) });
  const issue = (path: string) => change.error?.issues.find((i) => i.path[0] === path)?.message;
  const weak = change.error?.code === 'WEAK_PASSPHRASE' ? change.error.message : undefined;
  return (
    <FormDialog title="Change my passphrase" onClose={onClose}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setMismatch(form.next !== form.again);
          if (form.next !== form.again) return;
          change.mutate({ current: form.current, next: form.next }, { onSuccess: onChanged });
        }}
      >
        <TextInput label="Current passphrase" type="password" required autoComplete="current-password" error={issue('current')} {...field('current')} />
        <TextInput label="New passphrase" type="password" required autoComplete="new-password" description="At least four words that belong together only for you." error={weak ?? issue('next')} {...field('next')} />
        <TextInput label="New passphrase again" type="password" required autoComplete="new-password" error={mismatch ? 'The two passphrases differ' : undefined} {...field('again')} />
        <DialogFormActions
          formError={change.error && change.error.issues.length === 0 && !weak ? errorText(change.error) : undefined}
          submitLabel={change.isPending ? 'Changing…' : 'Change passphrase'}
          busy={change.isPending}
          onCancel={onClose}
        />
      </form>
    </FormDialog>
  );
}
