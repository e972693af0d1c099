/**
 * Optimal linear assignment (pairing rows with columns, each used at most once). Exact: the same optimum
 * as brute force for integer inputs, and up to floating-point rounding for fractional ones.
 */
import { assignRows } from './augmenting-paths';
import { splitByCoverage } from './max-cardinality';
import { MAX_ABS_VALUE, allowedMask, checkedNumber, toDenseMatrix } from './matrix';

/**
 * - `most-paired`: use as many allowed cells as possible (maximum cardinality); among all matchings of
 *   that size, maximise the total score. Scores may be negative: a pair is made even when it costs.
 * - `best-fit`: maximise the total score over all matchings of any size; rows may stay unassigned.
 *   A cell with score ≤ 0 is never used (it cannot raise the total), so every pair made scores > 0.
 *   Among several optimal matchings the choice is deterministic but may have fewer pairs than possible.
 */
export type PairingMode = 'most-paired' | 'best-fit';

export interface ScoreMatrix {
  /** rows × cols, row-major; higher = better. */
  readonly scores: Float64Array;
  readonly rows: number;
  readonly cols: number;
  /** Row-major, 1 = the cell may be used, 0 = never. Omitted: every cell is allowed. */
  readonly allowed?: Uint8Array;
}

export interface ScoreAssignment {
  /** The column given to each row, or -1. */
  readonly colForRow: Int32Array;
  readonly pairs: number;
  /** Sum of the scores of the used cells, in row order. */
  readonly total: number;
}

export interface AssignmentProblem {
  /** rows × cols; every row must have the same length. */
  readonly costs: readonly (readonly number[])[];
  /** [row, column] cells that must never be used. */
  readonly forbidden?: readonly (readonly [number, number])[];
  /** Maximise the total instead of minimising it. */
  readonly maximize?: boolean;
}

export interface AssignmentResult {
  /** The column assigned to each row, or null. */
  readonly assignment: (number | null)[];
  /** Sum of the costs of the used cells. */
  readonly total: number;
}

/**
 * Assigns as many rows as the forbidden cells allow, then minimises (or with `maximize`, maximises)
 * the total cost among those assignments. Throws TypeError/RangeError on malformed input.
 */
export function solveAssignment(problem: AssignmentProblem): AssignmentResult {
  if (typeof problem !== 'object' || problem === null) throw new TypeError('The problem must be an object with a costs matrix.');
  const { values, rows, cols } = toDenseMatrix('costs', problem.costs);
  const allowed = allowedMask(rows, cols, problem.forbidden);
  if (problem.maximize !== undefined && typeof problem.maximize !== 'boolean') throw new TypeError('maximize must be true or false.');
  // Minimising cost is maximising its negation; negation is exact, so no precision is lost.
  if (!problem.maximize) for (let k = 0; k < values.length; k++) values[k] = -values[k]!;

  const { colForRow } = solveScoreAssignment({ scores: values, rows, cols, allowed }, 'most-paired');
  const assignment: (number | null)[] = [];
  let total = 0;
  colForRow.forEach((col, row) => {
    assignment.push(col === -1 ? null : col);
    if (col !== -1) total += problem.costs[row]![col]!;
  });
  return { assignment, total };
}

/** The typed-array solver behind solveAssignment, maximising scores; see PairingMode for the two modes. */
export function solveScoreAssignment(matrix: ScoreMatrix, mode: PairingMode): ScoreAssignment {
  const { scores, rows, cols } = matrix;
  checkShape(matrix);
  const allowed = matrix.allowed ?? new Uint8Array(rows * cols).fill(1);
  const colForRow = new Int32Array(rows).fill(-1);

  if (mode === 'best-fit') {
    // Each row may sit out at cost 0, so a pair is made only where it raises the total.
    const all = identity(Math.max(rows, cols));
    const costs = negatedCosts(matrix, allowed, all.subarray(0, rows), all.subarray(0, cols), false, 0);
    colForRow.set(assignRows(costs, rows, cols, 0));
  } else if (mode === 'most-paired') {
    const { flexibleRows, scarceCols, coveredRows, otherCols } = allowed.includes(0)
      ? splitByCoverage(allowed, rows, cols)
      : splitWithoutForbidden(rows, cols);
    // Every scarce column is taken by a flexible row: solve it column-wise, all columns assigned.
    const byColumn = negatedCosts(matrix, allowed, flexibleRows, scarceCols, true, -Infinity);
    assignRows(byColumn, scarceCols.length, flexibleRows.length, Infinity).forEach((k, a) => {
      colForRow[flexibleRows[k]!] = scarceCols[a]!;
    });
    const byRow = negatedCosts(matrix, allowed, coveredRows, otherCols, false, -Infinity);
    assignRows(byRow, coveredRows.length, otherCols.length, Infinity).forEach((b, a) => {
      colForRow[coveredRows[a]!] = otherCols[b]!;
    });
  } else {
    throw new RangeError(`Unknown pairing mode ${JSON.stringify(mode)}; use 'most-paired' or 'best-fit'.`);
  }

  let pairs = 0;
  let total = 0;
  colForRow.forEach((col, row) => {
    if (col === -1) return;
    pairs++;
    total += scores[row * cols + col]!;
  });
  return { colForRow, pairs, total };
}

function checkShape({ scores, rows, cols, allowed }: ScoreMatrix): void {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw new RangeError(`rows and cols must be whole numbers ≥ 0, got ${rows} × ${cols}.`);
  }
  if (scores.length !== rows * cols) throw new RangeError(`scores has ${scores.length} values, expected ${rows} × ${cols} = ${rows * cols}.`);
  if (allowed && allowed.length !== rows * cols) throw new RangeError(`allowed has ${allowed.length} cells, expected ${rows * cols}.`);
  for (let k = 0; k < scores.length; k++) {
    const score = scores[k]!;
    if (!Number.isFinite(score) || Math.abs(score) > MAX_ABS_VALUE) checkedNumber(`score at row ${Math.floor(k / cols)}, column ${k % cols}`, score);
  }
}

/** With every cell allowed, a maximum matching covers all rows or all columns, whichever is fewer. */
function splitWithoutForbidden(rows: number, cols: number) {
  const none = new Int32Array(0);
  const allRows = identity(rows);
  const allCols = identity(cols);
  return rows > cols
    ? { flexibleRows: allRows, scarceCols: allCols, coveredRows: none, otherCols: none }
    : { flexibleRows: none, scarceCols: none, coveredRows: allRows, otherCols: allCols };
}

/**
 * The minimisation input for assignRows: -score on the chosen rows × cols (transposed: one row per
 * column), +Infinity where the cell is forbidden or its score is not above `floor`.
 */
function negatedCosts(
  { scores, cols }: ScoreMatrix,
  allowed: Uint8Array,
  rowIds: Int32Array,
  colIds: Int32Array,
  transposed: boolean,
  floor: number,
): Float64Array {
  const out = new Float64Array(rowIds.length * colIds.length);
  for (let a = 0; a < rowIds.length; a++) {
    const base = rowIds[a]! * cols;
    for (let b = 0; b < colIds.length; b++) {
      const cell = base + colIds[b]!;
      const score = scores[cell]!;
      const cost = allowed[cell] === 1 && score > floor ? -score : Infinity;
      out[transposed ? b * rowIds.length + a : a * colIds.length + b] = cost;
    }
  }
  return out;
}

function identity(length: number): Int32Array {
  const ids = new Int32Array(length);
  for (let k = 0; k < length; k++) ids[k] = k;
  return ids;
}
