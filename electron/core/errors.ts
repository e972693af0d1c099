import type { ErrorCode, FieldIssue } from '../../shared/contract/envelope';

/** An error the user can act on. Anything else that escapes a handler is reported as INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, id: number | string) => new AppError('NOT_FOUND', `${what} ${id} does not exist.`);

/** Maps SQLite/SQLCipher failures to errors a coordinator can understand. */
export function fromDatabaseError(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (code === 'SQLITE_FULL') return new AppError('DISK_FULL', 'The disk is full, so nothing was saved. Free some space and try again.');
  // Another connection (a second window, the command line, a SQLCipher shell) holds the write lock.
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_BUSY_') || code.startsWith('SQLITE_LOCKED_')) {
    return new AppError(
      'VAULT_BUSY',
      'The vault is in use by another Reciprocal window or program (for example the command line or a SQLCipher shell), so nothing was changed. Close the other one and try again.',
    );
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT_')) {
    return new AppError(
      'VAULT_CORRUPT',
      'Part of the vault database is damaged and cannot be read. Nothing was changed; restore from your latest backup.',
    );
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') {
    return new AppError('IO_ERROR', `The vault could not be read or written (${code}). Check the disk and folder permissions.`);
  }
  return undefined;
}
