import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { AxisTop } from '@visx/axis';
import type { ItemAnalysis } from '../../../../../shared/surveys/contract';
import { groupLabels } from '../../../../../shared/surveys/contract';
import { Table } from '../../../ui/Table';
import { axisLook, ChartFrame, LegendSwatch } from './ChartFrame';
import { medianWords } from '../words';

interface SlopeRow {
  key: string;
  number: number;
  item: string;
  group: string;
  before: number | null;
  after: number | null;
  shown: boolean;
  /** Nobody in the group answered in both waves. */
  none: boolean;
}

type Line = { kind: 'item'; number: number; text: string } | { kind: 'group'; row: SlopeRow };

const WIDTH = 720;
const LABEL_WIDTH = 230;
const ROW_HEIGHT = 24;
const TOP = 30;

const short = (text: string, max = 100) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The medians before and after, per item and group (everyone, mentors, mentees): a hollow dot
 * before, a filled dot after, an arrow between. Scores are on the favourable direction (reverse-
 * scored items flipped), so an arrow to the right is an improvement. Hidden groups say so in words.
 */
export function MedianSlopes({ items, threshold, points }: { items: ItemAnalysis[]; threshold: number; points: number }) {
  const rows: SlopeRow[] = items.flatMap((item, i) =>
    item.groups.map((g) => ({
      key: `${item.itemId}-${g.group}`,
      number: i + 1,
      item: item.text,
      group: groupLabels[g.group],
      before: g.result?.medianBefore ?? null,
      after: g.result?.medianAfter ?? null,
      shown: g.result !== null,
      none: 'count' in g.pairs && g.pairs.count === 0,
    })),
  );
  // Each item has a line of its own for its text, then one line per group.
  const lines: Line[] = rows.flatMap((row, i): Line[] =>
    i === 0 || rows[i - 1]!.number !== row.number ? [{ kind: 'item', number: row.number, text: row.item }, { kind: 'group', row }] : [{ kind: 'group', row }],
  );
  const x = scaleLinear<number>({ domain: [1, points], range: [LABEL_WIDTH + 20, WIDTH - 20] });
  const height = TOP + lines.length * ROW_HEIGHT + 6;
  const caption = 'Median answer before and after, by item and group (higher is more favourable)';
  const notShown = (r: SlopeRow) => (r.none ? 'nobody answered in both waves' : `not shown: fewer than ${threshold}, or would reveal a smaller group`);
  const summary = rows
    .map((r) =>
      r.shown
        ? `Item ${r.number}, ${r.group}: median ${medianWords(r.before)} before, ${medianWords(r.after)} after${r.before !== null && r.after !== null ? (r.after > r.before ? ', higher' : r.after < r.before ? ', lower' : ', the same') : ''}.`
        : `Item ${r.number}, ${r.group}: ${notShown(r)}.`,
    )
    .join(' ');
  return (
    <ChartFrame
      caption={caption}
      summary={summary}
      width={WIDTH}
      height={height}
      legend={
        <ul className="sv-legend" aria-label="Key">
          <li>
            <LegendSwatch>
              <circle cx="7" cy="7" r="5" fill="#ffffff" stroke="#084c47" strokeWidth="2" />
            </LegendSwatch>
            Before (hollow)
          </li>
          <li>
            <LegendSwatch>
              <circle cx="7" cy="7" r="5.5" fill="#084c47" />
            </LegendSwatch>
            After (filled)
          </li>
          <li>Reverse-scored items are flipped, so further right is always better.</li>
        </ul>
      }
      table={
        <Table
          caption={caption}
          columns={[
            { id: 'item', header: 'Item', rowHeader: true, cell: (r: SlopeRow) => `${r.number}. ${r.item}` },
            { id: 'group', header: 'Group', cell: (r: SlopeRow) => r.group },
            { id: 'before', header: 'Median before', className: 'sv-num', cell: (r: SlopeRow) => (r.shown ? medianWords(r.before) : notShown(r)) },
            { id: 'after', header: 'Median after', className: 'sv-num', cell: (r: SlopeRow) => (r.shown ? medianWords(r.after) : '–') },
          ]}
          rows={rows}
          rowKey={(r) => r.key}
        />
      }
    >
      <defs>
        <marker id="sv-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#084c47" />
        </marker>
      </defs>
      <AxisTop
        top={TOP - 6}
        scale={x}
        tickValues={Array.from({ length: points }, (_, i) => i + 1)}
        tickFormat={(v) => String(v)}
        {...axisLook}
      />
      {lines.map((line, i) => {
        const y = TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2;
        if (line.kind === 'item') {
          return (
            <Group key={`item-${line.number}`}>
              {i > 0 ? <line x1={0} x2={WIDTH} y1={y - ROW_HEIGHT / 2} y2={y - ROW_HEIGHT / 2} stroke="#d4d6d9" /> : null}
              <text x={0} y={y} dy="0.35em" className="sv-svg-label">
                {`${line.number}. ${short(line.text)}`}
              </text>
            </Group>
          );
        }
        const { row } = line;
        return (
          <Group key={row.key}>
            <text x={16} y={y} dy="0.35em" className="sv-svg-sublabel">
              {row.group}
            </text>
            {[...Array(points).keys()].map((p) => (
              <line key={p} x1={x(p + 1)} x2={x(p + 1)} y1={y - 8} y2={y + 8} stroke="#eceef0" />
            ))}
            {row.shown && row.before !== null && row.after !== null ? (
              <>
                {row.before !== row.after ? (
                  <line x1={x(row.before)} x2={x(row.after) + (row.after > row.before ? -8 : 8)} y1={y} y2={y} stroke="#084c47" strokeWidth="2" markerEnd="url(#sv-arrow)" />
                ) : null}
                <circle cx={x(row.before)} cy={y} r={6} fill="#ffffff" stroke="#084c47" strokeWidth="2" />
                <circle cx={x(row.after)} cy={y} r={5} fill="#084c47" />
              </>
            ) : (
              <text x={x(1)} y={y} dy="0.35em" className="sv-svg-sublabel">
                {notShown(row)}
              </text>
            )}
          </Group>
        );
      })}
    </ChartFrame>
  );
}
