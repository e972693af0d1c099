import type { FormEventHandler, ReactNode } from 'react';
import { Button } from './Button';
import { FormError } from './FormDialog';

interface ActionsProps {
  /** The form's own error (one not tied to a field). */
  formError: string | undefined;
  submitLabel: string;
  busy?: boolean;
}

/** The foot of a form on a page: its own error, then the submit button and Cancel (when it has one). */
export function FormActions({ formError, submitLabel, busy, onCancel }: ActionsProps & { onCancel?: (() => void) | undefined }) {
  return (
    <>
      <FormError message={formError} />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
        {onCancel ? <Button onPress={onCancel}>Cancel</Button> : null}
      </div>
    </>
  );
}

/** The foot of a form in a dialog: its own error, then the way out (`cancelLabel`) and the submit button last. */
export function DialogFormActions({
  formError,
  submitLabel,
  busy,
  onCancel,
  cancelLabel = 'Cancel',
  tone = 'primary',
}: ActionsProps & { onCancel: () => void; cancelLabel?: string; tone?: 'primary' | 'danger' }) {
  return (
    <>
      <FormError message={formError} />
      <div className="dialog-actions">
        <Button onPress={onCancel}>{cancelLabel}</Button>
        <Button type="submit" variant={tone} busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </>
  );
}

/** A short form that opens in place of what it adds or edits (a milestone, a theme, a finding), under its own heading. */
export function InlineForm({ heading, onSubmit, children, ...actions }: ActionsProps & { heading: string; onSubmit: FormEventHandler<HTMLFormElement>; onCancel?: (() => void) | undefined; children: ReactNode }) {
  return (
    <form onSubmit={onSubmit} noValidate className="form inline-form" aria-label={heading}>
      <h3 className="inline-form-title">{heading}</h3>
      {children}
      <FormActions {...actions} />
    </form>
  );
}
