import { useState } from 'react';
import { useFocusLater } from './focus';
import { useNotices } from './Notices';
import { errorText } from './errors';

interface DeleteOptions<Row> {
  /** What takes focus once the question has closed (the pressed button went with its row). */
  focusAfter?: string;
  /** Offered as "Undo" in the notice: puts the deleted record back. */
  undo?: (row: Row) => Promise<unknown>;
}

/**
 * A record deleted after a question: `deleting` is the record asked about. `confirmDelete` deletes
 * it, closes the question and says so (or why it could not).
 */
export function useConfirmDelete<Row extends { id: number }>(
  remove: { mutateAsync: (input: { id: number }) => Promise<unknown> },
  deletedMessage: (row: Row) => string,
  { focusAfter, undo }: DeleteOptions<Row> = {},
) {
  const { notify } = useNotices();
  const focusLater = useFocusLater();
  const [deleting, setDeleting] = useState<Row>();

  const confirmDelete = async () => {
    if (!deleting) return;
    const row = deleting;
    try {
      await remove.mutateAsync({ id: row.id });
      setDeleting(undefined);
      if (focusAfter) focusLater(focusAfter);
      const action = undo ? { label: 'Undo', run: () => void undo(row).catch((error: unknown) => notify(errorText(error), { tone: 'error' })) } : undefined;
      notify(deletedMessage(row), action ? { action } : {});
    } catch (error) {
      setDeleting(undefined);
      notify(errorText(error), { tone: 'error' });
    }
  };

  return { deleting, setDeleting, confirmDelete };
}

/**
 * A list whose records open in a dialog to be added or edited, and are deleted after a question:
 * `editing` is the record in the dialog ('new' while adding one, `current` when editing one); the
 * rest is useConfirmDelete.
 */
export function useEditAndDelete<Row extends { id: number }>(remove: { mutateAsync: (input: { id: number }) => Promise<unknown> }, deletedMessage: (row: Row) => string) {
  const [editing, setEditing] = useState<Row | 'new'>();
  return { editing, setEditing, current: editing === 'new' ? undefined : editing, ...useConfirmDelete(remove, deletedMessage) };
}
