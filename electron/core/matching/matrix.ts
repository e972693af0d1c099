/** Input checks shared by the solvers: errors name the offending row, column or pair (all counted from 0). */
import { plural } from '../../../shared/words';

/**
 * Largest accepted |value|. Keeps potentials and path lengths far from overflow; integer inputs are
 * solved exactly as long as sums of a few thousand of them stay below 2^53.
 */
export const MAX_ABS_VALUE = 1e12;

export interface DenseMatrix {
  readonly values: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

/** Copies a rectangular `number[][]` into a row-major Float64Array, rejecting ragged rows and bad numbers. */
export function toDenseMatrix(name: string, matrix: unknown, expected?: { rows: number; cols: number }): DenseMatrix {
  if (!Array.isArray(matrix)) throw new TypeError(`${name} must be an array of rows.`);
  const rows = matrix.length;
  if (expected && rows !== expected.rows) throw new RangeError(`${name} has ${plural(rows, 'row')}, expected ${expected.rows}.`);
  const first: unknown = matrix[0];
  const cols = expected?.cols ?? (Array.isArray(first) ? first.length : 0);
  const values = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const row: unknown = matrix[i];
    if (!Array.isArray(row)) throw new TypeError(`${name} row ${i} must be an array of numbers.`);
    if (row.length !== cols) throw new RangeError(`${name} row ${i} has ${plural(row.length, 'value')}, expected ${cols}.`);
    for (let j = 0; j < cols; j++) {
      const value: unknown = row[j];
      // The label is built only on failure: this loop runs millions of times on large inputs.
      values[i * cols + j] = isPlainNumber(value) ? value : checkedNumber(`${name} row ${i}, column ${j}`, value);
    }
  }
  return { values, rows, cols };
}

const isPlainNumber = (value: unknown): value is number => typeof value === 'number' && Math.abs(value) <= MAX_ABS_VALUE;

export function checkedNumber(label: string, value: unknown): number {
  if (typeof value !== 'number') throw new TypeError(`${label} must be a number, got ${describe(value)}.`);
  if (!Number.isFinite(value)) throw new RangeError(`${label} must be a finite number, got ${value}.`);
  if (Math.abs(value) > MAX_ABS_VALUE) throw new RangeError(`${label} is ${value}; values must lie between -1e12 and 1e12.`);
  return value;
}

/** A row-major mask (1 = allowed) with every listed [row, col] pair cleared. */
export function allowedMask(rows: number, cols: number, forbidden: unknown = []): Uint8Array {
  const allowed = new Uint8Array(rows * cols).fill(1);
  if (!Array.isArray(forbidden)) throw new TypeError('forbidden must be an array of [row, column] pairs.');
  forbidden.forEach((pair: unknown, k) => {
    const [row, col] = checkedPair(`forbidden pair ${k}`, pair, rows, cols);
    allowed[row * cols + col] = 0;
  });
  return allowed;
}

/** A [row, col] pair of integer indices inside a rows × cols matrix. */
export function checkedPair(label: string, pair: unknown, rows: number, cols: number): [number, number] {
  if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((x) => Number.isInteger(x))) {
    throw new TypeError(`${label} must be a pair of integer indices [row, column], got ${describe(pair)}.`);
  }
  const [row, col] = pair as [number, number];
  if (row < 0 || row >= rows || col < 0 || col >= cols) {
    throw new RangeError(`${label} = [${row}, ${col}] is outside the ${rows} × ${cols} matrix (indices start at 0).`);
  }
  return [row, col];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return JSON.stringify(value).slice(0, 40);
  return typeof value === 'string' ? JSON.stringify(value).slice(0, 40) : typeof value;
}

