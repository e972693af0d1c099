import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import type { VaultSession } from '../session';
import { EXAMPLES_PER_COLUMN, type ColumnExamples, type StagedFile } from '../../../shared/imports/contract';
import { readTable } from './read';
import type { SourceTable } from './table';

/**
 * Chosen files, read once and kept in this process's memory only, so that each preview (a new
 * mapping) and the import work on the same rows without the window sending the file again.
 * The rows are plaintext personal data: they are never written anywhere, they belong to one
 * unlocked session of the vault and are let go when it locks, and only the last few are kept.
 */
export interface StagedTable extends SourceTable {
  name: string;
  /** The first non-empty values of each column, for the mapping screen. */
  columns: ColumnExamples[];
}

/** Choosing another file beyond this lets the oldest go: a coordinator works on one file at a time. */
export const MAX_STAGED_FILES = 3;
/** An example longer than this is cut short: it only has to show what the column holds. */
const EXAMPLE_LENGTH = 80;

class StagedFiles {
  /** In the order they were staged (a Map keeps insertion order), so the first is the oldest. */
  private readonly files = new Map<string, StagedTable>();
  /** Counts locks, so a file still being read when the vault locks is not kept after it. */
  private generation = 0;

  constructor(private readonly session: VaultSession) {
    session.onLock(() => {
      this.files.clear();
      this.generation += 1;
    });
  }

  async stage(name: string, bytes: Buffer): Promise<StagedFile> {
    this.session.requireUnlocked();
    const generation = this.generation;
    const table = await readTable(bytes);
    // Locked while the file was read: keep nothing.
    if (generation !== this.generation) throw new AppError('VAULT_LOCKED', 'The vault locked while the file was read. Unlock it and choose the file again.');
    while (this.files.size >= MAX_STAGED_FILES) this.files.delete(this.files.keys().next().value!);
    const stagedId = randomUUID();
    this.files.set(stagedId, { ...table, name, columns: examplesOf(table) });
    return { stagedId, name, format: table.format, encoding: table.encoding, delimiter: delimiterWord(table.delimiter), sheet: table.sheet, headers: table.headers, rowCount: table.rows.length };
  }

  get(stagedId: string): StagedTable {
    this.session.requireUnlocked();
    const staged = this.files.get(stagedId);
    if (!staged) {
      throw new AppError(
        'NOT_FOUND',
        'This file is no longer open in Reciprocal: chosen files are let go when the vault locks, and only the last few are kept. Choose the file again. Nothing was imported.',
      );
    }
    return staged;
  }

  discard(stagedId: string): void {
    this.files.delete(stagedId);
  }
}

const bySession = new WeakMap<VaultSession, StagedFiles>();

/** The staged files of a session (made on first use, with its lock listener). */
export function stagedFiles(session: VaultSession): StagedFiles {
  let files = bySession.get(session);
  if (!files) {
    files = new StagedFiles(session);
    bySession.set(session, files);
  }
  return files;
}

/** ',' ';' or 'tab', as previews say it. */
export const delimiterWord = (delimiter: SourceTable['delimiter']) => (delimiter === '\t' ? 'tab' : delimiter);

function examplesOf(table: SourceTable): ColumnExamples[] {
  return table.headers.map((header, column) => {
    const examples: string[] = [];
    for (const row of table.rows) {
      const value = (row[column] ?? '').trim();
      if (value) examples.push(value.length > EXAMPLE_LENGTH ? `${value.slice(0, EXAMPLE_LENGTH - 1)}…` : value);
      if (examples.length === EXAMPLES_PER_COLUMN) break;
    }
    return { header, examples };
  });
}
