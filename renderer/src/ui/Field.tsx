import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

interface FieldFrameProps {
  label: string;
  description?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** " (required)" after a label. Screen readers get aria-required (or isRequired) instead of this text. */
export function RequiredMark() {
  return (
    <span className="required-mark" aria-hidden="true">
      {' '}
      (required)
    </span>
  );
}

/** Label, control, help text and error, wired together for screen readers (aria-describedby, aria-invalid). */
export function FieldFrame({ label, description, error, required, children }: FieldFrameProps) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {description ? (
        <p id={descriptionId} className="field-description">
          {description}
        </p>
      ) : null}
      {children({ id, describedBy, invalid: Boolean(error) })}
      <FieldErrorText id={errorId} message={error} />
    </div>
  );
}

/** A field's error under it, with the id its control's aria-describedby names; nothing when there is none. */
export function FieldErrorText({ id, message }: { id?: string | undefined; message: string | undefined }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

/** A choice of one among a few (react-hook-form registers the group once, on every radio). */
export function RadioGroupField({ legend, options, inputProps }: { legend: string; options: readonly { value: string; label: string }[]; inputProps: UseFormRegisterReturn }) {
  const uid = useId();
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <div className="radio-group">
        {options.map((option) => (
          <div key={option.value} className="checkbox-field">
            <input id={`${uid}-${option.value}`} type="radio" value={option.value} {...inputProps} />
            <label htmlFor={`${uid}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

type Common = { label: string; description?: ReactNode; error?: string | undefined };

const joinIds = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

export const TextInput = forwardRef<HTMLInputElement, Common & InputHTMLAttributes<HTMLInputElement>>(function TextInput(
  { label, description, error, required, className, 'aria-describedby': extraDescribedBy, ...props },
  ref,
) {
  return (
    <FieldFrame label={label} description={description} error={error} required={required}>
      {({ id, describedBy, invalid }) => (
        <input
          ref={ref}
          id={id}
          aria-describedby={joinIds(describedBy, extraDescribedBy)}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          className={`input ${className ?? ''}`}
          {...props}
        />
      )}
    </FieldFrame>
  );
});

export const TextAreaInput = forwardRef<HTMLTextAreaElement, Common & TextareaHTMLAttributes<HTMLTextAreaElement>>(function TextAreaInput(
  { label, description, error, required, ...props },
  ref,
) {
  return (
    <FieldFrame label={label} description={description} error={error} required={required}>
      {({ id, describedBy, invalid }) => (
        <textarea ref={ref} id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required={required || undefined} className="input textarea" {...props} />
      )}
    </FieldFrame>
  );
});

export const SelectInput = forwardRef<HTMLSelectElement, Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }>(
  function SelectInput({ label, description, error, required, options, ...props }, ref) {
    return (
      <FieldFrame label={label} description={description} error={error} required={required}>
        {({ id, describedBy, invalid }) => (
          <select ref={ref} id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} className="input select" {...props}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
    );
  },
);
