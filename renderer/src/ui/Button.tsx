import { Button as AriaButton, type ButtonProps } from 'react-aria-components';

type Variant = 'primary' | 'secondary' | 'danger' | 'quiet';

/**
 * React Aria's button (consistent press, keyboard and focus behaviour) with the app's look.
 * `busy` disables it while work runs; React Aria's own isPending is avoided because its
 * announcement points at the button, which is often gone once the work succeeds.
 */
export function Button({ variant = 'secondary', className, busy, isDisabled, ...props }: ButtonProps & { variant?: Variant; busy?: boolean }) {
  return (
    <AriaButton
      {...props}
      isDisabled={Boolean(isDisabled) || Boolean(busy)}
      aria-busy={busy || undefined}
      className={`button button-${variant} ${typeof className === 'string' ? className : ''}`}
    />
  );
}
