import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { MatchingState, ProposedPair } from '../../../../../shared/matching/contract';
import { plural } from '../../../../../shared/words';
import { trainingPath } from '../../../app/paths';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { errorText } from '../../../ui/errors';
import { useFocusLater } from '../../../ui/focus';
import { useNotices } from '../../../ui/Notices';
import { useConfirmPairs, useSetRule } from '../api';
import { points } from '../explanations';
import { maxScore, pairKey, pairName } from '../words';
import { ProposedPairsTable, type Rule } from './ProposedPairsTable';

interface Props {
  pilotId: number;
  state: MatchingState;
  pairs: ProposedPair[];
  /** A new proposal: the selection starts again. */
  runNumber: number;
  stale: boolean;
  /** After a confirmation: every proposed pair was confirmed (`all`), or the rest of the cohort needs a new proposal. */
  onConfirmed: (all: boolean) => Promise<void>;
}

/** The proposed pairs: pin, forbid or allow each, tick some or all, and confirm them. */
export function ProposedPairs({ pilotId, state, pairs, runNumber, stale, onConfirmed }: Props) {
  const { notify } = useNotices();
  const focusLater = useFocusLater();
  const setRule = useSetRule();
  const confirm = useConfirmPairs();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<ProposedPair[]>();
  const [ruleBusy, setRuleBusy] = useState<string>();
  useEffect(() => setSelected(new Set()), [runNumber]);

  // Looked up for every proposed row, several times: by key, not by searching the list.
  const rules = new Map(state.rules.map((r) => [pairKey(r), r.rule]));
  const ruleOf = (p: { mentorId: number; menteeId: number }): Rule => rules.get(pairKey(p));
  const untrained = new Set(state.candidates.filter((c) => !c.trained).map((c) => c.id));
  const confirmable = pairs.filter((p) => ruleOf(p) !== 'forbid');
  const chosen = confirmable.filter((p) => selected.has(pairKey(p)));
  const allChosen = confirmable.length > 0 && chosen.length === confirmable.length;

  const select = (keys: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const key of keys) {
        if (on) next.add(key);
        else next.delete(key);
      }
      return next;
    });

  const changeRule = async (pair: ProposedPair, rule: 'pin' | 'forbid' | null) => {
    const name = pairName(pair);
    setRuleBusy(pairKey(pair));
    try {
      await setRule.mutateAsync({ pilotId, mentorId: pair.mentorId, menteeId: pair.menteeId, rule });
      // Forbidding swaps Pin and Forbid for "Allow again" (and back): keep focus on the row.
      if (rule === 'forbid') focusLater(`allow-${pairKey(pair)}`);
      else if (rule === null && ruleOf(pair) === 'forbid') focusLater(`forbid-${pairKey(pair)}`);
      const effect =
        rule === 'pin' ? `${name} pinned: kept in every proposal.` : rule === 'forbid' ? `${name} forbidden: never proposed again.` : `${name} has no rule any more.`;
      notify(`${effect} Propose again to see the effect.`);
    } catch (e) {
      notify(errorText(e), { tone: 'error' });
    } finally {
      setRuleBusy(undefined);
    }
  };

  const confirmChosen = async () => {
    if (!confirming) return;
    const list = confirming;
    try {
      await confirm.mutateAsync({ pilotId, pairs: list.map((p) => ({ mentorId: p.mentorId, menteeId: p.menteeId })) });
      // Confirming clears the confirmed pairs' pins in the same command (matching.confirm).
      setConfirming(undefined);
      notify(`${plural(list.length, 'pair')} confirmed. Both people in each pair are now Paired.`);
      await onConfirmed(list.length === confirmable.length);
    } catch (e) {
      setConfirming(undefined);
      notify(errorText(e), { tone: 'error' });
    }
  };

  return (
    <>
      <h3 className="cp-subtitle" id="proposed-heading">
        Proposed pairs
      </h3>
      <ProposedPairsTable
        pairs={pairs}
        maxScore={maxScore(state.settings)}
        ruleOf={ruleOf}
        untrained={untrained}
        selected={selected}
        onSelect={select}
        busyKey={ruleBusy}
        onRule={(pair, rule) => void changeRule(pair, rule)}
      />
      {stale ? null : (
        <div className="cp-confirm-bar">
          <Button variant="primary" isDisabled={confirmable.length === 0} onPress={() => setConfirming(confirmable)}>
            {`Confirm these ${plural(confirmable.length, 'pair')}`}
          </Button>
          {chosen.length > 0 && !allChosen ? <Button onPress={() => setConfirming(chosen)}>{`Confirm ${chosen.length} selected ${chosen.length === 1 ? 'pair' : 'pairs'}`}</Button> : null}
          <p className="muted flush small-print">
            {chosen.length > 0 && !allChosen ? `${chosen.length} of ${confirmable.length} selected.` : 'Tick pairs to confirm only some of them; the others can be proposed again afterwards.'}
          </p>
        </div>
      )}
      {pairs.some((p) => p.onlyToIncludeEveryone) ? (
        <p className="muted small-print">
          “Paired only to include everyone” marks pairs that score nothing: “Most people paired” makes them so that nobody is left out. Forbid one, or choose “Best total fit”, to leave it out.
        </p>
      ) : null}
      {pairs.some((p) => untrained.has(p.menteeId) || untrained.has(p.mentorId)) ? (
        <p className="muted small-print">
          “Not trained yet” marks people who have not attended training for their role: <Link to={trainingPath(pilotId)}>train them</Link> before their first meeting.
        </p>
      ) : null}
      <ConfirmDialog
        isOpen={confirming !== undefined}
        title={`Confirm ${plural(confirming?.length ?? 0, 'pair')}?`}
        confirmLabel={`Confirm ${plural(confirming?.length ?? 0, 'pair')}`}
        tone="primary"
        isPending={confirm.isPending}
        onConfirm={() => void confirmChosen()}
        onCancel={() => setConfirming(undefined)}
      >
        <ul className="cp-confirm-list">
          {confirming?.map((p) => (
            <li key={pairKey(p)}>
              {pairName(p)} <span className="muted">(score {points(p.score)})</span>
            </li>
          ))}
        </ul>
        <p>Both people in each pair move to “Paired” and their meetings are scheduled. You can end a pair later; a reason will be asked for.</p>
      </ConfirmDialog>
    </>
  );
}
