import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '../api';
import { errorText } from './errors';

/**
 * Parse options for zodResolver: an empty number box (NaN) says "Enter a number" instead of zod's
 * type message; every other message is the shared schema's own.
 */
export const numberMessages: { error: z.core.$ZodErrorMap } = {
  error: (issue) => (issue.code === 'invalid_type' && issue.expected === 'number' ? 'Enter a number' : undefined),
};

/**
 * Puts the main process's per-field issues next to the form fields they concern (the main process
 * re-validates everything). `fields` maps an issue path such as "changes.endDate" to a form field,
 * or lists the fields whose names equal their paths. Returns the message to show above the form
 * when no issue matched a field.
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[] | Record<string, string>): string | undefined {
  if (!(error instanceof ApiError)) return errorText(error);
  const map: Record<string, string> = Array.isArray(fields) ? Object.fromEntries(fields.map((f) => [f, f])) : (fields as Record<string, string>);
  let placed = false;
  for (const issue of error.issues) {
    const field = map[issue.path.join('.')];
    if (field) {
      setError(field as Path<T>, { type: 'server', message: issue.message });
      placed = true;
    }
  }
  return placed ? undefined : error.message;
}
