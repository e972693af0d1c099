import { ApiError } from '../api';

/** The coordinator closed the folder dialog of an export: a choice, not a failure. */
export const isCancelled = (error: unknown) => error instanceof ApiError && error.code === 'CANCELLED';

/** "/Users/x/Desktop" + "file.ics" with the folder's own separator: where an export was written. */
export function filePath(folder: string, file: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${file}` : `${folder}${separator}${file}`;
}
