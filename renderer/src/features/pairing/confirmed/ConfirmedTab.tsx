import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Pair } from '../../../../../shared/matching/contract';
import { formatDate } from '../../../../../shared/dates';
import { plural } from '../../../../../shared/words';
import { trainingPath } from '../../../app/paths';
import { PairLink, PersonLink } from '../../../app/PersonLink';
import { Button } from '../../../ui/Button';
import { useFocusLater } from '../../../ui/focus';
import { EmptyState, ErrorMessage, Loading } from '../../../ui/Page';
import { Table, type Column } from '../../../ui/Table';
import { useExpandedRows } from '../../../ui/useExpandedRows';
import { usePairs } from '../api';
import { ScoreBreakdown, WhyButton, points } from '../explanations';
import type { PairingTab } from '../tabs';
import { pairName } from '../words';
import { EndPairDialog } from './EndPairDialog';

const whyId = (pair: Pair) => `confirmed-why-${pair.id}`;

/** The confirmed pairs, whether both are trained, why each scored what it did, and ending a pair. */
export function ConfirmedTab({ pilotId, goTo, focusHeading, onFocused }: { pilotId: number; goTo: (tab: PairingTab) => void; focusHeading: boolean; onFocused: () => void }) {
  const [showEnded, setShowEnded] = useState(false);
  const pairs = usePairs(pilotId, showEnded);
  const [ending, setEnding] = useState<Pair>();
  const focusLater = useFocusLater();
  const { isExpanded, toggle } = useExpandedRows();
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = !pairs.isPending;
  useEffect(() => {
    if (!focusHeading || !loaded) return;
    // After the confirmation dialog has returned focus, so this is where focus stays.
    const frame = requestAnimationFrame(() => {
      heading.current?.focus();
      onFocused();
    });
    return () => cancelAnimationFrame(frame);
  }, [focusHeading, loaded, onFocused]);
  if (pairs.isPending) return <Loading />;
  if (pairs.error) return <ErrorMessage error={pairs.error} />;
  const list = pairs.data;
  const current = list.filter((p) => p.endedAt === null);
  const flagged = current.filter((p) => p.untrained.length > 0);

  const columns: Column<Pair>[] = [
    { id: 'mentee', header: 'Mentee (staff)', rowHeader: true, className: 'nowrap', cell: (p) => <PersonLink pilotId={pilotId} person={{ id: p.menteeId, name: p.menteeName }} /> },
    { id: 'mentor', header: 'Mentor (student)', className: 'nowrap', cell: (p) => <PersonLink pilotId={pilotId} person={{ id: p.mentorId, name: p.mentorName }} /> },
    { id: 'score', header: 'Score', className: 'cp-score', cell: (p) => points(p.score) },
    { id: 'confirmed', header: 'Confirmed', className: 'nowrap', cell: (p) => formatDate(p.confirmedAt.slice(0, 10)) },
    { id: 'training', header: showEnded ? 'Training, or why it ended' : 'Training', cell: (p) => <TrainingOrEnd pair={p} /> },
    {
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      className: 'cell-actions',
      cell: (p) => (
        <>
          <PairLink pilotId={pilotId} pairId={p.id}>
            <span aria-hidden="true">Meetings</span>
            <span className="visually-hidden">Meetings of {pairName(p)}</span>
          </PairLink>
          <WhyButton open={isExpanded(String(p.id))} onToggle={() => toggle(String(p.id))} controls={whyId(p)} name={pairName(p)} />
          {p.endedAt === null ? (
            <Button variant="quiet" data-focus-id={`end-${p.id}`} aria-label={`End pair of ${pairName(p)}`} onPress={() => setEnding(p)}>
              End pair
            </Button>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <div className="cp-confirmed">
      <div className="toolbar cp-toolbar">
        <div>
          <h2 className="cp-confirmed-title" id="confirmed-heading" tabIndex={-1} ref={heading}>
            {current.length === 0 ? 'No current pairs' : plural(current.length, 'current pair')}
          </h2>
          <p className="summary-line flush" id="confirmed-summary">
            {flagged.length > 0 ? (
              <>
                {plural(flagged.length, 'pair')} with someone not trained yet: <Link to={trainingPath(pilotId)}>record their training</Link> before their first meeting.
              </>
            ) : current.length > 0 ? (
              'Everyone in a current pair has been trained.'
            ) : (
              'Confirmed pairs appear here.'
            )}
          </p>
        </div>
        <div className="checkbox-field">
          <input id="show-ended-pairs" type="checkbox" checked={showEnded} onChange={(e) => setShowEnded(e.target.checked)} />
          <label htmlFor="show-ended-pairs">Show ended pairs</label>
        </div>
      </div>
      <Table
        caption={`Confirmed pairs${showEnded ? ', with ended ones' : ''}`}
        aria-describedby="confirmed-summary"
        className="table-gap"
        columns={columns}
        rows={list}
        rowKey={(p) => p.id}
        rowClassName={(p) => (p.endedAt !== null ? 'cp-row-ended' : undefined)}
        details={(p) => (isExpanded(String(p.id)) ? <ScoreBreakdown id={whyId(p)} explanation={p.explanation} label={`Why ${pairName(p)} scored ${points(p.score)} when confirmed`} /> : null)}
        empty={
          <EmptyState
            title={showEnded ? 'No pairs at all yet' : 'No confirmed pairs yet'}
            action={
              <Button variant="primary" onPress={() => goTo('propose')}>
                Propose pairs
              </Button>
            }
          >
            Propose pairs for the cohort, check why each was proposed, then confirm them. Confirmed pairs appear here with their meetings scheduled.
          </EmptyState>
        }
      />
      {ending ? (
        <EndPairDialog
          pair={ending}
          onClose={() => setEnding(undefined)}
          onEnded={() => {
            const at = current.findIndex((p) => p.id === ending.id);
            const next = current[at + 1] ?? current[at - 1];
            setEnding(undefined);
            focusLater(...(next ? [`end-${next.id}`] : []), 'show-ended-pairs');
          }}
        />
      ) : null}
    </div>
  );
}

/** A current pair's training (both trained, or who still needs what), or when and why an ended pair ended. */
function TrainingOrEnd({ pair }: { pair: Pair }) {
  if (pair.endedAt !== null) {
    return (
      <>
        <span className="pill pill-ended">Ended on {formatDate(pair.endedAt.slice(0, 10))}</span>
        <p className="cell-note-wrap">Reason: {pair.endReason}</p>
      </>
    );
  }
  if (pair.untrained.length === 0) return <span className="pill pill-yes">Both trained</span>;
  return (
    <ul className="cp-flag-cell">
      {pair.untrained.map((p) => (
        <li key={p.id}>
          <span className="pill pill-flag">Not trained</span> {p.name}
          <span className="cell-note-wrap cp-flag-note">Still needs: {p.missing.join(', ')}</span>
        </li>
      ))}
    </ul>
  );
}
