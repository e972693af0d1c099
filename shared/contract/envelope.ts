import { z } from 'zod';

/**
 * Stable error codes. The renderer and CLI switch on these; never rename one, only add.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'VAULT_ABSENT',
  'VAULT_EXISTS',
  'VAULT_LOCKED',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'WEAK_PASSPHRASE',
  'NOT_A_VAULT',
  'VAULT_TOO_NEW',
  'VAULT_CORRUPT',
  'KEYFILE_MISSING',
  'KEYFILE_INVALID',
  'DATABASE_MISSING',
  'VAULT_INCOMPLETE',
  'VAULT_READ_ONLY',
  'NATIVE_MODULE_MISSING',
  'VAULT_BUSY',
  'DISK_FULL',
  'IO_ERROR',
  'CANCELLED',
  'INTERNAL',
  'FORBIDDEN',
  'STEP_UP_REQUIRED',
  /** A soft rule (see shared/contract/confirm.ts): the issues list the warnings to acknowledge in `confirmed`. */
  'CONFIRMATION_NEEDED',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const issueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof issueSchema>;

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  issues: z.array(issueSchema).optional(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Envelope<never> => ({
  ok: false,
  error: issues && issues.length > 0 ? { code, message, issues } : { code, message },
});

/** Turns zod issues into the envelope's field issues (path + message a coordinator can read). */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: issue.message,
  }));
}

/** One line naming each invalid field, for the CLI and for a toast. */
export function describeIssues(issues: FieldIssue[]): string {
  return issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}
