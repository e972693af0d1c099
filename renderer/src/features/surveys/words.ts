import type { CellValue, GroupAnalysis, WaveState } from '../../../../shared/surveys/contract';
import { count } from '../../../../shared/words';
import { formatDay } from '../../../../shared/dates';

/** A count as shown: the number, or why it is not shown. */
export function cellWords(cell: CellValue, threshold: number): string {
  if ('count' in cell) return count(cell.count);
  return cell.hidden === 'small' ? `fewer than ${threshold}` : 'not shown*';
}

/** The footnote every table with a hidden cell carries. */
export const complementNote = (threshold: number) =>
  `* Not shown so that a group of fewer than ${threshold} cannot be worked out from the total. Groups smaller than ${threshold} show no statistic or percentage.`;

export const hasComplement = (cells: CellValue[]) => cells.some((c) => 'hidden' in c && c.hidden === 'complement');

/** "p = 0.041", "p < 0.001". */
export function pWords(p: number | null): string {
  if (p === null) return 'no test';
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p.toFixed(3)}`;
}

export const methodShort: Record<NonNullable<GroupAnalysis['result']>['method'], string> = { exact: 'exact', 'normal-approximation': 'normal approximation', none: 'no test' };

/** A median on the scale: "3", "3.5". */
export const medianWords = (m: number | null) => (m === null ? '–' : Number.isInteger(m) ? String(m) : m.toFixed(1));

export const waveStateLabels: Record<WaveState, string> = { upcoming: 'Not open yet', open: 'Open', closed: 'Closed' };

/** A date as the screens show it: "Mon 2 Nov 2026". */
export const dayWords = (iso: string) => formatDay(iso);
