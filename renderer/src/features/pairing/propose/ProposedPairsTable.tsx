import type { ProposedPair } from '../../../../../shared/matching/contract';
import { Button } from '../../../ui/Button';
import { Table, type Column } from '../../../ui/Table';
import { useExpandedRows } from '../../../ui/useExpandedRows';
import { ScoreBreakdown, WhyButton, points } from '../explanations';
import { pairKey, pairName } from '../words';
import { PersonLink } from '../../../app/PersonLink';
import { usePilotId } from '../../../app/usePilotId';

export type Rule = 'pin' | 'forbid' | undefined;

interface Props {
  pairs: ProposedPair[];
  maxScore: number;
  ruleOf: (pair: ProposedPair) => Rule;
  /** Ids of people not trained yet for their role. */
  untrained: ReadonlySet<number>;
  selected: ReadonlySet<string>;
  onSelect: (keys: string[], on: boolean) => void;
  /** The pair whose rule is being saved: a second press on it is ignored. */
  busyKey: string | undefined;
  onRule: (pair: ProposedPair, rule: 'pin' | 'forbid' | null) => void;
}

const NotTrained = ({ show }: { show: boolean }) => (show ? <span className="flag">not trained yet</span> : null);

/** The proposed pairs, each with a box to choose it, its score and rule, and why it scores what it does. */
export function ProposedPairsTable({ pairs, maxScore, ruleOf, untrained, selected, onSelect, busyKey, onRule }: Props) {
  const pilotId = usePilotId();
  const { isExpanded, toggle } = useExpandedRows();
  const confirmable = pairs.filter((p) => ruleOf(p) !== 'forbid').map(pairKey);
  const allChosen = confirmable.length > 0 && confirmable.every((key) => selected.has(key));
  const whyId = (pair: ProposedPair) => `why-${pair.menteeId}-${pair.mentorId}`;

  const columns: Column<ProposedPair>[] = [
    {
      id: 'select',
      header: (
        <input
          type="checkbox"
          className="cp-checkbox"
          aria-label="Select every pair"
          checked={allChosen}
          disabled={confirmable.length === 0}
          onChange={(e) => onSelect(confirmable, e.target.checked)}
        />
      ),
      headerClassName: 'cp-select-cell',
      className: 'cp-select-cell',
      cell: (pair) => {
        const forbidden = ruleOf(pair) === 'forbid';
        return (
          <input
            type="checkbox"
            className="cp-checkbox"
            aria-label={`Select ${pairName(pair)}`}
            checked={selected.has(pairKey(pair)) && !forbidden}
            disabled={forbidden}
            onChange={(e) => onSelect([pairKey(pair)], e.target.checked)}
          />
        );
      },
    },
    {
      id: 'mentee',
      header: 'Mentee (staff)',
      rowHeader: true,
      className: 'nowrap',
      cell: (pair) => (
        <>
          <PersonLink pilotId={pilotId} person={{ id: pair.menteeId, name: pair.menteeName }} />
          <NotTrained show={untrained.has(pair.menteeId)} />
        </>
      ),
    },
    {
      id: 'mentor',
      header: 'Mentor (student)',
      className: 'nowrap',
      cell: (pair) => (
        <>
          <PersonLink pilotId={pilotId} person={{ id: pair.mentorId, name: pair.mentorName }} />
          <NotTrained show={untrained.has(pair.mentorId)} />
        </>
      ),
    },
    {
      id: 'score',
      header: (
        <>
          Score <span className="cp-th-note">of {maxScore}</span>
        </>
      ),
      className: 'cp-score',
      cell: (pair) => (
        <>
          {points(pair.score)}
          {pair.onlyToIncludeEveryone ? <span className="flag cp-flag-wrap">paired only to include everyone</span> : null}
        </>
      ),
    },
    { id: 'rule', header: 'Rule', cell: (pair) => <RulePill rule={ruleOf(pair)} /> },
    {
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      className: 'cell-actions cp-pair-actions',
      cell: (pair) => <PairActions pair={pair} rule={ruleOf(pair)} open={isExpanded(pairKey(pair))} onToggle={() => toggle(pairKey(pair))} whyId={whyId(pair)} busy={busyKey === pairKey(pair)} onRule={onRule} />,
    },
  ];

  return (
    <Table
      aria-labelledby="proposed-heading"
      className="table-gap cp-proposed"
      columns={columns}
      rows={pairs}
      rowKey={pairKey}
      rowClassName={(pair) => (ruleOf(pair) === 'forbid' ? 'cp-row-forbidden' : undefined)}
      detailsIndent={1}
      details={(pair) =>
        isExpanded(pairKey(pair)) ? <ScoreBreakdown id={whyId(pair)} explanation={pair.explanation} label={`Why ${pairName(pair)} scores ${points(pair.score)}`} /> : null
      }
    />
  );
}

function RulePill({ rule }: { rule: Rule }) {
  if (rule === 'forbid') return <span className="pill pill-no">Forbidden</span>;
  if (rule === 'pin') return <span className="pill pill-pin">Pinned</span>;
  return (
    <span className="muted">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">No rule</span>
    </span>
  );
}

function PairActions({ pair, rule, open, onToggle, whyId, busy, onRule }: { pair: ProposedPair; rule: Rule; open: boolean; onToggle: () => void; whyId: string; busy: boolean; onRule: Props['onRule'] }) {
  const name = pairName(pair);
  const key = pairKey(pair);
  const set = (next: 'pin' | 'forbid' | null) => !busy && onRule(pair, next);
  return (
    <>
      <WhyButton open={open} onToggle={onToggle} controls={whyId} name={name} />
      {rule === 'forbid' ? (
        <Button variant="quiet" data-focus-id={`allow-${key}`} aria-label={`Allow ${name} again`} onPress={() => set(null)}>
          Allow
        </Button>
      ) : (
        <>
          <Button variant="quiet" data-focus-id={`pin-${key}`} aria-label={`${rule === 'pin' ? 'Unpin' : 'Pin'} ${name}`} onPress={() => set(rule === 'pin' ? null : 'pin')}>
            {rule === 'pin' ? 'Unpin' : 'Pin'}
          </Button>
          <Button variant="quiet" data-focus-id={`forbid-${key}`} aria-label={`Forbid ${name}`} onPress={() => set('forbid')}>
            Forbid
          </Button>
        </>
      )}
    </>
  );
}
