import type { CellValue, GroupAnalysis } from '../surveys/contract';
import { count } from '../words';

/**
 * The sponsor report's words, shared by the PDF and the screen so both say the same thing: a
 * hidden cell is "fewer than N", a share carries its denominator.
 */
export const cellWords = (cell: CellValue, threshold: number): string => ('count' in cell ? count(cell.count) : cell.hidden === 'small' ? `fewer than ${threshold}` : 'not shown*');

/** "12 of 16 (75%)". */
export function ofWords(part: number, whole: number): string {
  return whole > 0 ? `${count(part)} of ${count(whole)} (${Math.round((part / whole) * 100)}%)` : `${count(part)} of ${count(whole)}`;
}

export const recruitmentRows = [
  ['interested', 'Expressed interest'],
  ['consented', 'Consented to take part'],
  ['paired', 'Paired'],
  ['retained', 'Paired and still taking part or completed'],
  ['withdrawn', 'Paired and later withdrew'],
] as const;

export const roleWords = { mentor: 'Students (mentors)', mentee: 'Staff (mentees)' } as const;
export const groupWords = { everyone: 'Students and staff', mentors: 'Students (mentors)', mentees: 'Staff (mentees)' } as const;

/** The diverging bar of one group: worse to the left, no change across the middle, improved to the right; null when a part is hidden. */
export function divergingParts(result: NonNullable<GroupAnalysis['result']>): { worse: number; same: number; improved: number; total: number } | null {
  const { worse, same, improved } = result;
  if (!('count' in worse) || !('count' in same) || !('count' in improved)) return null;
  const total = worse.count + same.count + improved.count;
  return total > 0 ? { worse: worse.count, same: same.count, improved: improved.count, total } : null;
}

/** "p = 0.031" / "p < 0.001"; a plain-words reading beside it. */
export function pWords(pvalue: number | null): string {
  if (pvalue === null) return 'no test (nobody’s answer changed)';
  return pvalue < 0.001 ? 'p < 0.001' : `p = ${pvalue.toFixed(3)}`;
}

export const medianWords = (before: number | null, after: number | null) => (before === null || after === null ? '' : `median ${before} before, ${after} after`);
