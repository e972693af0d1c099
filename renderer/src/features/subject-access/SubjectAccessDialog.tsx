import { useState } from 'react';
import { Button } from '../../ui/Button';
import { FormDialog, FormError } from '../../ui/FormDialog';
import { useNotices } from '../../ui/Notices';
import { errorText } from '../../ui/errors';
import { filePath, isCancelled } from '../../ui/export-result';
import { useSubjectAccessExport } from './api';

/**
 * A subject access request for one person: says what goes in and what is left out (and why) before
 * anything is written, then asks for a folder. The export is audited.
 */
export function SubjectAccessDialog({ participantId, name, onClose }: { participantId: number; name: string; onClose: () => void }) {
  const exportDocuments = useSubjectAccessExport();
  const { notify } = useNotices();
  const [failed, setFailed] = useState<string>();
  const write = async () => {
    setFailed(undefined);
    try {
      const result = await exportDocuments.mutateAsync({ participantId });
      notify(`Wrote ${name}’s subject access documents to ${result.files.map((file) => filePath(result.folder, file)).join(' and ')}.`);
      onClose();
    } catch (error) {
      if (isCancelled(error)) notify(errorText(error));
      else setFailed(errorText(error));
    }
  };
  return (
    <FormDialog title={`Subject access: ${name}`} onClose={onClose} size="wide">
      <p>Everything Reciprocal holds about {name}, as a page to read or print (HTML) and as data (JSON). Both files name them: keep them safe and hand them over securely.</p>
      <p>
        <strong>Included:</strong> their record, consent history, status history, pairs, meetings, the reflective logs they wrote, their survey answers and the notes of their closing interview.
      </p>
      <p>
        <strong>Left out, and said so in the documents:</strong> their partner’s reflective logs (a third party’s data) and safeguarding records (not released this way, where disclosure could
        cause serious harm; such a request is considered on its own).
      </p>
      <FormError message={failed} />
      <div className="form-actions">
        <Button variant="primary" onPress={() => void write()} busy={exportDocuments.isPending}>
          Choose folder and write
        </Button>
        <Button onPress={onClose}>Cancel</Button>
      </div>
    </FormDialog>
  );
}
