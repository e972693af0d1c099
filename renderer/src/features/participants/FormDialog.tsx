import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

/**
 * A modal with a form inside (React Aria: focus is trapped, Escape closes, focus returns to the
 * button that opened it). `alert` gives it the alertdialog role for a destructive question.
 */
export function FormDialog({ title, onClose, children, alert = false, wide = false }: { title: string; onClose: () => void; children: ReactNode; alert?: boolean; wide?: boolean }) {
  return (
    <ModalOverlay isOpen onOpenChange={(open) => !open && onClose()} isDismissable={false} isKeyboardDismissDisabled={false} className="modal-overlay">
      <Modal className={`modal pp-modal${wide ? ' pp-modal-wide' : ''}`}>
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
