import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

/** Widths: `normal` 480px for a short form or question, `wide` 640px, `wider` 780px for long forms. */
export type FormDialogSize = 'normal' | 'wide' | 'wider';

/**
 * A modal with a form inside (React Aria: focus is trapped, Escape closes, focus returns to the
 * button that opened it). A click outside does not close it, so nothing typed is lost by a stray
 * click. It is open while it is rendered. `alert` gives it the alertdialog role for a destructive question.
 */
export function FormDialog({
  title,
  onClose,
  children,
  alert = false,
  size = 'normal',
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  alert?: boolean;
  size?: FormDialogSize;
}) {
  return (
    <ModalOverlay isOpen onOpenChange={(open) => !open && onClose()} isDismissable={false} isKeyboardDismissDisabled={false} className="modal-overlay">
      <Modal className={`modal form-modal${size === 'normal' ? '' : ` form-modal-${size}`}`}>
        <Dialog role={alert ? 'alertdialog' : 'dialog'} className="dialog">
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** The form's own error (one not tied to a field), announced when it appears. */
export function FormError({ message }: { message: string | undefined }) {
  return message ? (
    <p role="alert" className="error-banner">
      {message}
    </p>
  ) : null;
}

/**
 * Focus to `element` once a dialog has closed and React Aria has tried to return focus to the
 * button that opened it (which may be gone: a withdrawn person has no "Withdraw" button).
 */
export function focusAfterDialog(element: HTMLElement | null) {
  requestAnimationFrame(() => requestAnimationFrame(() => element?.focus()));
}
