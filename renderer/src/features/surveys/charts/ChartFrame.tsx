import { useId, useState, type ReactNode } from 'react';
import { Button } from '../../../ui/Button';

/**
 * Every chart in one frame: a caption, the drawing with a text alternative (title and description
 * read by screen readers), a legend in words, and the same numbers as a table behind a button.
 */
export function ChartFrame({
  caption,
  summary,
  legend,
  table,
  width,
  height,
  children,
}: {
  caption: string;
  /** The text alternative: what the chart shows, in sentences. */
  summary: string;
  legend?: ReactNode;
  table: ReactNode;
  /** The drawing's own size (its viewBox); it scales to the width it is given. */
  width: number;
  height: number;
  /** The drawing's shapes. */
  children: ReactNode;
}) {
  const uid = useId();
  const [showTable, setShowTable] = useState(false);
  return (
    <figure className="sv-chart" aria-labelledby={`${uid}-caption`}>
      <figcaption id={`${uid}-caption`} className="sv-chart-caption">
        {caption}
      </figcaption>
      <svg className="sv-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${uid}-title`} aria-describedby={`${uid}-desc`}>
        <title id={`${uid}-title`}>{caption}</title>
        <desc id={`${uid}-desc`}>{summary}</desc>
        {children}
      </svg>
      {legend}
      <Button variant="quiet" className="sv-table-toggle" aria-expanded={showTable} aria-controls={`${uid}-table`} onPress={() => setShowTable((s) => !s)}>
        {showTable ? 'Hide the table' : 'Show the numbers as a table'}
      </Button>
      <div id={`${uid}-table`} hidden={!showTable}>
        {showTable ? table : null}
      </div>
      <p className="visually-hidden">{summary}</p>
    </figure>
  );
}

/** How an axis looks in every chart: quiet grey lines and small labels in the page's font. */
export const axisLook = {
  stroke: '#545b64',
  tickStroke: '#545b64',
  tickLength: 4,
  tickLabelProps: { fill: '#545b64', fontSize: 11, textAnchor: 'middle', fontFamily: 'inherit' },
} as const;

/** A legend's sample of a mark, beside the words that say what it means. */
export function LegendSwatch({ children }: { children: ReactNode }) {
  return (
    <svg width="14" height="14" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}
