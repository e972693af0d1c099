/**
 * The vault is opened, locked and re-keyed by the session (session.ts), which every transport goes
 * through, and its channels are in handlers.ts. Backups (backup/) read the key file and unwrap the
 * database key the same way an unlock does, for a copy of the vault that is not the open one.
 */
export { DB_FILE, KEY_FILE } from './vault';
export { readKeyFile } from './keyfile';
export { unwrapDataKey, unwrapInterviewKey } from './slots';
export { wipe } from './crypto';
