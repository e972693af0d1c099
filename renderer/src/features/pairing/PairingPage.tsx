import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import type { Proposal } from '../../../../shared/matching/contract';
import { call } from '../../api';
import { useChannel } from '../../queries';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { usePilotId } from '../pilots/usePilotId';
import { pairingPath } from './common';
import { snapshotOf } from './words';
import { ProposeTab } from './ProposeTab';
import { SettingsTab } from './SettingsTab';
import { ConstraintsTab } from './ConstraintsTab';
import { ConfirmedTab } from './ConfirmedTab';
import { errorText } from '../../ui/words';

export const pairingTabs = [
  { id: 'propose', label: 'Propose pairs' },
  { id: 'settings', label: 'Settings' },
  { id: 'constraints', label: 'Conflicts, preferences, capacities' },
  { id: 'confirmed', label: 'Confirmed pairs' },
] as const;
export type PairingTab = (typeof pairingTabs)[number]['id'];

/** A proposal, with the pairing state it was made under (to tell when it is out of date). */
export interface ProposalRun {
  proposal: Proposal;
  snapshot: string;
  /** Increases with each run, so the screen can announce and focus the new result. */
  number: number;
}

/** Proposes pairs and remembers the result while the coordinator moves between tabs. */
function useProposal(pilotId: number) {
  const state = useChannel('matching.state', { pilotId });
  const [run, setRun] = useState<ProposalRun>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string>();
  const { refetch } = state;
  const propose = useCallback(async () => {
    setRunning(true);
    setError(undefined);
    try {
      const [proposal, fresh] = await Promise.all([call('matching.propose', { pilotId }), refetch()]);
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
  return { state, run, stale, running, error, propose, clear: () => setRun(undefined) };
}

/** Stage 6 of a pilot: propose pairs for the whole cohort, see why, adjust, and confirm. */
export function PairingPage() {
  const pilotId = usePilotId();
  const navigate = useNavigate();
  const splat = useParams()['*'] ?? '';
  const selected: PairingTab = pairingTabs.find((t) => t.id === splat)?.id ?? 'propose';
  const proposal = useProposal(pilotId);
  const pairs = useChannel('pairs.list', { pilotId });
  const goTo = useCallback((tab: PairingTab) => navigate(pairingPath(pilotId, tab), { replace: true }), [navigate, pilotId]);
  const { state } = proposal;
  // After confirming every proposed pair the Confirmed tab opens with focus on its heading.
  const [arrivedFromConfirm, setArrivedFromConfirm] = useState(false);
  const arrived = useCallback(() => setArrivedFromConfirm(false), []);

  return (
    <>
      <PageHeader
        title="Pairing"
        description="Propose pairs for the whole cohort, see why each pair was proposed, pin or forbid pairs and propose again. Nothing is final until you confirm."
      />
      {state.isPending ? <Loading /> : null}
      <ErrorMessage error={state.error} />
      {state.data ? (
        <Tabs selectedKey={selected} onSelectionChange={(key: Key) => goTo(String(key) as PairingTab)} className="cp-tabs">
          <TabList aria-label="Pairing" className="cp-tab-list">
            {pairingTabs.map((t) => (
              <Tab key={t.id} id={t.id} className="cp-tab">
                {t.label}
                {t.id === 'confirmed' && pairs.data ? <span className="cp-tab-count"> ({pairs.data.length})</span> : null}
              </Tab>
            ))}
          </TabList>
          <TabPanel id="propose" className="cp-tab-panel">
            <ProposeTab
              pilotId={pilotId}
              state={state.data}
              proposal={proposal}
              goTo={goTo}
              onAllConfirmed={() => {
                setArrivedFromConfirm(true);
                goTo('confirmed');
              }}
            />
          </TabPanel>
          <TabPanel id="settings" className="cp-tab-panel">
            <SettingsTab
              pilotId={pilotId}
              state={state.data}
              onSavedAndRun={async () => {
                goTo('propose');
                await proposal.propose();
              }}
            />
          </TabPanel>
          <TabPanel id="constraints" className="cp-tab-panel">
            <ConstraintsTab pilotId={pilotId} state={state.data} />
          </TabPanel>
          <TabPanel id="confirmed" className="cp-tab-panel">
            <ConfirmedTab pilotId={pilotId} goTo={goTo} focusHeading={arrivedFromConfirm} onFocused={arrived} />
          </TabPanel>
        </Tabs>
      ) : null}
    </>
  );
}

export type ProposalControl = ReturnType<typeof useProposal>;
