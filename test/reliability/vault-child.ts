/**
 * Child process for the kill -9 tests of vault operations. Prepares everything that is not the
 * operation (module loading, the SQLCipher module, the passphrase checker's dictionaries, unlocking),
 * prints "ready", runs the one operation, then prints "done <ms>". The parent kills it at a random
 * moment after "ready".
 *
 *   create  VAULT_DIR                    vault.create with RECIPROCAL_PASSPHRASE
 *   passwd  VAULT_DIR                    vault.changePassphrase to RECIPROCAL_NEW_PASSPHRASE
 *   import  VAULT_DIR PILOT_ID CSV_FILE  participants.import of the whole file
 *   unlock  VAULT_DIR                    vault.unlock (migrates a vault made by an older version)
 */
import { readFileSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { createCore } from '../../electron/core';
import { assertStrongPassphrase } from '../../electron/core/vault/slots';
import { TEST_SCRYPT } from '../helpers/vault';
import type { Envelope } from '../../shared/contract';

const [operation, vaultDir, ...rest] = process.argv.slice(2);
const passphrase = process.env.RECIPROCAL_PASSPHRASE!;
const core = createCore(vaultDir!, { scrypt: TEST_SCRYPT, logError: () => {} });

function check<T>(what: string, envelope: Envelope<T>): T {
  if (!envelope.ok) {
    writeSync(2, `${what} failed: ${envelope.error.code} ${envelope.error.message}\n`);
    process.exit(1);
  }
  return envelope.value;
}

let run: () => Promise<unknown>;
switch (operation) {
  case 'create':
    new Database(':memory:').close(); // loads the native module now, not inside the operation
    await assertStrongPassphrase(passphrase); // loads the strength checker's dictionaries now
    run = async () => check('create', await core.registry.invoke('vault.create', { passphrase }));
    break;
  case 'passwd': {
    const next = process.env.RECIPROCAL_NEW_PASSPHRASE!;
    await assertStrongPassphrase(next);
    check('unlock', await core.registry.invoke('vault.unlock', { passphrase }));
    run = async () => check('passwd', await core.registry.invoke('vault.changePassphrase', { current: { passphrase }, next }));
    break;
  }
  case 'import': {
    const [pilotArg, csvPath] = rest;
    const pilotId = Number(pilotArg);
    const file = { name: 'responses.csv', base64: readFileSync(csvPath!).toString('base64') };
    check('unlock', await core.registry.invoke('vault.unlock', { passphrase }));
    const { stagedId } = check('stage', await core.registry.call('imports.stage', { file }));
    const { mapping } = check('preview', await core.registry.call('participants.importPreview', { pilotId, stagedId }));
    run = async () => check('import', await core.registry.call('participants.import', { pilotId, stagedId, mapping }));
    break;
  }
  case 'unlock':
    new Database(':memory:').close();
    run = async () => check('unlock', await core.registry.invoke('vault.unlock', { passphrase }));
    break;
  default:
    writeSync(2, `unknown operation ${operation}\n`);
    process.exit(2);
}

writeSync(1, 'ready\n');
const started = performance.now();
await run();
writeSync(1, `done ${Math.round(performance.now() - started)}\n`);
core.session.lock();
