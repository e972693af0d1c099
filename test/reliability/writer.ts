/**
 * Child process for the kill -9 test: unlocks a vault and writes until killed, printing
 * "committed <n>" only after each write's transaction has returned.
 */
import { writeSync } from 'node:fs';
import { createCore } from '../../electron/core';
import { TEST_SCRYPT } from '../helpers/vault';

const [vaultDir, startArg] = process.argv.slice(2);
const core = createCore(vaultDir!, { scrypt: TEST_SCRYPT, logError: () => {} });
const unlocked = await core.registry.invoke('vault.unlock', { passphrase: process.env.RECIPROCAL_PASSPHRASE! });
if (!unlocked.ok) {
  writeSync(2, `unlock failed: ${unlocked.error.message}\n`);
  process.exit(1);
}
const db = core.session.db;
db.exec('CREATE TABLE IF NOT EXISTS reliability_batches (batch INTEGER NOT NULL, item INTEGER NOT NULL, filler TEXT NOT NULL)');
const insertItem = db.prepare('INSERT INTO reliability_batches (batch, item, filler) VALUES (?, ?, ?)');
const BATCH = 100;
writeSync(1, 'ready\n');

for (let n = Number(startArg); ; n++) {
  if (n % 4 === 0) {
    // A large transaction: the kill often lands inside it, and it must then vanish whole.
    db.transaction(() => {
      for (let i = 0; i < BATCH; i++) insertItem.run(n, i, 'x'.repeat(40));
    }).immediate();
  } else {
    const result = await core.registry.invoke('pilots.create', { name: `row ${n}`, startDate: '2026-10-01', endDate: '2027-06-30' });
    if (!result.ok) {
      writeSync(2, `write failed: ${result.error.message}\n`);
      process.exit(1);
    }
  }
  writeSync(1, `committed ${n}\n`);
}
