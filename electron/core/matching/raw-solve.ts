/** The `solve` CLI command: an assignment problem as JSON text in, the optimal assignment out. */
import { z } from 'zod';
import { solveAssignment } from './assignment';
import type { AssignmentResult } from './assignment';

const problemSchema = z.strictObject({
  costs: z.array(z.array(z.number())),
  forbidden: z.array(z.tuple([z.int(), z.int()])).optional(),
  maximize: z.boolean().optional(),
});

const MAX_REPORTED_ISSUES = 3;

/**
 * Parses `{"costs": number[][], "forbidden"?: [row, col][], "maximize"?: boolean}` and solves it.
 * Throws an Error whose message says what is wrong and where (rows and columns counted from 0).
 */
export function solveRawJson(text: string): AssignmentResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`The input is not valid JSON (${(error as Error).message}). Expected {"costs": [[...], ...], "forbidden"?: [[row, col], ...], "maximize"?: true|false}.`, {
      cause: error,
    });
  }
  const parsed = problemSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => `${where(issue.path)}: ${issue.message}`);
    const more = parsed.error.issues.length - issues.length;
    throw new Error(`Invalid problem: ${issues.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}.`);
  }
  // Shape and index range are checked by the solver, whose errors already name the row or pair.
  try {
    return solveAssignment(parsed.data);
  } catch (error) {
    throw new Error(`Invalid problem: ${(error as Error).message}`, { cause: error });
  }
}

function where(path: readonly PropertyKey[]): string {
  const [field, first, second] = path;
  if (field === undefined) return 'the problem';
  if (field === 'costs' && first !== undefined) return `costs row ${String(first)}${second === undefined ? '' : `, column ${String(second)}`}`;
  if (field === 'forbidden' && first !== undefined) return `forbidden pair ${String(first)}${second === undefined ? '' : ` (${second === 0 ? 'row' : 'column'})`}`;
  return path.map(String).join('.');
}
