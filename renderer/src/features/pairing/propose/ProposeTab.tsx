import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { pairingModeLabels, type MatchingState } from '../../../../../shared/matching/contract';
import { plural } from '../../../../../shared/words';
import { participantsPath } from '../../../app/paths';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { FormError } from '../../../ui/FormDialog';
import { LinkButton } from '../../../ui/LinkButton';
import { EmptyState } from '../../../ui/Page';
import type { PairingTab } from '../tabs';
import type { ProposalControl } from '../useProposal';
import { modeExplanations, settingsInWords } from '../words';
import { ProposalSummary } from './ProposalSummary';
import { ProposedPairs } from './ProposedPairs';
import { UnpairedPeople } from './UnpairedPeople';

interface Props {
  pilotId: number;
  state: MatchingState;
  proposal: ProposalControl;
  goTo: (tab: PairingTab) => void;
  onAllConfirmed: () => void;
}

/** Propose pairs for the whole cohort under the settings, see the result and why, and confirm. */
export function ProposeTab({ pilotId, state, proposal, goTo, onAllConfirmed }: Props) {
  const { run, stale, running, error, propose } = proposal;
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // Arriving on the tab does not steal focus from the tab list; only a new run moves it.
  const lastFocused = useRef(run?.number ?? 0);
  const runNumber = run?.number ?? 0;
  useEffect(() => {
    if (runNumber > lastFocused.current) {
      lastFocused.current = runNumber;
      resultHeading.current?.focus();
    }
  }, [runNumber]);

  if (state.candidates.length === 0) {
    return (
      <EmptyState
        title="Nobody to pair yet"
        action={
          <LinkButton variant="primary" to={participantsPath(pilotId)}>
            Go to Participants
          </LinkButton>
        }
      >
        Pairing needs students (mentors) and members of staff (mentees) in the pilot’s register. Add or import them under Participants, then come back to propose pairs.
      </EmptyState>
    );
  }

  const mentors = state.candidates.filter((c) => c.role === 'mentor').length;
  const mentees = state.candidates.length - mentors;
  const result = run?.proposal;
  const afterConfirming = async (all: boolean) => {
    if (all) {
      proposal.clear();
      onAllConfirmed();
    } else {
      // The rest of the cohort needs a new proposal without the confirmed people's places.
      await propose();
    }
  };

  return (
    <div className="cp-propose">
      <section className="cp-run-panel" aria-labelledby="run-heading">
        <div className="cp-run-text">
          <h2 id="run-heading" className="cp-run-title">
            {pairingModeLabels[state.settings.mode]}
          </h2>
          <p className="flush">{modeExplanations[state.settings.mode]}</p>
          <p className="muted flush small-print">{settingsInWords(state.settings).join(' ')}</p>
        </div>
        <div className="cp-run-actions">
          <Button variant="primary" busy={running} onPress={() => void propose()}>
            {run ? 'Propose again' : 'Propose pairs'}
          </Button>
          <Button variant="quiet" onPress={() => goTo('settings')}>
            Change settings
          </Button>
        </div>
      </section>
      {mentors === 0 || mentees === 0 ? (
        <Callout tone="warning">
          <p className="flush">
            The register has {plural(mentors, 'student mentor')} and {plural(mentees, 'staff mentee')}: pairs need one of each. <Link to={participantsPath(pilotId)}>Add people under Participants</Link>.
          </p>
        </Callout>
      ) : null}
      <FormError message={error} />
      {running && !result ? (
        <p className="loading" role="status">
          Proposing pairs…
        </p>
      ) : null}
      {!result && !running ? (
        <p className="cp-hint-box">
          Press <strong>Propose pairs</strong> to pair the whole cohort ({plural(mentors, 'student mentor')}, {plural(mentees, 'staff mentee')}) under these settings. Each pair comes with its
          reasons; nothing is saved until you confirm.
        </p>
      ) : null}
      {result ? (
        <>
          <ProposalSummary result={result} stale={stale} running={running} onProposeAgain={() => void propose()} headingRef={resultHeading} />
          {result.pairs.length > 0 ? <ProposedPairs pilotId={pilotId} state={state} pairs={result.pairs} runNumber={runNumber} stale={stale} onConfirmed={afterConfirming} /> : null}
          <UnpairedPeople unpaired={result.unpaired} />
        </>
      ) : null}
    </div>
  );
}
