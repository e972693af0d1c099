import { useState } from 'react';
import { useNotices } from './Notices';
import { errorText } from './words';

/**
 * A list whose records open in a dialog to be added or edited, and are deleted after a question:
 * `editing` is the record in the dialog ('new' while adding one, `current` when editing one) and
 * `deleting` the record asked about. `confirmDelete` deletes it, says so (or why it could not) and
 * closes the question.
 */
export function useEditAndDelete<Row extends { id: number }>(remove: { mutateAsync: (input: { id: number }) => Promise<unknown> }, deletedMessage: (row: Row) => string) {
  const { notify } = useNotices();
  const [editing, setEditing] = useState<Row | 'new'>();
  const [deleting, setDeleting] = useState<Row>();

  const confirmDelete = async () => {
    if (!deleting) return;
    const row = deleting;
    try {
      await remove.mutateAsync({ id: row.id });
      notify(deletedMessage(row));
    } catch (error) {
      notify(errorText(error), { tone: 'error' });
    }
    setDeleting(undefined);
  };

  return { editing, setEditing, current: editing === 'new' ? undefined : editing, deleting, setDeleting, confirmDelete };
}
