/**
 * A vault as an older version of Reciprocal left it: a real key file and an encrypted database at
 * schema `version` (the first `version` migrations, as in test/core/migrations.test.ts), locked.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { applyKey } from '../../electron/core/db/open';
import { migrate, migrations } from '../../electron/core/db/migrations';
import type { Db } from '../../electron/core/db/types';
import { closeVault, createVault, DB_FILE } from '../../electron/core/vault/vault';
import { PASSPHRASE, TEST_SCRYPT } from '../helpers/vault';

/** Returns the raw data key (hex), so a test can read the file without unlocking (which would migrate it). */
export async function vaultAtVersion(vaultDir: string, version: number, fill?: (db: Db) => void): Promise<string> {
  const { vault } = await createVault(vaultDir, PASSPHRASE, { scrypt: TEST_SCRYPT });
  const key = Buffer.from(vault.dataKey); // closing overwrites the vault's own copy
  const vaultId = vault.vaultId;
  closeVault(vault);
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(vaultDir, `${DB_FILE}${suffix}`), { force: true });

  const path = join(vaultDir, DB_FILE);
  const hex = key.toString('hex');
  closeSync(openSync(path, 'wx', 0o600));
  const db = new Database(path);
  try {
    applyKey(db, key);
    db.pragma('journal_mode=WAL');
    migrate(db, migrations.slice(0, version));
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)').run('vault_id', vaultId, 'created_at', new Date().toISOString());
    if (fill) db.transaction(() => fill(db))();
  } finally {
    db.close();
    key.fill(0);
  }
  return hex;
}
