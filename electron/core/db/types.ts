import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

export type Db = BetterSqlite3.Database;
