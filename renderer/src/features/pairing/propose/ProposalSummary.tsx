import type { Ref } from 'react';
import type { Proposal } from '../../../../../shared/matching/contract';
import { plural } from '../../../../../shared/words';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { points } from '../explanations';

/** A proposal at a glance: how many pairs, its score, blocking pairs, pins not kept, and whether it is out of date. */
export function ProposalSummary({ result, stale, running, onProposeAgain, headingRef }: { result: Proposal; stale: boolean; running: boolean; onProposeAgain: () => void; headingRef: Ref<HTMLHeadingElement> }) {
  const counts = [
    { n: String(result.pairs.length), label: result.pairs.length === 1 ? 'pair proposed' : 'pairs proposed' },
    { n: points(result.totalScore), label: 'total score' },
    { n: String(result.blockingPairs), label: result.blockingPairs === 1 ? 'blocking pair' : 'blocking pairs', warning: result.blockingPairs > 0 },
    { n: String(result.mentors), label: result.mentors === 1 ? 'mentor available' : 'mentors available' },
    { n: String(result.mentees), label: result.mentees === 1 ? 'mentee available' : 'mentees available' },
  ];
  return (
    <>
      <h2 ref={headingRef} tabIndex={-1} className="cp-result-title" id="result-heading">
        {result.pairs.length === 0 ? 'No pairs proposed' : `${plural(result.pairs.length, 'pair')} proposed`}
      </h2>
      <ul className="cp-counts" aria-label="This proposal at a glance">
        {counts.map((c) => (
          <li key={c.label} className={`cp-count ${c.warning ? 'cp-count-warning' : ''}`}>
            <span className="cp-count-number">{c.n}</span>
            <span className="cp-count-label">{c.label}</span>
          </li>
        ))}
      </ul>
      <p className="muted small-print">
        {result.blockingPairs === 0
          ? 'No blocking pairs: no mentee and mentor left apart would both rather be with each other (by their own preferences) than with their proposed partners.'
          : `${plural(result.blockingPairs, 'blocking pair')}: a mentee and a mentor left apart who would both rather be with each other (by their own preferences) than with their proposed partners. “Stable” mode leaves none, unless pins make them.`}
      </p>
      {result.warnings.length > 0 ? (
        <Callout tone="warning">
          <h3 className="callout-title">{result.warnings.length === 1 ? 'A pin was not kept' : 'Pins not kept'}</h3>
          <ul className="cp-flush-list">
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Callout>
      ) : null}
      {stale ? (
        <Callout tone="warning" id="stale-note">
          <p className="flush">
            <strong>Out of date:</strong> settings, rules or constraints changed since these pairs were proposed. Propose again to see the effect before confirming.
          </p>
          <Button variant="primary" busy={running} onPress={onProposeAgain} className="callout-button">
            Propose again
          </Button>
        </Callout>
      ) : null}
    </>
  );
}
