import { useState } from 'react';
import type { IncompleteVault } from '../../../../shared/vault/contract';
import { setAsideUnfinishedVault } from './api';
import { Button } from '../../ui/Button';
import { Table } from '../../ui/Table';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormError } from '../../ui/FormDialog';
import { GateScreen } from './GateScreen';
import { formatDateTime } from '../../../../shared/dates';
import { errorText } from '../../ui/errors';

const sizeFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
/** "12 KB", "7.5 MB": enough to compare an untouched new vault with one that was used. */
function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 ** 2) return `${sizeFormat.format(bytes / 1024)} KB`;
  return `${sizeFormat.format(bytes / 1024 ** 2)} MB`;
}

/**
 * First run found a vault database without its key file. Nobody can tell from the files alone
 * whether a creation was interrupted (nothing to lose) or a used vault lost its key file (restore
 * the file instead), so the screen says both and lets the coordinator decide; setting it aside
 * moves the folder, never deletes it.
 */
export function UnfinishedVault({ details, onDone }: { details: IncompleteVault | undefined; onDone: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [movedTo, setMovedTo] = useState<string>();
  const folder = details?.folder ?? 'the vault folder';

  const setAside = async () => {
    setPending(true);
    setError(undefined);
    try {
      setMovedTo((await setAsideUnfinishedVault()).movedTo);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setPending(false);
      setConfirming(false);
    }
  };

  if (movedTo) {
    return (
      <GateScreen title="The unfinished vault was set aside" wide>
        <p className="status-ok" role="status">
          It was moved, whole, to <span className="vault-folder">{movedTo}</span>. Nothing was deleted.
        </p>
        <p>If it turns out to be a vault you used, move that folder back to <span className="vault-folder">{folder}</span> and put its key file (vault.keys.json) from your backup inside it.</p>
        <Button variant="primary" onPress={onDone}>
          Create a new vault
        </Button>
      </GateScreen>
    );
  }

  return (
    <GateScreen
      title="An unfinished vault was found"
      description={
        <>
          The vault folder, <span className="vault-folder">{folder}</span>, holds a vault database but not its key file (vault.keys.json), so it cannot be opened. It is one of two things:
        </>
      }
      wide
    >
      <ul className="vault-possibilities">
        <li>
          <h2>Creating a vault was interrupted</h2>
          <p>Reciprocal closed or crashed, or the disk was full, before the vault was finished. Its recovery key was never shown and nothing was saved in it, so there is nothing to lose: set it aside and create a new vault.</p>
        </li>
        <li>
          <h2>A vault you used has lost its key file</h2>
          <p>Then do not start again. Restore vault.keys.json from a backup of the vault folder into the folder above, then check again.</p>
        </li>
      </ul>
      {details && details.files.length > 0 ? (
        <div className="vault-files">
          <p className="hint" id="vault-files-hint">
            What the folder holds. A creation that was interrupted leaves a small database dated when you tried to create the vault; a vault that was used is usually larger and dated when it was last used.
          </p>
          <Table
            aria-label="Files in the vault folder"
            aria-describedby="vault-files-hint"
            rows={details.files}
            rowKey={(file) => file.name}
            columns={[
              { id: 'file', header: 'File', rowHeader: true, className: 'vault-folder', cell: (file) => file.name },
              { id: 'size', header: 'Size', cell: (file) => formatBytes(file.bytes) },
              { id: 'changed', header: 'Last changed', cell: (file) => formatDateTime(file.modifiedAt) },
            ]}
          />
        </div>
      ) : null}
      <FormError message={error} />
      <div className="gate-actions">
        <Button variant="primary" onPress={() => setConfirming(true)}>
          Set it aside and create a new vault
        </Button>
        <Button onPress={onDone}>I restored the key file: check again</Button>
      </div>
      <ConfirmDialog
        isOpen={confirming}
        title="Set the unfinished vault aside?"
        confirmLabel="Set it aside"
        tone="primary"
        isPending={pending}
        onConfirm={() => void setAside()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          The folder <span className="vault-folder">{folder}</span> will be moved, whole, to a dated folder beside it. Nothing is deleted, and you will see where it went.
        </p>
        <p>Do this only if creating the vault was interrupted, or if there is no backup of its key file. If this is a vault you used, restore vault.keys.json from a backup instead: without it, nobody can open the vault.</p>
      </ConfirmDialog>
    </GateScreen>
  );
}
