/**
 * Making deleted bytes actually gone, after the erasure's transaction has committed. Each step is
 * one of the known traps (ARCHITECTURE.md, "Erasure means the bytes are gone"):
 * - `secure_delete`: SQLite otherwise leaves deleted cells in free space inside pages and on free
 *   pages; turned on before the erasure deletes anything, and left on for the connection;
 * - the search index: FTS5 keeps deleted words in its shadow table logs_fts_data until its
 *   segments merge, even across VACUUM: merged into one segment (optimize), inside the transaction;
 * - VACUUM: rebuilds the file from the live rows, so text freed before secure_delete was on (a
 *   draft saved over, a row deleted last month) is gone too, and no free page is left;
 * - the WAL: it keeps old page images until a checkpoint copies the new ones over: checkpointed
 *   with TRUNCATE, which also empties the file.
 */
import { statSync } from 'node:fs';
import { many, type WriteDb } from '../db/query';
import { purgeSearchIndex } from '../logs';

export interface Cleanup {
  secureDelete: boolean;
  searchIndexRebuilt: boolean;
  vacuumed: boolean;
  walTruncated: boolean;
  tookMs: number;
}

/**
 * The vault's databases on this connection: the main one and, in a coordinator's session, the
 * interview database attached as `interviews` (its own file, its own WAL). Each gets every step.
 */
function schemas(db: WriteDb): { name: string; file: string }[] {
  return many<{ name: string; file: string }>(db, 'SELECT name, file FROM pragma_database_list').filter((s) => s.name !== 'temp' && s.file !== '');
}

/** Before anything is deleted: zeroes freed space from here on, in every database. */
export function secureDeleteOn(db: WriteDb): boolean {
  return schemas(db).every(({ name }) => {
    db.pragma(`"${name}".secure_delete=ON`);
    return db.pragma(`"${name}".secure_delete`, { simple: true }) === 1;
  });
}

/** Inside the erasure's transaction, after the rows are gone. */
export function rebuildSearchIndex(db: WriteDb): void {
  purgeSearchIndex(db);
}

/** After the transaction: every freed byte rewritten and the WALs emptied. */
export function purgeFreedBytes(db: WriteDb, startedAt: number): Omit<Cleanup, 'searchIndexRebuilt'> {
  const secureDelete = schemas(db).every(({ name }) => db.pragma(`"${name}".secure_delete`, { simple: true }) === 1);
  for (const { name } of schemas(db)) db.exec(`VACUUM "${name}"`);
  const walTruncated = truncateWal(db);
  return { secureDelete, vacuumed: true, walTruncated, tookMs: Math.round(performance.now() - startedAt) };
}

/** Copies each WAL into its database and empties it; true when nothing is left in any. */
export function truncateWal(db: WriteDb): boolean {
  return schemas(db).every(({ name, file }) => {
    const [result] = db.pragma(`"${name}".wal_checkpoint(TRUNCATE)`) as { busy: number; log: number; checkpointed: number }[];
    if (!result || result.busy !== 0) return false;
    try {
      return statSync(`${file}-wal`).size === 0;
    } catch {
      return true; // no WAL file at all
    }
  });
}
