import { useState } from 'react';
import { warningsOf, type Warning } from '../../../shared/contract/confirm';
import { ApiError } from '../api';
import { Callout } from './Callout';

/**
 * The screen's half of shared/contract/confirm.ts. `save(run)` calls `run` with the warnings the
 * coordinator has seen; when the main process answers CONFIRMATION_NEEDED, the warnings are kept
 * to show (nothing was saved) and the next submit sends them as confirmed. Any other error is
 * thrown as usual. A change to the form clears them (`clear`), so a warning is always confirmed
 * for the values it was about.
 */
export function useConfirmations() {
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const save = async <T,>(run: (confirmed: string[]) => Promise<T>): Promise<{ saved: true; value: T } | { saved: false }> => {
    try {
      const value = await run(warnings.map((w) => w.code));
      setWarnings([]);
      return { saved: true, value };
    } catch (error) {
      const asked = error instanceof ApiError ? warningsOf(error) : [];
      if (asked.length === 0) throw error;
      setWarnings(asked);
      return { saved: false };
    }
  };
  return { warnings, save, clear: () => setWarnings((w) => (w.length === 0 ? w : [])), asking: warnings.length > 0 };
}

/** What needs confirming, above the form's buttons; the submit button then says "… anyway". */
export function ConfirmWarnings({ warnings, action }: { warnings: readonly Warning[]; action: string }) {
  if (warnings.length === 0) return null;
  return (
    <div role="alert">
      <Callout tone="warning">
      <p>
        <strong>Please check before saving.</strong>
      </p>
      <ul>
        {warnings.map((w) => (
          <li key={w.code}>{w.message}</li>
        ))}
      </ul>
      <p>Nothing has been saved yet. If this is right, choose “{action}”; otherwise change the form.</p>
      </Callout>
    </div>
  );
}
