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
  children,
}: {
  caption: string;
  /** The text alternative: what the chart shows, in sentences. */
  summary: string;
  legend?: ReactNode;
  table: ReactNode;
  children: (ids: { titleId: string; descId: string }) => ReactNode;
}) {
  const uid = useId();
  const [showTable, setShowTable] = useState(false);
  return (
    <figure className="sv-chart" aria-labelledby={`${uid}-caption`}>
      <figcaption id={`${uid}-caption`} className="sv-chart-caption">
        {caption}
      </figcaption>
      {children({ titleId: `${uid}-title`, descId: `${uid}-desc` })}
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
