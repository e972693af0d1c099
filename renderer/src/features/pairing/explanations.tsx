import { criterionLabels, type Explanation } from '../../../../shared/matching/contract';
import { Button } from '../../ui/Button';

/** 40 → "40", 14.4 → "14.4": scores are kept to one decimal by the core. */
export const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * Why a pair scores what it does: each criterion's points of its maximum, in words. The bar only
 * repeats the numbers beside it.
 */
export function ScoreBreakdown({ explanation, id, label }: { explanation: Explanation[]; id?: string; label: string }) {
  if (explanation.length === 0) return <p className="hint">Every criterion has weight 0, so this pair scores nothing either way.</p>;
  return (
    <ul className="cp-why" id={id} aria-label={label}>
      {explanation.map((e) => {
        const share = e.max > 0 ? Math.max(0, Math.min(1, e.points / e.max)) : 0;
        return (
          <li key={e.criterion} className="cp-why-row">
            <span className="cp-why-label">{criterionLabels[e.criterion]}</span>
            <span className="cp-why-points">
              {points(e.points)} / {points(e.max)}
            </span>
            <span className="cp-why-bar" aria-hidden="true">
              <span className={`cp-why-fill cp-fill-${Math.round(share * 10)}`} />
            </span>
            <span className="cp-why-detail">— {e.detail}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** Opens and closes a pair's score breakdown (the element `controls` names) below its row. */
export function WhyButton({ open, onToggle, controls, name }: { open: boolean; onToggle: () => void; controls: string; name: string }) {
  return (
    <Button variant="quiet" aria-expanded={open} aria-controls={open ? controls : undefined} aria-label={`Why ${name}`} onPress={onToggle}>
      <span aria-hidden="true" className={`cp-caret ${open ? 'cp-caret-open' : ''}`}>
        ▸
      </span>{' '}
      Why?
    </Button>
  );
}
