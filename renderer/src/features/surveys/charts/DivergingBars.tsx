import { useId } from 'react';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { AxisBottom } from '@visx/axis';
import type { CellValue } from '../../../../../shared/surveys/contract';
import { Table } from '../../../ui/Table';
import { axisLook, ChartFrame, LegendSwatch } from './ChartFrame';
import { HIDDEN_COLOUR, likertColours, textOn } from './palette';
import { cellWords } from '../words';

export interface DistributionRow {
  label: string;
  cells: CellValue[];
  total: number;
}

interface Segment {
  key: string;
  x0: number;
  x1: number;
  colour: string;
  percent: number;
  hidden: boolean;
}

const WIDTH = 680;
const LABEL_WIDTH = 70;
const ROW_HEIGHT = 30;
const GAP = 10;
const AXIS_HEIGHT = 28;

/**
 * A row's segments in percent: disagreeing points to the left of the centre line (the strongest
 * furthest out), the middle point split across it, agreeing points to the right; counts hidden as
 * too small are drawn together, hatched, after the agreeing side, since only their sum can be known.
 */
function segmentsOf(row: DistributionRow, colours: string[]): Segment[] {
  const points = row.cells.length;
  const middle = points % 2 === 1 ? (points - 1) / 2 : -1;
  const percent = (i: number) => {
    const cell = row.cells[i]!;
    return 'count' in cell && row.total > 0 ? (cell.count / row.total) * 100 : 0;
  };
  const segments: Segment[] = [];
  let left = middle >= 0 ? -percent(middle) / 2 : 0;
  if (middle >= 0) segments.push({ key: `p${middle}`, x0: left, x1: -left, colour: colours[middle]!, percent: percent(middle), hidden: false });
  for (let i = (middle >= 0 ? middle : points / 2) - 1; i >= 0; i--) {
    segments.push({ key: `p${i}`, x0: left - percent(i), x1: left, colour: colours[i]!, percent: percent(i), hidden: false });
    left -= percent(i);
  }
  let right = middle >= 0 ? percent(middle) / 2 : 0;
  for (let i = middle >= 0 ? middle + 1 : points / 2; i < points; i++) {
    segments.push({ key: `p${i}`, x0: right, x1: right + percent(i), colour: colours[i]!, percent: percent(i), hidden: false });
    right += percent(i);
  }
  const hiddenPercent = row.total > 0 ? (row.cells.reduce((sum, c) => sum - ('count' in c ? c.count : 0), row.total) / row.total) * 100 : 0;
  if (hiddenPercent > 0) segments.push({ key: 'hidden', x0: right, x1: right + hiddenPercent, colour: HIDDEN_COLOUR, percent: hiddenPercent, hidden: true });
  return segments.filter((s) => s.x1 > s.x0);
}

/** "Before: 3 (14%) Strongly disagree, fewer than 5 Disagree, …". */
function rowSentence(row: DistributionRow, labels: readonly string[], threshold: number): string {
  const parts = row.cells.map((cell, i) => `${cellWords(cell, threshold)}${'count' in cell && row.total > 0 ? ` (${Math.round((cell.count / row.total) * 100)}%)` : ''} ${labels[i]}`);
  return `${row.label}, ${row.total} people: ${parts.join(', ')}.`;
}

/** A diverging stacked bar per row (before, after): how answers spread over the scale. */
export function DivergingBars({ caption, labels, rows, threshold }: { caption: string; labels: readonly string[]; rows: DistributionRow[]; threshold: number }) {
  const uid = useId();
  const pattern = `${uid}-hatch`.replace(/:/g, '');
  const colours = likertColours(labels.length);
  const all = rows.map((row) => segmentsOf(row, colours));
  const extent = Math.max(50, ...all.flat().map((s) => Math.max(-s.x0, s.x1)));
  const domain = Math.min(100, Math.ceil(extent / 25) * 25);
  const x = scaleLinear<number>({ domain: [-domain, domain], range: [LABEL_WIDTH, WIDTH - 16] });
  const height = rows.length * (ROW_HEIGHT + GAP) + AXIS_HEIGHT;
  const anyHidden = all.flat().some((s) => s.hidden);
  const summary = `${rows.map((row) => rowSentence(row, labels, threshold)).join(' ')} Disagreeing answers are drawn left of the centre line, agreeing ones right of it.`;
  return (
    <ChartFrame
      caption={caption}
      summary={summary}
      width={WIDTH}
      height={height}
      legend={
        <ul className="sv-legend" aria-label="Key">
          {labels.map((label, i) => (
            <li key={label}>
              <LegendSwatch>
                <rect width="14" height="14" fill={colours[i]} stroke="#6b7280" strokeWidth="1" />
              </LegendSwatch>
              {i + 1} {label}
            </li>
          ))}
          {anyHidden ? (
            <li>
              <LegendSwatch>
                <rect width="14" height="14" fill={HIDDEN_COLOUR} />
                <path d="M0,14 L14,0" stroke="#ffffff" strokeWidth="2" />
              </LegendSwatch>
              Not shown: groups of fewer than {threshold} (together)
            </li>
          ) : null}
        </ul>
      }
      table={
        <Table
          caption={`${caption}: how many chose each point`}
          columns={[
            { id: 'row', header: 'Wave', rowHeader: true, cell: (r: DistributionRow) => `${r.label} (${r.total} people)` },
            ...labels.map((label, i) => ({
              id: `p${i}`,
              header: `${i + 1} ${label}`,
              className: 'sv-num',
              cell: (r: DistributionRow) => {
                const cell = r.cells[i]!;
                return 'count' in cell && r.total > 0 ? `${cell.count} (${Math.round((cell.count / r.total) * 100)}%)` : cellWords(cell, threshold);
              },
            })),
          ]}
          rows={rows}
          rowKey={(r) => r.label}
        />
      }
    >
      <defs>
        <pattern id={pattern} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill={HIDDEN_COLOUR} />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2" />
        </pattern>
      </defs>
      {rows.map((row, r) => (
        <Group key={row.label} top={r * (ROW_HEIGHT + GAP)}>
          <text x={LABEL_WIDTH - 8} y={ROW_HEIGHT / 2} dy="0.35em" textAnchor="end" className="sv-svg-label">
            {row.label}
          </text>
          {all[r]!.map((s) => (
            <g key={s.key}>
              <rect x={x(s.x0)} y={0} width={Math.max(0, x(s.x1) - x(s.x0))} height={ROW_HEIGHT} fill={s.hidden ? `url(#${pattern})` : s.colour} stroke="#ffffff" strokeWidth="1" />
              {s.percent >= 7 && !s.hidden ? (
                <text x={(x(s.x0) + x(s.x1)) / 2} y={ROW_HEIGHT / 2} dy="0.35em" textAnchor="middle" fill={textOn(s.colour)} className="sv-svg-value">
                  {Math.round(s.percent)}%
                </text>
              ) : null}
            </g>
          ))}
        </Group>
      ))}
      <line x1={x(0)} x2={x(0)} y1={-2} y2={rows.length * (ROW_HEIGHT + GAP) - GAP + 2} stroke="#1d2126" strokeWidth="1.5" />
      <AxisBottom
        top={rows.length * (ROW_HEIGHT + GAP) - GAP + 4}
        scale={x}
        tickValues={[-domain, -domain / 2, 0, domain / 2, domain]}
        tickFormat={(v) => `${Math.abs(Number(v))}%`}
        {...axisLook}
      />
    </ChartFrame>
  );
}
