import { useCallback, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { onVaultLocked } from '../api';
import { confirmRecoveryKey, lockVault, useVaultStatus } from '../features/vault/api';
import { CreateVault } from '../features/vault/CreateVault';
import { Unlock } from '../features/vault/Unlock';
import { ResetPassphrase } from '../features/vault/ResetPassphrase';
import { ReissueRecoveryKey } from '../features/vault/ReissueRecoveryKey';
import { UnfinishedVault } from '../features/vault/UnfinishedVault';
import { InterviewerHome } from '../features/interviews/InterviewerHome';
import { Loading } from '../ui/Page';
import { flushPendingSaves } from '../ui/pending-saves';
import { Shell } from './Shell';
import { describeLockNotice, lockNoticeAtLoad } from './lock-notice';

/**
 * The gate in front of everything: no vault yet → create one; an unfinished one → explain and set it
 * aside; locked → unlock; unlocked → the app (read-only, with a warning, if the vault is damaged).
 * Locking (by the button, or automatically in the main process) clears every cached value.
 */
export function App() {
  const client = useQueryClient();
  const status = useVaultStatus();
  const [recoveredWith, setRecoveredWith] = useState<string>();
  // Why the vault locked itself (idle, screen lock, sleep), shown on the unlock screen until it opens.
  const [lockNotice, setLockNotice] = useState(lockNoticeAtLoad);
  const { refetch } = status;

  // Stable, so the router below is built once per unlock.
  const refresh = useCallback(() => {
    client.clear();
    void refetch();
  }, [client, refetch]);
  useEffect(() => onVaultLocked(refresh), [refresh]);

  if (status.isPending) return <Loading label="Opening Reciprocal…" />;
  if (status.error) {
    return (
      <main className="gate" id="main">
        <div className="gate-card">
          <h1>The vault cannot be opened</h1>
          <p role="alert" className="error-banner">
            {status.error.message}
          </p>
          <p>Nothing has been changed. If you have a backup of the vault folder, restore it; otherwise contact whoever supports Reciprocal at your institution.</p>
        </div>
      </main>
    );
  }
  switch (status.data.state) {
    case 'absent':
      return <CreateVault onDone={refresh} />;
    case 'incomplete':
      return <UnfinishedVault details={status.data.incomplete} onDone={refresh} />;
    case 'locked':
      return (
        <Unlock
          {...(lockNotice ? { lockedBecause: describeLockNotice(lockNotice) } : {})}
          onUnlocked={(via, secret) => {
            setLockNotice(undefined);
            if (via !== 'recoveryKey') {
              setRecoveredWith(undefined); // left from an earlier recovery a damaged vault could not finish
              return refresh();
            }
            setRecoveredWith(secret);
            // Typed in correctly, so it is written down somewhere: no need to offer a new one.
            void confirmRecoveryKey()
              .catch(() => undefined)
              .finally(refresh);
          }}
        />
      );
    case 'unlocked':
      // An interviewer's key opens the interview database only: their own interviews are all there is.
      if (status.data.identity?.role === 'interviewer') return <InterviewerHome name={status.data.identity.interviewerName ?? 'Interviewer'} onLock={() => void flushPendingSaves().then(lockVault).finally(refresh)} />;
      // Damaged, hence read-only: a new passphrase or recovery key could not be saved, so straight to the data.
      if (status.data.damaged) return <Shell onLocked={refresh} damaged={status.data.damaged} />;
      if (recoveredWith) return <ResetPassphrase recoveryKey={recoveredWith} onDone={() => setRecoveredWith(undefined)} />;
      // The recovery key shown earlier was never confirmed (closed, reloaded or locked first): offer a new one.
      if (status.data.recoveryKeyConfirmed === false) return <ReissueRecoveryKey onDone={refresh} />;
      return <Shell onLocked={refresh} />;
  }
}
