import { useCallback, useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { MatchingState } from '../../../../shared/matching/contract';
import { pairingPath } from '../../app/paths';
import { usePilotId } from '../../app/usePilotId';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { Tabs } from '../../ui/Tabs';
import { usePairs } from './api';
import { ConfirmedTab } from './confirmed/ConfirmedTab';
import { ConstraintsTab } from './constraints/ConstraintsTab';
import { ProposeTab } from './propose/ProposeTab';
import { SettingsTab } from './SettingsTab';
import { PoolNotes } from './PoolNotes';
import { pairingTabs, type PairingTab } from './tabs';
import { useProposal, type ProposalControl } from './useProposal';

/** Stage 6 of a pilot: propose pairs for the whole cohort, see why, adjust, and confirm. */
export function PairingPage() {
  const pilotId = usePilotId();
  const proposal = useProposal(pilotId);
  const { state } = proposal;
  return (
    <>
      <PageHeader
        title="Pairing"
        description="Propose pairs for the whole cohort, see why each pair was proposed, pin or forbid pairs and propose again. Nothing is final until you confirm."
      />
      {state.isPending ? <Loading /> : null}
      <ErrorMessage error={state.error} />
      {state.data ? <PoolNotes pilotId={pilotId} state={state.data} /> : null}
      {state.data ? <PairingTabs pilotId={pilotId} state={state.data} proposal={proposal} /> : null}
    </>
  );
}

/** The tab is in the address (/pairing/settings), so a reload or the back button lands on it. */
function PairingTabs({ pilotId, state, proposal }: { pilotId: number; state: MatchingState; proposal: ProposalControl }) {
  const navigate = useNavigate();
  const splat = useParams()['*'] ?? '';
  const selected: PairingTab = pairingTabs.find((t) => t.id === splat)?.id ?? 'propose';
  const pairs = usePairs(pilotId);
  const goTo = useCallback((tab: PairingTab) => navigate(pairingPath(pilotId, tab), { replace: true }), [navigate, pilotId]);
  // After confirming every proposed pair the Confirmed tab opens with focus on its heading.
  const [arrivedFromConfirm, setArrivedFromConfirm] = useState(false);
  const arrived = useCallback(() => setArrivedFromConfirm(false), []);

  const panels: Record<PairingTab, ReactNode> = {
    propose: (
      <ProposeTab
        pilotId={pilotId}
        state={state}
        proposal={proposal}
        goTo={goTo}
        onAllConfirmed={() => {
          setArrivedFromConfirm(true);
          void goTo('confirmed');
        }}
      />
    ),
    settings: (
      <SettingsTab
        pilotId={pilotId}
        state={state}
        onSavedAndRun={async () => {
          void goTo('propose');
          await proposal.propose();
        }}
      />
    ),
    constraints: <ConstraintsTab state={state} pilotId={pilotId} />,
    confirmed: <ConfirmedTab pilotId={pilotId} goTo={goTo} focusHeading={arrivedFromConfirm} onFocused={arrived} />,
  };
  const label = (tab: (typeof pairingTabs)[number]) =>
    tab.id === 'confirmed' && pairs.data ? (
      <>
        {tab.label}
        <span className="tab-count"> ({pairs.data.length})</span>
      </>
    ) : (
      tab.label
    );
  return <Tabs label="Pairing" selected={selected} onSelect={goTo} tabs={pairingTabs.map((tab) => ({ id: tab.id, label: label(tab), panel: panels[tab.id] }))} />;
}
