import { useCallback, useMemo, useState } from 'react';
import type { Proposal } from '../../../../shared/matching/contract';
import { errorText } from '../../ui/errors';
import { proposePairs, useMatchingState } from './api';
import { snapshotOf } from './words';

/** A proposal, with the pairing state it was made under (to tell when it is out of date). */
export interface ProposalRun {
  proposal: Proposal;
  snapshot: string;
  /** Increases with each run, so the screen can announce and focus the new result. */
  number: number;
}

/** Proposes pairs and remembers the result while the coordinator moves between tabs. */
export function useProposal(pilotId: number) {
  const state = useMatchingState(pilotId);
  const [run, setRun] = useState<ProposalRun>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string>();
  const { refetch } = state;
  const propose = useCallback(async () => {
    setRunning(true);
    setError(undefined);
    try {
      const [proposal, fresh] = await Promise.all([proposePairs(pilotId), refetch()]);
      setRun((previous) => ({ proposal, snapshot: fresh.data ? snapshotOf(fresh.data) : '', number: (previous?.number ?? 0) + 1 }));
      return proposal;
    } catch (e) {
      setError(errorText(e));
      return undefined;
    } finally {
      setRunning(false);
    }
  }, [pilotId, refetch]);
  // Serialised once per new state, not on every render of the page.
  const current = useMemo(() => (state.data ? snapshotOf(state.data) : undefined), [state.data]);
  const stale = Boolean(run && current !== undefined && current !== run.snapshot);
  return { state, run, stale, running, error, propose, clear: useCallback(() => setRun(undefined), []) };
}

export type ProposalControl = ReturnType<typeof useProposal>;
