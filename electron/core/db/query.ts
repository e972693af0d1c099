/**
 * The typed SQL layer, in the spirit of Signal Desktop's ReadableDB/WritableDB (ts/sql/Interface.ts,
 * Server.ts): every statement goes through these few functions, which
 * - prepare each SQL text once per connection and keep it (SQLCipher statements are costly to
 *   prepare: the schema is decrypted and parsed each time);
 * - take named parameters (`@name` with `{ name }`) or positional ones (`?` with `[value]`);
 * - split the connection by what may be done with it: a query handler gets a `ReadDb`, a command a
 *   `WriteDb`, so a query cannot call a function that writes (a type error), on top of the
 *   registry's `query_only` check at run time.
 * SQL lives in repository modules (and here); handlers call repositories.
 */
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from './types';

declare const readable: unique symbol;
declare const writable: unique symbol;

/** A connection that may be read. Queries get only this. */
export type ReadDb = Db & { readonly [readable]: true };
/** A connection that may be written, inside the transaction of the command that holds it. */
export type WriteDb = ReadDb & { readonly [writable]: true };

/** For whoever owns a raw connection (the registry, the session): what it may do with it. */
export const asReadDb = (db: Db): ReadDb => db as ReadDb;
export const asWriteDb = (db: Db): WriteDb => db as WriteDb;

/** `{ name: value }` for `@name`/`:name`/`$name` placeholders, or values in order for `?`. */
export type SqlParams = Readonly<Record<string, unknown>> | readonly unknown[];

/** How rows come back: objects by column name, the first column alone, or arrays of columns. */
type RowShape = 'object' | 'pluck' | 'raw';

const statements = new WeakMap<Db, Map<string, Statement<unknown[]>>>();

/**
 * The statement for this SQL text on this connection, prepared on first use. Each row shape has its
 * own statement, because pluck/raw are modes of the statement. A closed connection is dropped with
 * its statements (the map is weak), and a new connection after unlocking starts empty.
 */
function statement(db: Db, sql: string, shape: RowShape): Statement<unknown[]> {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  const key = `${shape}:${sql}`;
  let prepared = cache.get(key);
  if (!prepared) {
    prepared = db.prepare(sql) as Statement<unknown[]>;
    if (shape === 'pluck') prepared.pluck();
    if (shape === 'raw') prepared.raw();
    cache.set(key, prepared);
  }
  return prepared;
}

const bind = (params: SqlParams | undefined): unknown[] => (params === undefined ? [] : Array.isArray(params) ? params : [params]);

/** The first row, or undefined. */
export function one<T>(db: ReadDb, sql: string, params?: SqlParams): T | undefined {
  return statement(db, sql, 'object').get(...bind(params)) as T | undefined;
}

/** Every row. */
export function many<T>(db: ReadDb, sql: string, params?: SqlParams): T[] {
  return statement(db, sql, 'object').all(...bind(params)) as T[];
}

/**
 * Rows one at a time, for reading more than should sit in memory at once. The statement is busy
 * until the loop ends: do not run the same SQL text again inside the loop.
 */
export function iterate<T>(db: ReadDb, sql: string, params?: SqlParams): IterableIterator<T> {
  return statement(db, sql, 'object').iterate(...bind(params)) as IterableIterator<T>;
}

/** The first column of the first row (a count, an id), or undefined when there is no row. */
export function value<T>(db: ReadDb, sql: string, params?: SqlParams): T | undefined {
  return statement(db, sql, 'pluck').get(...bind(params)) as T | undefined;
}

/** The first column of every row. */
export function values<T>(db: ReadDb, sql: string, params?: SqlParams): T[] {
  return statement(db, sql, 'pluck').all(...bind(params)) as T[];
}

/** Every row as an array of its columns: for thousands of rows, cheaper than building objects. */
export function tuples<T extends unknown[]>(db: ReadDb, sql: string, params?: SqlParams): T[] {
  return statement(db, sql, 'raw').all(...bind(params)) as T[];
}

export interface RunResult {
  changes: number;
  lastInsertRowid: number;
}

/** One INSERT, UPDATE or DELETE. */
export function run(db: WriteDb, sql: string, params?: SqlParams): RunResult {
  const result = statement(db, sql, 'object').run(...bind(params));
  return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
}

/**
 * Runs `work` in one IMMEDIATE transaction (the write lock is taken at the start, so two writers
 * never both read and then fail to write). Nested inside another transaction it is a savepoint.
 */
export function transaction<T>(db: WriteDb, work: () => T): T {
  return db.transaction(work).immediate();
}

/** `IN (SELECT value FROM json_each(@ids))` takes a list as one parameter: one SQL text, prepared once, for any length. */
export const jsonList = (items: readonly (number | string)[]): string => JSON.stringify(items);
