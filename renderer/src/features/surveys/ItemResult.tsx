import { Table, type Column } from '../../ui/Table';
import { groupLabels, type CellValue, type GroupAnalysis, type ItemAnalysis } from '../../../../shared/surveys/contract';
import { DivergingBars } from './charts/DivergingBars';
import { cellWords, complementNote, hasComplement, medianWords, methodShort, pWords } from './words';

const cellsOf = (groups: GroupAnalysis[]): CellValue[] => groups.flatMap((g) => [g.pairs, ...(g.result ? [g.result.improved, g.result.same, g.result.worse] : [])]);

/** One item: its table of results by group, and the spread of answers before and after. */
export function ItemResult({ item, number, threshold, beforeTitle, afterTitle }: { item: ItemAnalysis; number: number; threshold: number; beforeTitle: string; afterTitle: string }) {
  const headingId = `sv-item-${item.itemId}`;
  const cell = (c: CellValue) => cellWords(c, threshold);
  const columns: Column<GroupAnalysis>[] = [
    { id: 'group', header: 'Group', rowHeader: true, cell: (g) => groupLabels[g.group] },
    { id: 'pairs', header: 'Answered both', className: 'sv-num', cell: (g) => cell(g.pairs) },
    { id: 'median', header: 'Median before → after', className: 'sv-num', cell: (g) => (g.result ? `${medianWords(g.result.medianBefore)} → ${medianWords(g.result.medianAfter)}` : '–') },
    { id: 'improved', header: 'Higher', className: 'sv-num', cell: (g) => (g.result ? cell(g.result.improved) : '–') },
    { id: 'same', header: 'Same', className: 'sv-num', cell: (g) => (g.result ? cell(g.result.same) : '–') },
    { id: 'worse', header: 'Lower', className: 'sv-num', cell: (g) => (g.result ? cell(g.result.worse) : '–') },
    {
      id: 'test',
      header: 'Signed-rank test',
      cell: (g) =>
        g.result ? (
          <>
            {pWords(g.result.pvalue)}
            <span className="cell-note-wrap sv-block">{g.result.statistic === null ? g.result.methodWords : `W = ${g.result.statistic}, ${methodShort[g.result.method]}`}</span>
          </>
        ) : (
          <span className="muted">no statistic for a group this small</span>
        ),
    },
    {
      id: 'effect',
      header: 'Effect size (r)',
      cell: (g) =>
        g.result ? (
          <>
            {g.result.effectSize === null ? '–' : g.result.effectSize.toFixed(2)}
            <span className="cell-note-wrap sv-block">{g.result.effectWords}</span>
          </>
        ) : (
          '–'
        ),
    },
  ];
  const chartGroup = item.groups.find((g) => g.result !== null);
  const pairs = chartGroup && 'count' in chartGroup.pairs ? chartGroup.pairs.count : 0;
  return (
    <section className="section-card sv-item-result" aria-labelledby={headingId}>
      <h3 id={headingId} className="sv-item-heading">
        {number}. {item.text}
      </h3>
      {item.reverseScored ? <p className="cell-note-wrap">Reverse-scored: agreeing is the less favourable answer, so scores are flipped before the test and the medians; “higher” means more favourable.</p> : null}
      {item.wordingChanged ? (
        <p className="callout callout-warning">
          The wording changed between versions. Before: {item.wordingChanged.before.map((t) => `“${t}”`).join(' or ')}. After: {item.wordingChanged.after.map((t) => `“${t}”`).join(' or ')}.
        </p>
      ) : null}
      <Table caption={`Results for item ${number}, by group`} columns={columns} rows={item.groups} rowKey={(g) => g.group} className="sv-results" />
      {hasComplement(cellsOf(item.groups)) ? <p className="cell-note-wrap">{complementNote(threshold)}</p> : null}
      {chartGroup?.result ? (
        <DivergingBars
          caption={`Item ${number}: answers before and after (${groupLabels[chartGroup.group].toLowerCase()}, ${pairs} people)`}
          labels={item.labels}
          threshold={threshold}
          rows={[
            { label: 'Before', cells: chartGroup.result.before, total: pairs },
            { label: 'After', cells: chartGroup.result.after, total: pairs },
          ]}
        />
      ) : (
        <p className="section-empty">
          {item.groups.every((g) => 'count' in g.pairs && g.pairs.count === 0)
            ? `Nobody counted answered this item in both ${beforeTitle} and ${afterTitle}.`
            : `Fewer than ${threshold} people answered this item in both ${beforeTitle} and ${afterTitle} (or showing them would reveal a smaller group), so there is no chart or statistic.`}
        </p>
      )}
    </section>
  );
}
