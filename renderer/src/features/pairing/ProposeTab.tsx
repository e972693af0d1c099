import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { pairingModeLabels, type MatchingState, type ProposedPair } from '../../../../shared/matching/contract';
import { useCommand } from '../../queries';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/Page';
import { useNotices } from '../../ui/Notices';
import { roleLabels } from '../../../../shared/participants/contract';
import { Callout, GoToParticipants, PAIRING_NAMESPACES, ScoreBreakdown, WhyButton, points, trainingPath } from './common';
import { participantsPath } from '../participants/paths';
import { maxScore, modeExplanations, pairKey, pairName, reasonLabels, settingsInWords } from './words';
import type { PairingTab, ProposalControl } from './PairingPage';
import { useFocusLater } from '../../ui/focus';
import { errorText, plural } from '../../ui/words';
import { FormError } from '../../ui/FormDialog';

type Rule = 'pin' | 'forbid' | undefined;

function ProposedRow({
  pair,
  rule,
  selected,
  onSelect,
  onRule,
  busy,
  untrained,
}: {
  pair: ProposedPair;
  rule: Rule;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onRule: (rule: 'pin' | 'forbid' | null) => void;
  busy: boolean;
  /** Ids of people not trained yet for their role. */
  untrained: Set<number>;
}) {
  const [open, setOpen] = useState(false);
  const name = pairName(pair);
  const whyId = `why-${pair.menteeId}-${pair.mentorId}`;
  const key = pairKey(pair);
  const forbidden = rule === 'forbid';
  const pinned = rule === 'pin';
  return (
    <tbody className={forbidden ? 'cp-row-forbidden' : undefined}>
      <tr>
        <td className="cp-select-cell">
          <input type="checkbox" className="cp-checkbox" aria-label={`Select ${name}`} checked={selected && !forbidden} disabled={forbidden} onChange={(e) => onSelect(e.target.checked)} />
        </td>
        <th scope="row" className="cp-person">
          {pair.menteeName}
          {untrained.has(pair.menteeId) ? <span className="cp-small-flag">not trained yet</span> : null}
        </th>
        <td className="cp-person">
          {pair.mentorName}
          {untrained.has(pair.mentorId) ? <span className="cp-small-flag">not trained yet</span> : null}
        </td>
        <td className="cp-score">
          {points(pair.score)}
          {pair.onlyToIncludeEveryone ? <span className="cp-small-flag cp-flag-wrap">paired only to include everyone</span> : null}
        </td>
        <td>
          {forbidden ? (
            <span className="cp-pill cp-pill-no">Forbidden</span>
          ) : pinned ? (
            <span className="cp-pill cp-pill-pin">Pinned</span>
          ) : (
            <span className="cp-muted">
              <span aria-hidden="true">—</span>
              <span className="visually-hidden">No rule</span>
            </span>
          )}
        </td>
        <td className="cell-actions cp-pair-actions">
          <WhyButton open={open} onToggle={() => setOpen(!open)} controls={whyId} name={name} />
          {forbidden ? (
            <Button variant="quiet" data-focus-id={`allow-${key}`} aria-label={`Allow ${name} again`} onPress={() => !busy && onRule(null)}>
              Allow
            </Button>
          ) : (
            <>
              <Button variant="quiet" data-focus-id={`pin-${key}`} aria-label={`${pinned ? 'Unpin' : 'Pin'} ${name}`} onPress={() => !busy && onRule(pinned ? null : 'pin')}>
                {pinned ? 'Unpin' : 'Pin'}
              </Button>
              <Button variant="quiet" data-focus-id={`forbid-${key}`} aria-label={`Forbid ${name}`} onPress={() => !busy && onRule('forbid')}>
                Forbid
              </Button>
            </>
          )}
        </td>
      </tr>
      {open ? (
        <tr className="cp-why-tr">
          <td />
          <td colSpan={5}>
            <ScoreBreakdown id={whyId} explanation={pair.explanation} label={`Why ${name} scores ${points(pair.score)}`} />
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}

export function ProposeTab({
  pilotId,
  state,
  proposal,
  goTo,
  onAllConfirmed,
}: {
  pilotId: number;
  state: MatchingState;
  proposal: ProposalControl;
  goTo: (tab: PairingTab) => void;
  onAllConfirmed: () => void;
}) {
  const { notify } = useNotices();
  const { run, stale, running, error, propose } = proposal;
  const setRule = useCommand('matching.setRule', PAIRING_NAMESPACES);
  const confirm = useCommand('matching.confirm', PAIRING_NAMESPACES);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState<ProposedPair[]>();
  const [ruleBusy, setRuleBusy] = useState<string>();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const focusLater = useFocusLater();
  // Arriving on the tab does not steal focus from the tab list; only a new run moves it.
  const lastFocused = useRef(run?.number ?? 0);

  // A new proposal: fresh selection, and the result is announced by moving focus to its heading.
  const runNumber = run?.number ?? 0;
  useEffect(() => {
    setSelected(new Set());
    if (runNumber > lastFocused.current) {
      lastFocused.current = runNumber;
      resultHeading.current?.focus();
    }
  }, [runNumber]);

  const mentors = state.candidates.filter((c) => c.role === 'mentor');
  const mentees = state.candidates.filter((c) => c.role === 'mentee');
  if (state.candidates.length === 0) {
    return (
      <EmptyState
        title="Nobody to pair yet"
        action={
          <GoToParticipants pilotId={pilotId} />
        }
      >
        Pairing needs students (mentors) and members of staff (mentees) in the pilot’s register. Add or import them under Participants, then come back to propose pairs.
      </EmptyState>
    );
  }

  // Looked up for every proposed row, several times: by key, not by searching the list.
  const rules = new Map(state.rules.map((r) => [pairKey(r), r.rule]));
  const ruleOf = (p: { mentorId: number; menteeId: number }): Rule => rules.get(pairKey(p));
  const untrained = new Set(state.candidates.filter((c) => !c.trained).map((c) => c.id));
  const changeRule = async (pair: ProposedPair, rule: 'pin' | 'forbid' | null) => {
    const name = pairName(pair);
    setRuleBusy(pairKey(pair));
    try {
      await setRule.mutateAsync({ pilotId, mentorId: pair.mentorId, menteeId: pair.menteeId, rule });
      // Forbidding swaps Pin and Forbid for "Allow again" (and back): keep focus on the row.
      if (rule === 'forbid') focusLater(`allow-${pairKey(pair)}`);
      else if (rule === null && ruleOf(pair) === 'forbid') focusLater(`forbid-${pairKey(pair)}`);
      notify(
        rule === 'pin'
          ? `${name} pinned: kept in every proposal. Propose again to see the effect.`
          : rule === 'forbid'
            ? `${name} forbidden: never proposed again. Propose again to see the effect.`
            : `${name} has no rule any more. Propose again to see the effect.`,
      );
    } catch (e) {
      notify(errorText(e), { tone: 'error' });
    } finally {
      setRuleBusy(undefined);
    }
  };

  const pairs = run?.proposal.pairs ?? [];
  const confirmable = pairs.filter((p) => ruleOf(p) !== 'forbid');
  const chosen = confirmable.filter((p) => selected.has(pairKey(p)));
  const allChosen = confirmable.length > 0 && chosen.length === confirmable.length;

  const doConfirm = async () => {
    if (!confirming) return;
    const list = confirming;
    const all = list.length === confirmable.length;
    try {
      await confirm.mutateAsync({ pilotId, pairs: list.map((p) => ({ mentorId: p.mentorId, menteeId: p.menteeId })) });
      // A pin has done its job once its pair is confirmed; left in place it would only warn "not kept".
      for (const p of list.filter((p) => ruleOf(p) === 'pin')) await setRule.mutateAsync({ pilotId, mentorId: p.mentorId, menteeId: p.menteeId, rule: null });
      setConfirming(undefined);
      notify(`${plural(list.length, 'pair')} confirmed. Both people in each pair are now Paired.`);
      if (all) {
        proposal.clear();
        onAllConfirmed();
      } else {
        // The rest of the cohort needs a new proposal without the confirmed people's places.
        await propose();
      }
    } catch (e) {
      setConfirming(undefined);
      notify(errorText(e), { tone: 'error' });
    }
  };

  const max = maxScore(state.settings);
  const { proposal: result } = run ?? {};

  return (
    <div className="cp-propose">
      <section className="cp-run-panel" aria-labelledby="run-heading">
        <div className="cp-run-text">
          <h2 id="run-heading" className="cp-run-title">
            {pairingModeLabels[state.settings.mode]}
          </h2>
          <p className="cp-flush">{modeExplanations[state.settings.mode]}</p>
          <p className="cp-muted cp-flush cp-small">{settingsInWords(state.settings).join(' ')}</p>
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
      {mentors.length === 0 || mentees.length === 0 ? (
        <Callout tone="warning">
          <p className="cp-flush">
            The register has {plural(mentors.length, 'student mentor')} and {plural(mentees.length, 'staff mentee')}: pairs need one of each.{' '}
            <Link to={participantsPath(pilotId)}>Add people under Participants</Link>.
          </p>
        </Callout>
      ) : null}
      <FormError message={error} />
      {running && !result ? <p className="loading" role="status">Proposing pairs…</p> : null}
      {!result && !running ? (
        <p className="cp-hint-box">
          Press <strong>Propose pairs</strong> to pair the whole cohort ({plural(mentors.length, 'student mentor')}, {plural(mentees.length, 'staff mentee')}) under these
          settings. Each pair comes with its reasons; nothing is saved until you confirm.
        </p>
      ) : null}
      {result ? (
        <>
          <h2 ref={resultHeading} tabIndex={-1} className="cp-result-title" id="result-heading">
            {result.pairs.length === 0 ? 'No pairs proposed' : `${plural(result.pairs.length, 'pair')} proposed`}
          </h2>
          <ul className="cp-counts" aria-label="This proposal at a glance">
            <li className="cp-count">
              <span className="cp-count-number">{result.pairs.length}</span>
              <span className="cp-count-label">{result.pairs.length === 1 ? 'pair proposed' : 'pairs proposed'}</span>
            </li>
            <li className="cp-count">
              <span className="cp-count-number">{points(result.totalScore)}</span>
              <span className="cp-count-label">total score</span>
            </li>
            <li className={`cp-count ${result.blockingPairs > 0 ? 'cp-count-warning' : ''}`}>
              <span className="cp-count-number">{result.blockingPairs}</span>
              <span className="cp-count-label">{result.blockingPairs === 1 ? 'blocking pair' : 'blocking pairs'}</span>
            </li>
            <li className="cp-count">
              <span className="cp-count-number">{result.mentors}</span>
              <span className="cp-count-label">{result.mentors === 1 ? 'mentor available' : 'mentors available'}</span>
            </li>
            <li className="cp-count">
              <span className="cp-count-number">{result.mentees}</span>
              <span className="cp-count-label">{result.mentees === 1 ? 'mentee available' : 'mentees available'}</span>
            </li>
          </ul>
          <p className="cp-muted cp-small">
            {result.blockingPairs === 0
              ? 'No blocking pairs: no mentee and mentor left apart would both rather be with each other (by their own preferences) than with their proposed partners.'
              : `${plural(result.blockingPairs, 'blocking pair')}: a mentee and a mentor left apart who would both rather be with each other (by their own preferences) than with their proposed partners. “Stable” mode leaves none, unless pins make them.`}
          </p>
          {result.warnings.length > 0 ? (
            <Callout tone="warning">
              <h3 className="cp-callout-title">{result.warnings.length === 1 ? 'A pin was not kept' : 'Pins not kept'}</h3>
              <ul className="cp-flush-list">
                {result.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </Callout>
          ) : null}
          {stale ? (
            <Callout tone="warning" id="stale-note">
              <p className="cp-flush">
                <strong>Out of date:</strong> settings, rules or constraints changed since these pairs were proposed. Propose again to see the effect before confirming.
              </p>
              <Button variant="primary" busy={running} onPress={() => void propose()} className="cp-callout-button">
                Propose again
              </Button>
            </Callout>
          ) : null}

          {pairs.length > 0 ? (
            <>
              <h3 className="cp-subtitle" id="proposed-heading">
                Proposed pairs
              </h3>
              <table className="table cp-table cp-proposed" aria-labelledby="proposed-heading">
                <thead>
                  <tr>
                    <th scope="col" className="cp-select-cell">
                      <input
                        type="checkbox"
                        className="cp-checkbox"
                        aria-label="Select every pair"
                        checked={allChosen}
                        disabled={confirmable.length === 0}
                        onChange={(e) => setSelected(e.target.checked ? new Set(confirmable.map(pairKey)) : new Set())}
                      />
                    </th>
                    <th scope="col">Mentee (staff)</th>
                    <th scope="col">Mentor (student)</th>
                    <th scope="col">
                      Score <span className="cp-th-note">of {max}</span>
                    </th>
                    <th scope="col">Rule</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                {pairs.map((pair) => (
                  <ProposedRow
                    key={pairKey(pair)}
                    pair={pair}
                    rule={ruleOf(pair)}
                    selected={selected.has(pairKey(pair))}
                    busy={ruleBusy === pairKey(pair)}
                    untrained={untrained}
                    onSelect={(on) =>
                      setSelected((s) => {
                        const next = new Set(s);
                        if (on) next.add(pairKey(pair));
                        else next.delete(pairKey(pair));
                        return next;
                      })
                    }
                    onRule={(rule) => void changeRule(pair, rule)}
                  />
                ))}
              </table>
              {stale ? null : (
                <div className="cp-confirm-bar">
                  <Button variant="primary" isDisabled={confirmable.length === 0} onPress={() => setConfirming(confirmable)}>
                    {`Confirm these ${plural(confirmable.length, 'pair')}`}
                  </Button>
                  {chosen.length > 0 && !allChosen ? (
                    <Button onPress={() => setConfirming(chosen)}>{`Confirm ${chosen.length} selected ${chosen.length === 1 ? 'pair' : 'pairs'}`}</Button>
                  ) : null}
                  <p className="cp-muted cp-flush cp-small">
                    {chosen.length > 0 && !allChosen
                      ? `${chosen.length} of ${confirmable.length} selected.`
                      : 'Tick pairs to confirm only some of them; the others can be proposed again afterwards.'}
                  </p>
                </div>
              )}
              {pairs.some((p) => p.onlyToIncludeEveryone) ? (
                <p className="cp-muted cp-small">
                  “Paired only to include everyone” marks pairs that score nothing: “Most people paired” makes them so that nobody is left out. Forbid one, or choose “Best total fit”, to leave
                  it out.
                </p>
              ) : null}
              {pairs.some((p) => untrained.has(p.menteeId) || untrained.has(p.mentorId)) ? (
                <p className="cp-muted cp-small">
                  “Not trained yet” marks people who have not attended training for their role: <Link to={trainingPath(pilotId)}>train them</Link> before their first meeting.
                </p>
              ) : null}
            </>
          ) : null}

          <h3 className="cp-subtitle" id="unpaired-heading">
            {result.unpaired.length === 0 ? 'Everyone with a free place is paired' : `Not paired (${result.unpaired.length})`}
          </h3>
          {result.unpaired.length > 0 ? (
            <table className="table cp-table" aria-labelledby="unpaired-heading">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Role</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {result.unpaired.map((u) => (
                  <tr key={u.participantId}>
                    <th scope="row">{u.name}</th>
                    <td className="cp-nowrap">{roleLabels[u.role]}</td>
                    <td>
                      <span className={`cp-pill cp-pill-reason`}>{reasonLabels[u.reason]}</span>
                    </td>
                    <td className="cp-detail">{u.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}

      <ConfirmDialog
        isOpen={confirming !== undefined}
        title={`Confirm ${plural(confirming?.length ?? 0, 'pair')}?`}
        confirmLabel={`Confirm ${plural(confirming?.length ?? 0, 'pair')}`}
        tone="primary"
        isPending={confirm.isPending}
        onConfirm={() => void doConfirm()}
        onCancel={() => setConfirming(undefined)}
      >
        <ul className="cp-confirm-list">
          {confirming?.map((p) => (
            <li key={pairKey(p)}>
              {pairName(p)} <span className="cp-muted">(score {points(p.score)})</span>
            </li>
          ))}
        </ul>
        <p>Both people in each pair move to “Paired” and their meetings are scheduled. You can end a pair later; a reason will be asked for.</p>
      </ConfirmDialog>
    </div>
  );
}
